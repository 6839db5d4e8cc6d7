import type { EvalTask } from "../task.js";
import { createGeoparseTask } from "./geoparse.js";
import { languageIdTask } from "./language-id.js";

/** Every evaluation `sitrep eval` knows, in the order it runs them. */
export const EVAL_TASKS: readonly EvalTask[] = [languageIdTask, createGeoparseTask()];
