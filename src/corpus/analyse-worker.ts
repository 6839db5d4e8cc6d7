/**
 * The body of each ingestion worker thread: opens the gazetteer and builds the
 * stages on its first task, then analyses whatever the pool hands it.
 */
import { workerData } from "piscina";
import { openGazetteer } from "../gazetteer/open.js";
import { createDefaultStages } from "../pipeline/default.js";
import type { Stage } from "../pipeline/stage.js";
import { analyseTask, type AnalyseOutcome, type AnalyseTask } from "./analyser.js";

let stages: Promise<Stage[]> | null = null;

async function buildStages(): Promise<Stage[]> {
  const { gazetteerPath } = workerData as { gazetteerPath: string };
  return createDefaultStages({ gazetteer: await openGazetteer({ path: gazetteerPath }) });
}

export default async function analyseInWorker(task: AnalyseTask): Promise<AnalyseOutcome> {
  stages ??= buildStages();
  return analyseTask(task, await stages);
}
