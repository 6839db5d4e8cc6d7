export { createActorsStage, type ActorsOptions } from "./stage.js";
export { DEMONYM_OF_STRIKE } from "./strike-demonyms.js";
