export { createPlacesStage, type PlacesOptions } from "./stage.js";
