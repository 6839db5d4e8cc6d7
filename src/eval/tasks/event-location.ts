/**
 * Event location on Halterman's event-location sentences: for each gold
 * event verb, the location of the event the pipeline found at that verb
 * (`event.location`, a place mention) against the gold LOCATION spans.
 * Two rules computed from the same analyses — the first place mention in
 * the verb's sentence, and the place mention nearest the verb — show whether
 * the events stage does better than placing every event trivially.
 */
import type { Analysis, EventRecord, PlaceMention } from "../../model/analysis.js";
import { overlaps, type Span } from "../../model/span.js";
import { datasetPath } from "../data-dir.js";
import { countEventVerbRecords, readEventVerbLocations, type EventVerbRecord } from "../datasets/event-verb-locations.js";
import type { EvalOutcome, EvalResult, EvalRow, EvalRunOptions, EvalTask } from "../task.js";
import { analyseEnglishText, count, failureNote, goldFile, openPipeline, share, type EventTaskOptions, type Pipeline } from "./event-pipeline.js";
import { topEvent } from "./top-event.js";

const DATASET_PATH = ["event-location", "labeled_text.json"];

export const EVENT_LOCATION_COLUMNS = ["method", "records", "with location", "accuracy", "exact", "no event", "no location", "wrong", "none when none"];

const NOTES = [
  "events: the most confident event whose trigger, or a word pooled into it, overlaps the gold verb, and its place mention (event.location). first in sentence: the first place mention in the sentence holding the verb. nearest: the place mention fewest characters from the verb (the earlier on a tie).",
  "over records whose gold names a location: accuracy = the predicted place overlaps a gold LOCATION span; exact = same offsets as one; no event = no event at the verb (events row only); no location = nothing predicted; wrong = a place that is not the gold's. none when none: over records whose gold names no location, the share given none.",
];

export type LocationMethod = "events" | "first in sentence" | "nearest";

const METHODS: readonly LocationMethod[] = ["events", "first in sentence", "nearest"];

/**
 * How one prediction compares with the gold: where the gold names a location,
 * `right`, `wrong`, `no-location` (nothing predicted) or `no-event` (no event at
 * the verb); where it names none, `none-right` or `none-wrong`.
 */
export type LocationOutcome = "right" | "wrong" | "no-location" | "no-event" | "none-right" | "none-wrong";

export interface LocationPrediction {
  /** The event found at the verb; null for the rule baselines. */
  event: EventRecord | null;
  place: PlaceMention | null;
}

/** The event at the gold verb (the most confident of those whose trigger or pooled evidence overlaps it) and its place. */
export function predictEventLocation(analysis: Analysis, verbs: readonly Span[]): LocationPrediction {
  const event = topEvent(analysis.events.filter((item) => verbs.some((verb) => overlaps(item.trigger, verb) || item.evidence.some((span) => overlaps(span, verb)))));
  const place = event === null || event.location === null ? null : (analysis.places.find((item) => item.id === event.location) ?? null);
  return { event, place };
}

/** The first place mention in the sentence that holds the verb (the whole text when no sentence does). */
export function firstPlaceInSentence(analysis: Analysis, verb: Span): PlaceMention | null {
  const sentence = analysis.sentences.find((item) => overlaps(item, verb)) ?? { start: 0, end: analysis.document.text.length };
  const inSentence = analysis.places.filter((place) => overlaps(place, sentence));
  return inSentence.reduce<PlaceMention | null>((first, place) => (first === null || place.start < first.start ? place : first), null);
}

/** The place mention with the fewest characters between it and the verb; the earlier one on a tie. */
export function nearestPlace(analysis: Analysis, verb: Span): PlaceMention | null {
  const distance = (place: Span): number => Math.max(0, place.start - verb.end, verb.start - place.end);
  let nearest: PlaceMention | null = null;
  for (const place of analysis.places) {
    if (nearest === null || distance(place) < distance(nearest) || (distance(place) === distance(nearest) && place.start < nearest.start)) nearest = place;
  }
  return nearest;
}

export function locationOutcome(record: EventVerbRecord, prediction: LocationPrediction, method: LocationMethod): LocationOutcome {
  if (record.locations.length === 0) return prediction.place === null ? "none-right" : "none-wrong";
  if (method === "events" && prediction.event === null) return "no-event";
  if (prediction.place === null) return "no-location";
  const place = prediction.place;
  return record.locations.some((gold) => overlaps(gold, place)) ? "right" : "wrong";
}

interface Tally {
  records: number;
  withLocation: number;
  exact: number;
  outcomes: Record<LocationOutcome, number>;
}

interface PlaceSummary {
  start: number;
  end: number;
  text: string;
}

interface RecordDetail {
  id: string;
  source: string;
  verb: PlaceSummary[];
  gold: PlaceSummary[];
  event: { trigger: PlaceSummary; confidence: number } | null;
  error?: string;
  predictions: Record<LocationMethod, { place: PlaceSummary | null; outcome: LocationOutcome; exact: boolean }>;
}

export function createEventLocationTask(options: EventTaskOptions = {}): EvalTask {
  return {
    name: "event-location",
    description: "the location of the event at a gold verb (event.location) on the event-location sentences, against two rule baselines",
    async run(dataDir: string, runOptions: EvalRunOptions = {}): Promise<EvalOutcome> {
      const path = runOptions.gold !== undefined ? await goldFile(runOptions.gold, [".json"], "event-location JSON") : datasetPath(dataDir, ...DATASET_PATH);
      if (path === null) return { skipped: `no event-location data under ${DATASET_PATH.join("/")} in ${dataDir}` };
      const records = await readEventVerbLocations(path);
      const pipeline = await openPipeline(options.createStages);
      try {
        return await scoreRecords(path, records, pipeline, runOptions);
      } finally {
        pipeline.close();
      }
    },
  };
}

async function scoreRecords(path: string, all: readonly EventVerbRecord[], pipeline: Pipeline, runOptions: EvalRunOptions): Promise<EvalResult> {
  const started = performance.now();
  const scorable = all.filter((record) => record.verbs.length > 0);
  const records = runOptions.limit === undefined ? scorable : scorable.slice(0, runOptions.limit);
  const tallies = Object.fromEntries(METHODS.map((method) => [method, emptyTally()])) as Record<LocationMethod, Tally>;
  // The same methods on the records where the events stage found an event at the verb: the fair comparison of
  // how the stage chooses among the sentence's places, apart from whether it recognises the verb as an event.
  const foundTallies = Object.fromEntries(METHODS.map((method) => [method, emptyTally()])) as Record<LocationMethod, Tally>;
  const details: RecordDetail[] = [];
  const failures: string[] = [];
  let stagesRan: string[] | null = null;
  let events = 0;
  let eventsAtVerb = 0;
  let placeFound = 0;

  for (const [i, record] of records.entries()) {
    const outcome = await analyseEnglishText(record.id, record.text, pipeline.stages);
    const analysis = "error" in outcome ? null : outcome.analysis;
    if ("error" in outcome) failures.push(`${record.id}: ${outcome.error}`);
    else stagesRan ??= outcome.analysis.stages;
    const verb = record.verbs[0] as Span;
    const predictions: Record<LocationMethod, LocationPrediction> =
      analysis === null
        ? { events: nothing(), "first in sentence": nothing(), nearest: nothing() }
        : {
            events: predictEventLocation(analysis, record.verbs),
            "first in sentence": { event: null, place: firstPlaceInSentence(analysis, verb) },
            nearest: { event: null, place: nearestPlace(analysis, verb) },
          };
    events += analysis?.events.length ?? 0;
    if (predictions.events.event !== null) eventsAtVerb++;
    if (analysis !== null && record.locations.some((gold) => analysis.places.some((place) => overlaps(place, gold)))) placeFound++;

    const detailPredictions = {} as RecordDetail["predictions"];
    for (const method of METHODS) {
      const prediction = predictions[method];
      const result = locationOutcome(record, prediction, method);
      const exact = prediction.place !== null && record.locations.some((gold) => gold.start === prediction.place?.start && gold.end === prediction.place.end);
      add(tallies[method], record, result, exact);
      if (predictions.events.event !== null) add(foundTallies[method], record, result, exact);
      detailPredictions[method] = { place: prediction.place === null ? null : summary(prediction.place), outcome: result, exact };
    }
    const event = predictions.events.event;
    details.push({
      id: record.id,
      source: record.source,
      verb: record.verbs.map(summary),
      gold: record.locations.map(summary),
      event: event === null ? null : { trigger: summary(event.trigger), confidence: event.confidence },
      ...("error" in outcome ? { error: outcome.error } : {}),
      predictions: detailPredictions,
    });
    runOptions.onProgress?.({ task: "event-location", dataset: "event-location", done: i + 1, total: records.length });
  }
  const seconds = (performance.now() - started) / 1000;

  const read = countEventVerbRecords(all);
  const withLocation = tallies.events.withLocation;
  const limited = records.length < scorable.length ? `; the first ${count(records.length)} scored` : "";
  const notes = [
    `event-location: ${path}: ${count(read.records)} records, ${count(read.withLocation)} with a location; ${count(read.repaired)} span offsets taken from their tokens, ` +
      `${count(read.dropped)} spans dropped (no such tokens)${read.withoutVerb > 0 ? `, ${count(read.withoutVerb)} records without a verb not scored` : ""}${limited}; read and analysed in ${seconds.toFixed(1)} s`,
    `the pipeline found an event at the gold verb in ${count(eventsAtVerb)} of ${count(records.length)} records; a place mention overlapping a gold location in ${count(placeFound)} of ${count(withLocation)} (${(100 * share(placeFound, withLocation)).toFixed(1)}%), the ceiling of every row's accuracy`,
    ...failureNote("event-location", failures),
    ...NOTES,
  ];
  if (stagesRan !== null && events === 0) notes.push(`pipeline stages: ${stagesRan.join(", ")}; they found no event in any record, so the events row predicts nothing`);
  else if (stagesRan !== null) notes.push(`pipeline stages: ${stagesRan.join(", ")}`);
  return {
    rows: [...METHODS.map((method) => row(method, tallies[method])), ...METHODS.map((method) => ({ ...row(method, foundTallies[method]), method: `${method}, where an event is found` }))],
    columns: EVENT_LOCATION_COLUMNS,
    notes,
    details: { "event-location": { path, reading: read, records: details } },
  };
}

function nothing(): LocationPrediction {
  return { event: null, place: null };
}

function emptyTally(): Tally {
  return { records: 0, withLocation: 0, exact: 0, outcomes: { right: 0, wrong: 0, "no-location": 0, "no-event": 0, "none-right": 0, "none-wrong": 0 } };
}

function add(tally: Tally, record: EventVerbRecord, outcome: LocationOutcome, exact: boolean): void {
  tally.records++;
  if (record.locations.length > 0) tally.withLocation++;
  if (exact) tally.exact++;
  tally.outcomes[outcome]++;
}

function row(method: LocationMethod, tally: Tally): EvalRow {
  const { outcomes, withLocation } = tally;
  const withoutLocation = tally.records - withLocation;
  return {
    method,
    records: tally.records,
    "with location": withLocation,
    accuracy: share(outcomes.right, withLocation),
    exact: share(tally.exact, withLocation),
    "no event": method === "events" ? share(outcomes["no-event"], withLocation) : "-",
    "no location": share(outcomes["no-location"], withLocation),
    wrong: share(outcomes.wrong, withLocation),
    "none when none": share(outcomes["none-right"], withoutLocation),
  };
}

function summary(span: { start: number; end: number; text: string }): PlaceSummary {
  return { start: span.start, end: span.end, text: span.text };
}
