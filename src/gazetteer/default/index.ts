export { buildDefaultGazetteer, type BuildOptions, type DefaultBuildReport } from "./build-default.js";
export { defaultInputs, type DefaultInputs } from "./inputs.js";
export type { StepReport } from "./step-report.js";
