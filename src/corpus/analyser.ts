/**
 * What ingestion calls to turn one input into an analysis: in this thread
 * (one document at a time, for tests and small jobs) or on a pool of worker
 * threads (all cores). Either way a failure comes back as a value with its
 * error code, never as an exception, so that one bad document costs only
 * itself.
 */
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { analyze } from "../analyze/analyze.js";
import type { AnalyzeInput, DocumentMetadata } from "../analyze/input.js";
import type { FetchOptions } from "../ingest/fetch-url.js";
import type { Analysis } from "../model/analysis.js";
import { isSitrepError } from "../model/errors.js";
import type { Stage } from "../pipeline/stage.js";

export interface AnalyseTask {
  input: AnalyzeInput;
  metadata: DocumentMetadata;
  fetch: FetchOptions;
  maxBytes: number;
}

export type AnalyseOutcome = { ok: true; analysis: Analysis } | { ok: false; code: string; message: string };

export interface Analyser {
  analyse(task: AnalyseTask): Promise<AnalyseOutcome>;
  close(): Promise<void>;
}

/** Runs one task with stages built once by the caller. */
export async function analyseTask(task: AnalyseTask, stages: readonly Stage[]): Promise<AnalyseOutcome> {
  try {
    const analysis = await analyze(task.input, { stages, metadata: task.metadata, fetch: task.fetch, maxBytes: task.maxBytes });
    return { ok: true, analysis };
  } catch (error) {
    // A bug in one document is reported with the rest of the batch's failures; the run goes on and exits non-zero.
    return { ok: false, code: isSitrepError(error) ? error.code : "internal-error", message: error instanceof Error ? error.message : String(error) };
  }
}

export function createThreadAnalyser(stages: readonly Stage[]): Analyser {
  return { analyse: (task) => analyseTask(task, stages), close: async () => undefined };
}

/**
 * A pool of worker threads, each with its own gazetteer connection and stages
 * (built once per thread, in analyse-worker.ts). Piscina queues tasks and
 * replaces a thread that dies.
 */
export function createPoolAnalyser(options: { threads: number; gazetteerPath: string }): Analyser {
  const pool = new Piscina({
    filename: fileURLToPath(new URL("./analyse-worker.js", import.meta.url)),
    minThreads: options.threads,
    maxThreads: options.threads,
    workerData: { gazetteerPath: options.gazetteerPath },
  });
  return {
    analyse: (task) => pool.run(task) as Promise<AnalyseOutcome>,
    close: () => pool.destroy(),
  };
}
