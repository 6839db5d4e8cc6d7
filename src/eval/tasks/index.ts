import type { EvalTask } from "../task.js";
import { createAttributionTask } from "./attribution.js";
import { createEventFixturesTask } from "./event-fixtures.js";
import { createEventLocationTask } from "./event-location.js";
import { createEventTypingTask } from "./event-typing.js";
import { createGeoparseTask } from "./geoparse.js";
import { languageIdTask } from "./language-id.js";
import { createPersuasionTask } from "./persuasion.js";
import { createPloverTask } from "./plover.js";

/** Every evaluation `sitrep eval` knows, in the order it runs them. */
export const EVAL_TASKS: readonly EvalTask[] = [languageIdTask, createGeoparseTask(), createEventTypingTask(), createEventLocationTask(), createPloverTask(), createEventFixturesTask(), createAttributionTask(), createPersuasionTask()];
