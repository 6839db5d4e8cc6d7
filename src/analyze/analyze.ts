import { openGazetteer } from "../gazetteer/open.js";
import type { Analysis } from "../model/analysis.js";
import { toAnalysis } from "../model/document.js";
import { createDefaultStages } from "../pipeline/default.js";
import { runPipeline, type Context, type Stage } from "../pipeline/stage.js";
import { ingestDocument, type AnalyzeInput, type IngestOptions } from "./input.js";

export interface AnalyzeOptions extends IngestOptions {
  /**
   * The stages to run. When not given, the default pipeline runs on the
   * default gazetteer in SITREP_HOME, built on first use; callers analysing
   * many documents build the stages once and pass them.
   */
  stages?: readonly Stage[];
  context?: Context;
}

/** Analyses one document: the library's entry point and what `sitrep analyze` runs. */
export async function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): Promise<Analysis> {
  const doc = await ingestDocument(input, options);
  if (options.stages) return toAnalysis(runPipeline(options.stages, doc, options.context));
  const gazetteer = await openGazetteer();
  try {
    return toAnalysis(runPipeline(createDefaultStages({ gazetteer }), doc, options.context));
  } finally {
    gazetteer.close();
  }
}
