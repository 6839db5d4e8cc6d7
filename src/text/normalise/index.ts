export { createNormaliseStage } from "./normalise.js";
export { foldKey } from "./fold.js";
export { skeletonKey, skeletonOfFolded } from "./skeleton.js";
export { tokenKeys } from "./keys.js";
