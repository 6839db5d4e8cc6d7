export { createTimesStage, TIME_RULES } from "./stage.js";
export { timesInRange } from "./range.js";
export type { RuleInput, TimeCandidate, TimeRule } from "./candidate.js";
