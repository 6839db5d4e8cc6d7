/**
 * Event coding on the project's own French and Arabic fixtures
 * (fixtures/events/*.tsv): each sentence is analysed in its language with its
 * publication date, and its most confident event is compared with the event a
 * careful ACLED coder would code from it — sub-event type (a sentence with no
 * event is a class of its own), modality, fatalities, date, location and the
 * two actors. The fixtures ship with the project, so the task needs no data
 * folder; `--gold` names another file (or folder of files) in their format.
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../../analyze/analyze.js";
import { ACLED_EVENT_TYPE } from "../../events/lexicon.js";
import type { Analysis, EventRecord, Modality } from "../../model/analysis.js";
import { SitrepError } from "../../model/errors.js";
import { overlaps } from "../../model/span.js";
import type { Stage } from "../../pipeline/stage.js";
import { mapLabels, scoreClassification, type ClassificationScore, type LabelPair } from "../classification-metrics.js";
import { NO_EVENT, readEventFixtures, type EventFixture, type EventFixtureFile, type GoldSpan } from "../datasets/event-fixtures.js";
import type { EvalOutcome, EvalResult, EvalRow, EvalRunOptions, EvalTask } from "../task.js";
import { count, failureNote, openPipeline, share, type Analysed, type EventTaskOptions, type Pipeline } from "./event-pipeline.js";
import { topEvent } from "./top-event.js";

/** Where the project keeps its fixtures: the same path from `src/eval/tasks` and from `dist/eval/tasks`. */
export const EVENT_FIXTURES_DIR = fileURLToPath(new URL("../../../fixtures/events/", import.meta.url));
/** The held-out set, written and coded blind after the first, to check that rules developed on it generalise. */
export const EVENT_HELDOUT_DIR = fileURLToPath(new URL("../../../fixtures/events-heldout/", import.meta.url));

export interface EventFixturesTaskOptions extends EventTaskOptions {
  /** The task's name, the folder of fixtures it reads when no --gold is given, and what it scores. */
  name?: string;
  folder?: string;
  description?: string;
}

export const EVENT_FIXTURES_COLUMNS = ["language", "scored", "n", "accuracy", "macro F1", "weighted F1"];

/** The class of a sentence with no event, and of a prediction of none; "none" itself means an abstention to the metrics. */
const NO_EVENT_CLASS = "no event";

/** The arguments scored on the predicted event, each over the sentences whose gold gives it. */
export type FixtureField = "modality" | "fatalities" | "date" | "location" | "actor1" | "actor2";
const FIELDS: readonly FixtureField[] = ["modality", "fatalities", "date", "location", "actor1", "actor2"];

const NOTES = [
  "one event per sentence: the event with the highest confidence (the earliest trigger on a tie). sub-event type: its ACLED sub-event type, or its scope outside ACLED (diplomatic, claim, political, organised-crime, natural-disaster, man-made-disaster); no event is the class \"no event\", right for a sentence that reports none. event type: the same after grouping sub-event types into ACLED's six event types. Classes: every gold and predicted label.",
  "modality: over sentences whose gold has an event (a negated, future, hypothetical or reported one included); fatalities: low and high both equal to the gold's, over sentences with a gold count; date: date_value equal to the gold date, over sentences with one; location: the event's place mention overlaps the gold location; actor1 / actor2: one of the event's actor1 / actor2 mentions overlaps the gold actor. A sentence where nothing was predicted counts as wrong.",
  "the gold is the project's own (the README.md beside the files): invented sentences in the style of the French- and Arabic-language press, coded by hand; 40 to 70 a language, so one sentence moves a rate by 1.5 to 2.5 points.",
];

/** What the analysis of one sentence predicts, read from its most confident event. */
export interface FixturePrediction {
  /** ACLED sub-event type, scope outside ACLED, or `NO_EVENT`. */
  label: string;
  event: EventRecord | null;
  modality: Modality | null;
  fatalities: { low: number; high: number } | null;
  date: string | null;
  location: GoldSpan | null;
  actor1: GoldSpan[];
  actor2: GoldSpan[];
}

export function predictFixture(analysis: Analysis): FixturePrediction {
  const event = topEvent(analysis.events);
  if (event === null) return { label: NO_EVENT, event, modality: null, fatalities: null, date: null, location: null, actor1: [], actor2: [] };
  const label = event.scope === "acled" ? event.acled?.sub_event_type : event.scope;
  if (label === undefined) throw new Error(`predictFixture: event ${event.id} has scope "acled" but no acled types; the contract requires both`);
  const place = event.location === null ? undefined : analysis.places.find((item) => item.id === event.location);
  const actors = (ids: readonly string[]): GoldSpan[] => analysis.actors.filter((actor) => ids.includes(actor.id)).map(piece);
  return {
    label,
    event,
    modality: event.modality,
    fatalities: event.fatalities === null ? null : { low: event.fatalities.low, high: event.fatalities.high },
    // A date-time is compared by its day, the gold's precision.
    date: event.date_value?.split("T")[0] ?? null,
    location: place === undefined ? null : piece(place),
    actor1: actors(event.actor1),
    actor2: actors(event.actor2),
  };
}

/** Whether each argument of the prediction is the gold's; null where the gold gives nothing to compare. */
export function judgeFixture(fixture: EventFixture, prediction: FixturePrediction): Record<FixtureField, boolean | null> {
  const { fatalities, location, actor1, actor2 } = fixture;
  return {
    modality: fixture.modality === null ? null : prediction.event !== null && prediction.modality === fixture.modality,
    fatalities: fatalities === null ? null : prediction.fatalities?.low === fatalities.low && prediction.fatalities.high === fatalities.high,
    date: fixture.date === null ? null : prediction.date === fixture.date,
    location: location === null ? null : prediction.location !== null && overlaps(prediction.location, location),
    actor1: actor1 === null ? null : prediction.actor1.some((actor) => overlaps(actor, actor1)),
    actor2: actor2 === null ? null : prediction.actor2.some((actor) => overlaps(actor, actor2)),
  };
}

interface SentenceDetail {
  id: string;
  file: string;
  gold: {
    label: string;
    modality: Modality | null;
    fatalities: { low: number; high: number } | null;
    date: string | null;
    location: string | null;
    actor1: string | null;
    actor2: string | null;
  };
  predicted: {
    label: string;
    trigger: string | null;
    confidence: number | null;
    modality: Modality | null;
    fatalities: { low: number; high: number } | null;
    date: string | null;
    location: string | null;
    actor1: string[];
    actor2: string[];
  };
  /** How many events the pipeline found in the sentence. */
  events: number;
  right: { label: boolean } & Record<FixtureField, boolean | null>;
  error?: string;
}

interface LanguageTally {
  language: string;
  files: Set<string>;
  pairs: LabelPair[];
  fields: Record<FixtureField, { n: number; right: number }>;
  sentences: SentenceDetail[];
}

export function createEventFixturesTask(options: EventFixturesTaskOptions = {}): EvalTask {
  const folder = options.folder ?? EVENT_FIXTURES_DIR;
  const name = options.name ?? "event-fixtures";
  return {
    name,
    description: options.description ?? "sub-event type, modality, fatalities, date, location and actors of the most confident event, on the project's own French and Arabic fixtures",
    // The fixtures are the project's own, so the data folder plays no part.
    async run(_dataDir: string, runOptions: EvalRunOptions = {}): Promise<EvalOutcome> {
      const paths = await fixtureFiles(runOptions.gold, folder);
      if (paths === null) return { skipped: `the project's event fixtures (*.tsv) are not in ${folder}; pass --gold` };
      const files: EventFixtureFile[] = [];
      for (const path of paths) files.push(await readEventFixtures(path));
      const pipeline = await openPipeline(options.createStages);
      try {
        return await scoreFiles(name, files, pipeline, runOptions);
      } finally {
        pipeline.close();
      }
    },
  };
}

/** The file `--gold` names, every `.tsv` in the folder it names, or the shipped fixtures in `folder`; null when there are none to read. */
async function fixtureFiles(gold: string | undefined, folder: string): Promise<string[] | null> {
  if (gold !== undefined) {
    if (!existsSync(gold)) throw new SitrepError("input-not-found", `gold data ${gold} does not exist`);
    if (!(await stat(gold)).isDirectory()) return [gold];
    const found = await tsvFiles(gold);
    if (found.length === 0) throw new SitrepError("input-format", `${gold}: expected event fixture files (.tsv) in the folder, found none`);
    return found;
  }
  if (!existsSync(folder)) return null;
  const found = await tsvFiles(folder);
  return found.length === 0 ? null : found;
}

async function tsvFiles(folder: string): Promise<string[]> {
  return (await readdir(folder))
    .filter((name) => name.endsWith(".tsv"))
    .sort()
    .map((name) => join(folder, name));
}

async function scoreFiles(task: string, files: readonly EventFixtureFile[], pipeline: Pipeline, runOptions: EvalRunOptions): Promise<EvalResult> {
  const started = performance.now();
  const tallies = new Map<string, LanguageTally>();
  const failures: string[] = [];
  let stagesRan: string[] | null = null;
  let events = 0;
  let read = 0;

  for (const file of files) {
    read += file.fixtures.length;
    const fixtures = runOptions.limit === undefined ? file.fixtures : file.fixtures.slice(0, runOptions.limit);
    const tally = tallies.get(file.language) ?? emptyTally(file.language);
    tallies.set(file.language, tally);
    tally.files.add(file.path);
    for (const [i, fixture] of fixtures.entries()) {
      const outcome = await analyseFixture(fixture, pipeline.stages);
      let prediction = nothing();
      let error = "error" in outcome ? outcome.error : undefined;
      if (!("error" in outcome)) {
        stagesRan ??= outcome.analysis.stages;
        events += outcome.analysis.events.length;
        try {
          prediction = predictFixture(outcome.analysis);
        } catch (caught) {
          // An event outside the contract is the events stage's bug: reported per sentence, not fatal to the run.
          error = caught instanceof Error ? caught.message : String(caught);
        }
      }
      if (error !== undefined) failures.push(`${fixture.id}: ${error}`);
      const detail = sentenceDetail(file.path, fixture, prediction, "error" in outcome ? 0 : outcome.analysis.events.length, error);
      tally.pairs.push({ gold: asClass(fixture.label), predicted: asClass(prediction.label) });
      for (const field of FIELDS) {
        const right = detail.right[field];
        if (right === null) continue;
        tally.fields[field].n++;
        if (right) tally.fields[field].right++;
      }
      tally.sentences.push(detail);
      runOptions.onProgress?.({ task, dataset: file.language, done: i + 1, total: fixtures.length });
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const groups = [...tallies.values()];
  if (groups.length > 1) groups.push(mergeTallies("all", groups));
  const rows: EvalRow[] = [];
  const details: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const tally of groups) {
    const subEventTypes = scoreClassification(tally.pairs);
    const eventTypes = scoreClassification(mapLabels(tally.pairs, eventTypeOf));
    rows.push(classRow(tally.language, "sub-event type", subEventTypes), classRow(tally.language, "event type", eventTypes));
    for (const field of FIELDS) rows.push({ language: tally.language, scored: field, n: tally.fields[field].n, accuracy: share(tally.fields[field].right, tally.fields[field].n), "macro F1": "-", "weighted F1": "-" });
    if (tally.language === "all") continue;
    const withEvent = tally.sentences.filter((sentence) => sentence.gold.label !== NO_EVENT).length;
    notes.push(`${tally.language}: ${[...tally.files].join(", ")}: ${count(tally.sentences.length)} sentences scored, ${count(withEvent)} with a gold event; support: ${supportOf(subEventTypes)}`);
    details[tally.language] = { files: [...tally.files], subEventTypes, eventTypes, fields: tally.fields, sentences: tally.sentences };
  }
  const scored = groups.filter((tally) => tally.language !== "all").reduce((total, tally) => total + tally.sentences.length, 0);
  notes.push(`${count(read)} sentences read${scored < read ? `, the first ${count(runOptions.limit ?? scored)} of each file scored` : ""}; analysed in ${seconds.toFixed(1)} s`);
  notes.push(...failureNote(task, failures), ...NOTES);
  if (stagesRan !== null) notes.push(`pipeline stages: ${stagesRan.join(", ")}${events === 0 ? "; they found no event in any sentence, so every prediction is no event" : ""}`);
  return { rows, columns: EVENT_FIXTURES_COLUMNS, notes, details };
}

/** The sentence analysed in its language and with its publication date, which relative dates ("hier", "أمس") are anchored on. */
async function analyseFixture(fixture: EventFixture, stages: readonly Stage[]): Promise<Analysed> {
  try {
    const analysis = await analyze({ text: fixture.text }, { metadata: { id: fixture.id, language: fixture.language, published: fixture.published }, stages });
    // Gold offsets index the gold text; an ingest that changed it would make every overlap wrong.
    if (analysis.document.text !== fixture.text) return { error: "the analysed text differs from the gold text, so their offsets cannot be compared" };
    return { analysis };
  } catch (error) {
    // One failing sentence must not sink the file; it is reported in the details and the notes.
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function sentenceDetail(file: string, fixture: EventFixture, prediction: FixturePrediction, events: number, error: string | undefined): SentenceDetail {
  return {
    id: fixture.id,
    file,
    gold: {
      label: fixture.label,
      modality: fixture.modality,
      fatalities: fixture.fatalities,
      date: fixture.date,
      location: fixture.location?.text ?? null,
      actor1: fixture.actor1?.text ?? null,
      actor2: fixture.actor2?.text ?? null,
    },
    predicted: {
      label: prediction.label,
      trigger: prediction.event?.trigger.text ?? null,
      confidence: prediction.event?.confidence ?? null,
      modality: prediction.modality,
      fatalities: prediction.fatalities,
      date: prediction.date,
      location: prediction.location?.text ?? null,
      actor1: prediction.actor1.map((actor) => actor.text),
      actor2: prediction.actor2.map((actor) => actor.text),
    },
    events,
    right: { label: fixture.label === prediction.label, ...judgeFixture(fixture, prediction) },
    ...(error === undefined ? {} : { error }),
  };
}

function nothing(): FixturePrediction {
  return { label: NO_EVENT, event: null, modality: null, fatalities: null, date: null, location: null, actor1: [], actor2: [] };
}

function asClass(label: string): string {
  return label === NO_EVENT ? NO_EVENT_CLASS : label;
}

/** ACLED's event type of a sub-event type; a scope and "no event" stay classes of their own. */
function eventTypeOf(label: string): string {
  return (ACLED_EVENT_TYPE as Readonly<Record<string, string>>)[label] ?? label;
}

function emptyTally(language: string): LanguageTally {
  return { language, files: new Set(), pairs: [], fields: Object.fromEntries(FIELDS.map((field) => [field, { n: 0, right: 0 }])) as LanguageTally["fields"], sentences: [] };
}

function mergeTallies(language: string, tallies: readonly LanguageTally[]): LanguageTally {
  const merged = emptyTally(language);
  for (const tally of tallies) {
    for (const file of tally.files) merged.files.add(file);
    merged.pairs.push(...tally.pairs);
    merged.sentences.push(...tally.sentences);
    for (const field of FIELDS) {
      merged.fields[field].n += tally.fields[field].n;
      merged.fields[field].right += tally.fields[field].right;
    }
  }
  return merged;
}

function classRow(language: string, scored: string, score: ClassificationScore): EvalRow {
  return { language, scored, n: score.items, accuracy: score.accuracy, "macro F1": score.macroF1, "weighted F1": score.weightedF1 };
}

function supportOf(score: ClassificationScore): string {
  return score.classes
    .filter((item) => item.support > 0)
    .map((item) => `${item.label} ${item.support}`)
    .join(", ");
}

function piece(span: { start: number; end: number; text: string }): GoldSpan {
  return { start: span.start, end: span.end, text: span.text };
}
