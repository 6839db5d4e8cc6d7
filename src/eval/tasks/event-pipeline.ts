/**
 * What the event tasks share: the pipeline made once per run (the default
 * stages on the default gazetteer unless a test supplies its own), one text
 * analysed as an undated English document, and the gold file `--gold` names.
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { analyze } from "../../analyze/analyze.js";
import { openGazetteer } from "../../gazetteer/open.js";
import type { Analysis } from "../../model/analysis.js";
import { SitrepError } from "../../model/errors.js";
import { createDefaultStages } from "../../pipeline/default.js";
import type { Stage } from "../../pipeline/stage.js";

export interface EventTaskOptions {
  /**
   * The stages to run, made once per run. When not given: the default
   * pipeline on the default gazetteer, opened for the run and closed after it.
   */
  createStages?: () => Stage[] | Promise<Stage[]>;
}

export interface Pipeline {
  stages: Stage[];
  close: () => void;
}

export async function openPipeline(createStages: EventTaskOptions["createStages"]): Promise<Pipeline> {
  if (createStages !== undefined) return { stages: await createStages(), close: () => {} };
  const gazetteer = await openGazetteer();
  return { stages: createDefaultStages({ gazetteer }), close: () => gazetteer.close() };
}

export type Analysed = { analysis: Analysis } | { error: string };

/** The gold texts are English and carry no publication date; the pipeline is told the one and not the other. */
export async function analyseEnglishText(id: string, text: string, stages: readonly Stage[]): Promise<Analysed> {
  try {
    const analysis = await analyze({ text }, { metadata: { id, language: "en" }, stages });
    // Gold offsets index the gold text; an ingest that changed it would make every comparison wrong.
    if (analysis.document.text !== text) return { error: "the analysed text differs from the gold text, so their offsets cannot be compared" };
    return { analysis };
  } catch (error) {
    // One failing text must not sink the data set; it is reported in the details and the notes.
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/**
 * The file `--gold` names: the path itself, or the one file in that folder
 * whose name ends with one of `extensions`.
 */
export async function goldFile(path: string, extensions: readonly string[], what: string): Promise<string> {
  if (!existsSync(path)) throw new SitrepError("input-not-found", `gold data ${path} does not exist`);
  if (!(await stat(path)).isDirectory()) return path;
  const names = (await readdir(path)).filter((name) => extensions.some((extension) => name.endsWith(extension))).sort();
  if (names.length !== 1) {
    throw new SitrepError("input-format", `${path}: expected one ${what} file (${extensions.join(", ")}) in the folder, found ${names.length === 0 ? "none" : names.join(", ")}`);
  }
  return join(path, names[0] as string);
}

/** Numbers for the notes, as the other tasks write them. */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}

export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** A note on the documents the pipeline failed on, or nothing. */
export function failureNote(dataset: string, failures: readonly string[]): string[] {
  if (failures.length === 0) return [];
  return [`${dataset}: the pipeline failed on ${count(failures.length)} texts, scored as predicting nothing; first ${clip(failures[0] ?? "", 200)} (all in the details)`];
}
