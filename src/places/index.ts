export { createPlacesStage, type PlacesOptions } from "./stage.js";
export { distanceKm } from "./resolve.js";
