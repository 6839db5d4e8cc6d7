export { createActorsStage, type ActorsOptions } from "./stage.js";
