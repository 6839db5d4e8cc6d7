import { createActorsStage } from "../actors/stage.js";
import { createEventsStage } from "../events/stage.js";
import { createFramingStage } from "../framing/index.js";
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import { createPlacesStage } from "../places/index.js";
import { createLanguageStage } from "../text/language/index.js";
import { createNormaliseStage } from "../text/normalise/index.js";
import { createSourcesStage } from "../sources/stage.js";
import { createSegmentStage } from "../text/segment/index.js";
import { createTimesStage } from "../times/index.js";
import { createSpanCheckStage } from "./check-spans.js";
import type { Stage } from "./stage.js";

export interface DefaultStagesOptions {
  gazetteer: Gazetteer;
}

/** The text stages alone: language, segmentation, normalisation keys. */
export function createTextStages(): Stage[] {
  return [createLanguageStage(), createSegmentStage(), createNormaliseStage()];
}

/**
 * The default pipeline, in order: text, then the mentions (places before
 * actors, whose generic nouns take their country from demonyms; times), then
 * the events that link them, according to whom (sources, quotes, attributions),
 * and the framing of the words themselves. Later
 * capabilities add their stages before the span check.
 */
export function createDefaultStages(options: DefaultStagesOptions): Stage[] {
  return [
    ...createTextStages(),
    createPlacesStage({ gazetteer: options.gazetteer }),
    createActorsStage(),
    createTimesStage(),
    createEventsStage(),
    createSourcesStage(),
    createFramingStage(),
    createSpanCheckStage(),
  ];
}
