/**
 * PLOVER event typing: each text is analysed as an undated English document
 * and given one PLOVER type (and mode), the most confident event's. Scored on
 * the PLOVER gold-standard records and, for development only, on NGEC's
 * synthetic stories.
 */
import { open } from "node:fs/promises";
import type { EventRecord } from "../../model/analysis.js";
import { SitrepError } from "../../model/errors.js";
import { NO_LABEL, scoreClassification, type ClassificationScore } from "../classification-metrics.js";
import { datasetPath } from "../data-dir.js";
import { readPloverGoldRecords } from "../datasets/plover-gold-records.js";
import { readPloverSyntheticStories } from "../datasets/plover-synthetic-stories.js";
import type { PloverText } from "../datasets/plover-text.js";
import type { EvalOutcome, EvalResult, EvalRow, EvalRunOptions, EvalTask } from "../task.js";
import { analyseEnglishText, count, failureNote, goldFile, openPipeline, share, type EventTaskOptions, type Pipeline } from "./event-pipeline.js";
import { topEvent } from "./top-event.js";

type PloverDataset = "plover-gsr" | "ngec-synthetic";

interface PloverSource {
  dataset: PloverDataset;
  path: readonly string[];
  read: (path: string) => Promise<PloverText[]>;
}

const SOURCES: readonly PloverSource[] = [
  { dataset: "plover-gsr", path: ["plover-gsr", "PLOVER_GSR_CAMEO.txt"], read: readPloverGoldRecords },
  { dataset: "ngec-synthetic", path: ["ngec-synthetic", "gpt_synthetic_events_2023-10-19_19.csv"], read: readPloverSyntheticStories },
];

export const PLOVER_COLUMNS = ["dataset", "class", "n", "predicted", "accuracy", "macro F1", "mode n", "mode accuracy", "P", "R", "F1"];

const NOTES = [
  "one PLOVER type per text: the plover.type of the event with the highest confidence (the earliest trigger on a tie); no event predicts none, an abstention that is wrong for accuracy and no class of its own. Classes: every gold and predicted type, so a type the gold never uses lowers macro F1.",
  "gold types are read in the PLOVER codebook's 2021 revision, which merged DEMAND into REQUEST, FIGHT into ASSAULT, and DISAPPROVE and INVESTIGATE into ACCUSE.",
  "mode n / mode accuracy: texts whose gold gives a mode, and the share whose predicted mode (plover.mode, compared in lower case) is that mode, whatever the type.",
  "ngec-synthetic is machine-written text labelled with the event and mode it was prompted for: a development check only, never evidence of accuracy on real news (shared/data README).",
];

/**
 * The gold-standard records use PLOVER's earlier types; the 2021 revision,
 * which sitrep's lexicon follows (data/lexicons/README.md), merged four of
 * them into others. Gold types are compared in the revision's terms.
 */
export const PLOVER_2021_TYPE: Readonly<Record<string, string>> = { DEMAND: "REQUEST", FIGHT: "ASSAULT", DISAPPROVE: "ACCUSE", INVESTIGATE: "ACCUSE" };

/** The PLOVER type and mode a text's analysis predicts, and the event they were read from. */
export interface PloverPrediction {
  type: string;
  mode: string | null;
  event: EventRecord | null;
}

export function predictPlover(events: readonly EventRecord[]): PloverPrediction {
  // Occurrences PLOVER has no type for (disasters, crime) cannot answer a PLOVER question.
  const event = topEvent(events.filter((candidate) => candidate.plover !== null));
  if (event?.plover == null) return { type: NO_LABEL, mode: null, event: null };
  const mode = event.plover.mode?.trim().toLowerCase() || null;
  return { type: event.plover.type.trim().toUpperCase(), mode, event };
}

interface TextDetail {
  id: string;
  gold: { type: string; mode: string | null };
  predicted: { type: string; mode: string | null };
  trigger: string | null;
  confidence: number | null;
  error?: string;
}

export function createPloverTask(options: EventTaskOptions = {}): EvalTask {
  return {
    name: "plover",
    description: "PLOVER event type and mode of the most confident event, on the PLOVER gold-standard records and NGEC's synthetic stories",
    async run(dataDir: string, runOptions: EvalRunOptions = {}): Promise<EvalOutcome> {
      const sources = await ploverSources(dataDir, runOptions.gold);
      if (sources.length === 0) return { skipped: `no PLOVER data set (${SOURCES.map((source) => source.path.join("/")).join(", ")}) under ${dataDir}` };
      const pipeline = await openPipeline(options.createStages);
      try {
        return await scoreSources(sources, pipeline, runOptions);
      } finally {
        pipeline.close();
      }
    },
  };
}

async function ploverSources(dataDir: string, gold: string | undefined): Promise<{ source: PloverSource; path: string }[]> {
  if (gold !== undefined) {
    const path = await goldFile(gold, [".txt", ".json", ".csv"], "PLOVER gold");
    return [{ source: await detectPloverSource(path), path }];
  }
  return SOURCES.flatMap((source) => {
    const path = datasetPath(dataDir, ...source.path);
    return path === null ? [] : [{ source, path }];
  });
}

/** The gold records are one JSON array; the synthetic stories a CSV whose header names a label and a mode. */
async function detectPloverSource(path: string): Promise<PloverSource> {
  const handle = await open(path, "r");
  let head: string;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "");
  } finally {
    await handle.close();
  }
  const header = (head.split("\n")[0] ?? "").split(",").map((column) => column.trim());
  const dataset: PloverDataset | null = head.trimStart().startsWith("[") ? "plover-gsr" : ["text", "label", "mode"].every((column) => header.includes(column)) ? "ngec-synthetic" : null;
  if (dataset === null) {
    throw new SitrepError("input-format", `cannot tell which PLOVER gold format ${path} is in; expected the PLOVER gold records (a JSON array) or NGEC synthetic stories (CSV with text, label and mode columns)`);
  }
  return SOURCES.find((source) => source.dataset === dataset) as PloverSource;
}

async function scoreSources(sources: readonly { source: PloverSource; path: string }[], pipeline: Pipeline, runOptions: EvalRunOptions): Promise<EvalResult> {
  const rows: EvalRow[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = {};
  let stagesRan: string[] | null = null;
  let events = 0;

  for (const { source, path } of sources) {
    const started = performance.now();
    const all = await source.read(path);
    const texts = runOptions.limit === undefined ? all : all.slice(0, runOptions.limit);
    const textDetails: TextDetail[] = [];
    const failures: string[] = [];
    for (const [i, text] of texts.entries()) {
      const outcome = await analyseEnglishText(text.id, text.text, pipeline.stages);
      const detail: TextDetail = { id: text.id, gold: { type: PLOVER_2021_TYPE[text.event] ?? text.event, mode: text.mode }, predicted: { type: NO_LABEL, mode: null }, trigger: null, confidence: null };
      if ("error" in outcome) {
        failures.push(`${text.id}: ${outcome.error}`);
        detail.error = outcome.error;
      } else {
        stagesRan ??= outcome.analysis.stages;
        events += outcome.analysis.events.length;
        const prediction = predictPlover(outcome.analysis.events);
        detail.predicted = { type: prediction.type, mode: prediction.mode };
        detail.trigger = prediction.event?.trigger.text ?? null;
        detail.confidence = prediction.event?.confidence ?? null;
      }
      textDetails.push(detail);
      runOptions.onProgress?.({ task: "plover", dataset: source.dataset, done: i + 1, total: texts.length });
    }
    const seconds = (performance.now() - started) / 1000;

    const score = scoreClassification(textDetails.map((detail) => ({ gold: detail.gold.type, predicted: detail.predicted.type })));
    const withMode = textDetails.filter((detail) => detail.gold.mode !== null);
    const modeRight = withMode.filter((detail) => detail.predicted.mode === detail.gold.mode).length;
    rows.push(summaryRow(source.dataset, score, withMode.length, share(modeRight, withMode.length)));
    for (const item of score.classes) {
      rows.push({ ...dashes(), dataset: source.dataset, class: item.label, n: item.support, predicted: item.predicted, P: item.precision, R: item.recall, F1: item.f1 });
    }
    const limited = texts.length < all.length ? `; the first ${count(texts.length)} scored` : "";
    const respelled = all.filter((text) => "statedMode" in text).length;
    notes.push(
      `${source.dataset}: ${path}: ${count(all.length)} texts, ${count(new Set(all.map((text) => text.event)).size)} event types${limited}` +
        `${respelled > 0 ? `; ${count(respelled)} modes respelled as the codebook spells them (PRIMATIVE, SIEZE)` : ""}; read and analysed in ${seconds.toFixed(1)} s`,
      ...failureNote(source.dataset, failures),
    );
    const { classes: _classes, ...overall } = score;
    details[source.dataset] = { path, score: overall, texts: textDetails };
  }
  notes.push(...NOTES);
  if (stagesRan !== null) notes.push(`pipeline stages: ${stagesRan.join(", ")}${events === 0 ? "; they found no event in any text, so every prediction is none and every score 0" : ""}`);
  return { rows, columns: PLOVER_COLUMNS, notes, details };
}

function summaryRow(dataset: string, score: ClassificationScore, withMode: number, modeAccuracy: number): EvalRow {
  return {
    ...dashes(),
    dataset,
    class: "all",
    n: score.items,
    predicted: score.items - score.abstained,
    accuracy: score.accuracy,
    "macro F1": score.macroF1,
    "mode n": withMode,
    "mode accuracy": withMode === 0 ? "-" : modeAccuracy,
  };
}

function dashes(): EvalRow {
  return Object.fromEntries(PLOVER_COLUMNS.map((column) => [column, "-"]));
}
