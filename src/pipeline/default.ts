import { createLanguageStage } from "../text/language/index.js";
import { createNormaliseStage } from "../text/normalise/index.js";
import { createSegmentStage } from "../text/segment/index.js";
import { createSpanCheckStage } from "./check-spans.js";
import type { Stage } from "./stage.js";

/** The default pipeline, in order. Later capabilities add their stages before the span check. */
export function createDefaultStages(): Stage[] {
  return [createLanguageStage(), createSegmentStage(), createNormaliseStage(), createSpanCheckStage()];
}
