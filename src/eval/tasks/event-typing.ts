/**
 * Event typing on CASE 2021 Task 2: each snippet is analysed as an undated
 * English document and given one label, the CASE label of its most
 * confident event. Scored over the 30 CASE labels (micro, macro and weighted
 * F1, the task's official figures) and again after grouping the ACLED
 * sub-event types into ACLED's six event types.
 */
import type { EventRecord } from "../../model/analysis.js";
import { mapLabels, NO_LABEL, scoreClassification, type ClassificationScore, type LabelPair } from "../classification-metrics.js";
import { datasetPath } from "../data-dir.js";
import { readAcledEventSnippets, type AcledEventSnippet } from "../datasets/acled-event-snippets.js";
import type { EvalOutcome, EvalResult, EvalRow, EvalRunOptions, EvalTask } from "../task.js";
import { ACLED_SUB_EVENT_TYPES, CASE_LABELS, CASE_UNSEEN_LABELS, caseEventType, caseLabel } from "./case-labels.js";
import { analyseEnglishText, count, failureNote, goldFile, openPipeline, type EventTaskOptions, type Pipeline } from "./event-pipeline.js";
import { topEvent } from "./top-event.js";

const DATASET_PATH = ["case2021-task2", "test_set_final_release_with_labels.even.tsv"];

export const EVENT_TYPING_COLUMNS = ["scored", "n", "predicted", "accuracy", "micro F1", "macro F1", "weighted F1", "P", "R", "F1"];

/** ACLED's six event types, then the unseen CASE types as classes of their own. */
const COARSE_LABELS: readonly string[] = [...new Set(ACLED_SUB_EVENT_TYPES.map((type) => type.eventType)), ...CASE_UNSEEN_LABELS];

const NOTES = [
  "one label per snippet: the CASE label of the event with the highest confidence (the earliest trigger on a tie); no event, or only a political one (no CASE class), predicts none.",
  "none is an abstention: wrong for accuracy and against the gold class's recall, but no class of its own, so micro P = right / snippets given a label and micro R = right / snippets; with no abstention micro F1 equals accuracy.",
  `ACLED event types: the 25 sub-event types grouped into ${COARSE_LABELS.slice(0, 6).join(", ")}; the unseen ${CASE_UNSEEN_LABELS.join(", ")} stay classes of their own (per-class scores in the details).`,
];

/** The label a snippet's analysis predicts, and the event it was read from. */
export interface CasePrediction {
  label: string;
  event: EventRecord | null;
}

export function predictCaseLabel(events: readonly EventRecord[]): CasePrediction {
  const event = topEvent(events);
  return { label: event === null ? NO_LABEL : caseLabel(event), event };
}

interface SnippetDetail {
  id: string;
  gold: string;
  predicted: string;
  trigger: string | null;
  confidence: number | null;
  /** How many events the pipeline found in the snippet. */
  events: number;
  error?: string;
}

export function createEventTypingTask(options: EventTaskOptions = {}): EvalTask {
  return {
    name: "event-typing",
    description: "one ACLED sub-event type per snippet (the most confident event, as a CASE label) on CASE 2021 Task 2",
    async run(dataDir: string, runOptions: EvalRunOptions = {}): Promise<EvalOutcome> {
      const path = runOptions.gold !== undefined ? await goldFile(runOptions.gold, [".tsv"], "CASE 2021 Task 2 TSV") : datasetPath(dataDir, ...DATASET_PATH);
      if (path === null) return { skipped: `no CASE 2021 Task 2 data under ${DATASET_PATH.join("/")} in ${dataDir}` };
      const snippets = await readAcledEventSnippets(path);
      const pipeline = await openPipeline(options.createStages);
      try {
        return await scoreSnippets(path, snippets, pipeline, runOptions);
      } finally {
        pipeline.close();
      }
    },
  };
}

async function scoreSnippets(path: string, all: readonly AcledEventSnippet[], pipeline: Pipeline, runOptions: EvalRunOptions): Promise<EvalResult> {
  const started = performance.now();
  const snippets = runOptions.limit === undefined ? all : all.slice(0, runOptions.limit);
  const pairs: LabelPair[] = [];
  const details: SnippetDetail[] = [];
  const failures: string[] = [];
  let stagesRan: string[] | null = null;
  let events = 0;
  for (const [i, snippet] of snippets.entries()) {
    const detail = await analyseSnippet(snippet, pipeline);
    if (detail.row.error !== undefined) failures.push(`${snippet.id}: ${detail.row.error}`);
    stagesRan ??= detail.stages ?? null;
    events += detail.row.events;
    pairs.push({ gold: snippet.label, predicted: detail.row.predicted });
    details.push(detail.row);
    runOptions.onProgress?.({ task: "event-typing", dataset: "case2021-task2", done: i + 1, total: snippets.length });
  }
  const seconds = (performance.now() - started) / 1000;

  // A gold label outside the official 30 is scored as a class too, so it cannot pass unseen.
  const labels = [...CASE_LABELS, ...[...new Set(pairs.map((pair) => pair.gold))].filter((label) => !CASE_LABELS.includes(label) && label !== NO_LABEL).sort()];
  const fine = scoreClassification(pairs, { labels });
  const coarse = scoreClassification(mapLabels(pairs, caseEventType), {
    labels: [...COARSE_LABELS, ...labels.filter((label) => !CASE_LABELS.includes(label))],
  });

  const rows: EvalRow[] = [
    summaryRow(`all ${CASE_LABELS.length} sub-event types`, fine),
    summaryRow("ACLED event types", coarse),
    ...fine.classes.map((item): EvalRow => ({ ...dashes(), scored: item.label, n: item.support, predicted: item.predicted, P: item.precision, R: item.recall, F1: item.f1 })),
  ];
  const limited = snippets.length < all.length ? `; the first ${count(snippets.length)} scored` : "";
  const unknown = labels.filter((label) => !CASE_LABELS.includes(label));
  const notes = [
    `case2021-task2: ${path}: ${count(all.length)} snippets${limited}; read and analysed in ${seconds.toFixed(1)} s` +
      (unknown.length > 0 ? `; gold labels outside the 30 CASE labels, scored as classes of their own: ${unknown.join(", ")}` : ""),
    `support: ${fine.classes.map((item) => `${item.label} ${item.support}`).join(", ")}`,
    ...failureNote("case2021-task2", failures),
    ...NOTES,
  ];
  if (stagesRan !== null) notes.push(`pipeline stages: ${stagesRan.join(", ")}${events === 0 ? "; they found no event in any snippet, so every prediction is none and every score 0" : ""}`);
  return {
    rows,
    columns: EVENT_TYPING_COLUMNS,
    notes,
    details: {
      "case2021-task2": {
        path,
        score: withoutClasses(fine),
        eventTypes: withoutClasses(coarse),
        eventTypeClasses: coarse.classes,
        snippets: details,
      },
    },
  };
}

async function analyseSnippet(snippet: AcledEventSnippet, pipeline: Pipeline): Promise<{ row: SnippetDetail; stages?: string[] }> {
  const outcome = await analyseEnglishText(snippet.id, snippet.text, pipeline.stages);
  const failed = (error: string): { row: SnippetDetail } => ({
    row: { id: snippet.id, gold: snippet.label, predicted: NO_LABEL, trigger: null, confidence: null, events: 0, error },
  });
  if ("error" in outcome) return failed(outcome.error);
  const { analysis } = outcome;
  let prediction: CasePrediction;
  try {
    prediction = predictCaseLabel(analysis.events);
  } catch (error) {
    // An event outside the contract (an unknown ACLED sub-event type) is the events stage's bug: reported per snippet, not fatal to the run.
    return failed(error instanceof Error ? error.message : String(error));
  }
  return {
    row: {
      id: snippet.id,
      gold: snippet.label,
      predicted: prediction.label,
      trigger: prediction.event?.trigger.text ?? null,
      confidence: prediction.event?.confidence ?? null,
      events: analysis.events.length,
    },
    stages: analysis.stages,
  };
}

function summaryRow(scored: string, score: ClassificationScore): EvalRow {
  return {
    ...dashes(),
    scored,
    n: score.items,
    predicted: score.items - score.abstained,
    accuracy: score.accuracy,
    "micro F1": score.micro.f1,
    "macro F1": score.macroF1,
    "weighted F1": score.weightedF1,
  };
}

function dashes(): EvalRow {
  return Object.fromEntries(EVENT_TYPING_COLUMNS.map((column) => [column, "-"]));
}

/** The score for the JSON report; per-class rows are in the table already. */
function withoutClasses(score: ClassificationScore): Omit<ClassificationScore, "classes"> {
  const { classes: _classes, ...rest } = score;
  return rest;
}
