import type { Analysis } from "../model/analysis.js";
import { toAnalysis } from "../model/document.js";
import { createDefaultStages } from "../pipeline/default.js";
import { runPipeline, type Context, type Stage } from "../pipeline/stage.js";
import { ingestDocument, type AnalyzeInput, type IngestOptions } from "./input.js";

export interface AnalyzeOptions extends IngestOptions {
  /** The stages to run; the default pipeline when not given. */
  stages?: readonly Stage[];
  context?: Context;
}

/** Analyses one document: the library's entry point and what `sitrep analyze` runs. */
export async function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): Promise<Analysis> {
  const doc = await ingestDocument(input, options);
  return toAnalysis(runPipeline(options.stages ?? createDefaultStages(), doc, options.context));
}
