import type { EvalTask } from "../task.js";
import { createAttributionTask } from "./attribution.js";
import { createEventFixturesTask, EVENT_HELDOUT_DIR } from "./event-fixtures.js";
import { createEventLocationTask } from "./event-location.js";
import { createEventTypingTask } from "./event-typing.js";
import { createGeoparseTask } from "./geoparse.js";
import { languageIdTask } from "./language-id.js";
import { createPersuasionTask } from "./persuasion.js";
import { createPloverTask } from "./plover.js";

/** Every evaluation `sitrep eval` knows, in the order it runs them. */
export const EVAL_TASKS: readonly EvalTask[] = [languageIdTask, createGeoparseTask(), createEventTypingTask(), createEventLocationTask(), createPloverTask(), createEventFixturesTask(),
  createEventFixturesTask({
    name: "event-heldout",
    folder: EVENT_HELDOUT_DIR,
    description: "the same scores on the project's held-out French and Arabic fixtures, written and coded blind after the first set",
  }),
  createAttributionTask(), createPersuasionTask()];
