/**
 * Geoparsing: runs the pipeline on the toponym gold sets and scores
 * `analysis.places` against them: recognition by span, resolution by
 * great-circle error. One row per data set; GeoWebNews twice, literal
 * toponyms only and all toponyms, as Gritta et al. (2019) recommend.
 */
import { analyze } from "../../analyze/analyze.js";
import { openGazetteer } from "../../gazetteer/open.js";
import { createDefaultStages } from "../../pipeline/default.js";
import type { Stage } from "../../pipeline/stage.js";
import { datasetPath } from "../data-dir.js";
import { countGeoDocuments, type GeoDocument, type GeoReadCounts, type GoldToponym } from "../datasets/geo-document.js";
import { detectGeoGold, GEO_GOLD_SETS, type GeoFormat, type GeoGoldSet } from "../datasets/geo-gold.js";
import { GWN_ASSOCIATIVE_TYPES, GWN_LITERAL_TYPES } from "../datasets/geowebnews.js";
import { placeToGeoSpan, scoreDataset, scoreDocument, type DatasetScore, type DocumentScore, type GeoSpan, type MatchedToponym } from "../geo-metrics.js";
import type { EvalOutcome, EvalResult, EvalRow, EvalRunOptions, EvalTask } from "../task.js";

export interface GeoparseTaskOptions {
  /**
   * The stages to run, made once per run. When not given: the default
   * pipeline on the default gazetteer, opened for the run and closed after it.
   */
  createStages?: () => Stage[] | Promise<Stage[]>;
}

/** A scored view of a data set: which of its annotations count; the others are set aside. */
interface Variant {
  name: string;
  counts: (toponym: GoldToponym) => boolean;
}

const VARIANTS: Record<GeoFormat, readonly Variant[]> = {
  geowebnews: [
    { name: "geowebnews (literal)", counts: (toponym) => GWN_LITERAL_TYPES.has(toponym.kind ?? "") },
    { name: "geowebnews (all)", counts: (toponym) => GWN_LITERAL_TYPES.has(toponym.kind ?? "") || GWN_ASSOCIATIVE_TYPES.has(toponym.kind ?? "") },
  ],
  lgl: [{ name: "lgl", counts: () => true }],
  "tr-news": [{ name: "tr-news", counts: () => true }],
  geovirus: [{ name: "geovirus", counts: () => true }],
  "idrisi-ar": [{ name: "idrisi-ar", counts: () => true }],
};

export const GEOPARSE_COLUMNS = [
  "dataset",
  "docs",
  "gold",
  "with coords",
  "predicted",
  "span P",
  "span R",
  "span F1",
  "overlap F1",
  "resolved",
  "acc@161 resolved-only",
  "acc@161 all-gold",
  "median km",
  "mean km",
  "AUC",
  "id match",
];

const NOTES = [
  "span P/R/F1: a predicted place is right when its offsets equal a gold toponym's; overlap F1: when it shares a character with one (one-to-one, largest overlap first). Every analysis.places entry is a prediction, whatever its kind.",
  "resolved: gold toponyms with coordinates matched (by overlap) by a place with resolved coordinates. acc@161 resolved-only = share of those within 161 km; acc@161 all-gold = within 161 km over ALL gold toponyms with coordinates, a missed or unresolved toponym counting as wrong (the acceptance figure).",
  "median/mean km and AUC are over the resolved errors (haversine, R = 6371.0088 km); AUC = area under ln(1 + km) / ln(20039) over the sorted errors, in [0, 1], lower is better. id match: same GeoNames id, over matched pairs where both have one (resolved.gazetteer = geonames).",
  "geowebnews (literal): Literal, Mixed, Literal_Modifier, Coercion, Embedded_Literal; (all): those and the associative Metonymic, Demonym, Non_Literal_Modifier, Embedded_Non_Lit, Homonym, Language. A prediction on an annotation outside the counted types (e.g. a metonym in the literal row, a Non_Toponym) is neither right nor wrong.",
];

/** Per-document findings, written only to the JSON report. */
interface DocumentDetail {
  id: string;
  url?: string;
  gold: number;
  predicted: number;
  /** The pipeline failed on the document or changed its text: every toponym counts as missed. */
  error?: string;
  missed: GoldSummary[];
  spurious: PlaceSummary[];
  matched: { gold: GoldSummary; predicted: PlaceSummary; exact: boolean; errorKm: number | null; sameGeonameId: boolean | null }[];
}

type GoldSummary = Pick<GoldToponym, "start" | "end" | "text" | "lat" | "lon" | "geonameId"> & { kind?: string };
type PlaceSummary = Pick<GeoSpan, "start" | "end" | "text" | "lat" | "lon" | "geonameId">;

interface VariantRun {
  variant: Variant;
  scores: DocumentScore[];
  details: DocumentDetail[];
}

export function createGeoparseTask(options: GeoparseTaskOptions = {}): EvalTask {
  const { createStages } = options;
  return {
    name: "geoparse",
    description: "toponym recognition and resolution (analysis.places) on GeoWebNews, LGL, TR-News, GeoVirus and IDRISI-ar",
    async run(dataDir: string, runOptions: EvalRunOptions = {}): Promise<EvalOutcome> {
      const sources = await goldSources(dataDir, runOptions.gold);
      if (sources.length === 0) return { skipped: `no toponym gold set found under ${dataDir}` };
      const pipeline = createStages === undefined ? await defaultPipeline() : { stages: await createStages(), close: () => {} };
      try {
        return await scoreSources(sources, pipeline.stages, runOptions);
      } finally {
        pipeline.close();
      }
    },
  };
}

async function defaultPipeline(): Promise<{ stages: Stage[]; close: () => void }> {
  const gazetteer = await openGazetteer();
  return { stages: createDefaultStages({ gazetteer }), close: () => gazetteer.close() };
}

async function scoreSources(sources: readonly { set: GeoGoldSet; path: string }[], stages: readonly Stage[], runOptions: EvalRunOptions): Promise<EvalResult> {
  const rows: EvalRow[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = {};
  let stagesRan: string[] | null = null;
  let places = 0;

  for (const { set, path } of sources) {
    const started = performance.now();
    const all = await set.read(path);
    const documents = runOptions.limit === undefined ? all : all.slice(0, runOptions.limit);
    const read = countGeoDocuments(all);
    const runs: VariantRun[] = VARIANTS[set.format].map((variant) => ({ variant, scores: [], details: [] }));
    const failures: string[] = [];
    for (const [i, document] of documents.entries()) {
      const outcome = await analyseDocument(document, set, stages);
      if ("error" in outcome) failures.push(`${document.id}: ${outcome.error}`);
      else stagesRan ??= outcome.stages;
      const predictions = "error" in outcome ? [] : outcome.predictions;
      places += predictions.length;
      for (const run of runs) {
        const counted = document.toponyms.filter(run.variant.counts);
        const ignored = document.toponyms.filter((toponym) => !run.variant.counts(toponym));
        const score = scoreDocument(counted, predictions, ignored);
        run.scores.push(score);
        run.details.push(documentDetail(document, score, "error" in outcome ? outcome.error : undefined));
      }
      runOptions.onProgress?.({ task: "geoparse", dataset: set.format, done: i + 1, total: documents.length });
    }
    const seconds = (performance.now() - started) / 1000;

    for (const run of runs) {
      const score = scoreDataset(run.scores);
      rows.push(row(run.variant.name, score));
      details[run.variant.name] = { path, reading: read, score, documents: run.details };
    }
    notes.push(readingNote(set.format, path, read, documents.length, seconds, failures));
  }
  notes.push(...NOTES);
  if (stagesRan !== null) notes.push(`pipeline stages: ${stagesRan.join(", ")}${places === 0 ? "; they predicted no place in any document, so recall is 0" : ""}`);
  return { rows, columns: GEOPARSE_COLUMNS, notes, details };
}

async function goldSources(dataDir: string, gold: string | undefined): Promise<{ set: GeoGoldSet; path: string }[]> {
  if (gold !== undefined) return [await detectGeoGold(gold)];
  return GEO_GOLD_SETS.flatMap((set) => {
    const path = datasetPath(dataDir, ...set.path);
    return path === null ? [] : [{ set, path }];
  });
}

type Analysed = { predictions: GeoSpan[]; stages: string[] } | { error: string };

async function analyseDocument(document: GeoDocument, set: GeoGoldSet, stages: readonly Stage[]): Promise<Analysed> {
  try {
    const analysis = await analyze({ text: document.text }, { metadata: { id: document.id, language: set.language }, stages });
    // Gold offsets index the gold text; an ingest that changed it would make every comparison wrong.
    if (analysis.document.text !== document.text) return { error: "the analysed text differs from the gold text, so their offsets cannot be compared" };
    return { predictions: analysis.places.map(placeToGeoSpan), stages: analysis.stages };
  } catch (error) {
    // One failing document must not sink the data set; it is reported in the details and the notes.
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function documentDetail(document: GeoDocument, score: DocumentScore, error: string | undefined): DocumentDetail {
  return {
    id: document.id,
    ...(document.url === undefined ? {} : { url: document.url }),
    gold: score.matched.length + score.missed.length,
    predicted: score.matched.length + score.spurious.length,
    ...(error === undefined ? {} : { error }),
    missed: score.missed.map(goldSummary),
    spurious: score.spurious.map(placeSummary),
    matched: score.matched.map((pair: MatchedToponym) => ({
      gold: goldSummary(pair.gold),
      predicted: placeSummary(pair.predicted),
      exact: pair.exact,
      errorKm: pair.errorKm,
      sameGeonameId: pair.sameGeonameId,
    })),
  };
}

function goldSummary(toponym: GeoSpan & { kind?: string }): GoldSummary {
  return { ...placeSummary(toponym), ...(toponym.kind === undefined ? {} : { kind: toponym.kind }) };
}

function placeSummary(span: GeoSpan): PlaceSummary {
  return { start: span.start, end: span.end, text: span.text, lat: span.lat, lon: span.lon, geonameId: span.geonameId };
}

function row(dataset: string, score: DatasetScore): EvalRow {
  const value = (number: number | null): number | string => (number === null ? "-" : number);
  const { resolution } = score;
  return {
    dataset,
    docs: score.documents,
    gold: score.gold,
    "with coords": resolution.goldWithCoordinates,
    predicted: score.predicted,
    "span P": value(score.exact.precision),
    "span R": value(score.exact.recall),
    "span F1": value(score.exact.f1),
    "overlap F1": value(score.overlap.f1),
    resolved: resolution.resolved,
    "acc@161 resolved-only": value(resolution.accuracy161Resolved),
    "acc@161 all-gold": value(resolution.accuracy161AllGold),
    "median km": value(resolution.medianKm),
    "mean km": value(resolution.meanKm),
    AUC: value(resolution.auc),
    "id match": value(resolution.idMatch),
  };
}

/** What the gold file holds (all of it, whatever --limit says), how it was repaired, and how long scoring took. */
function readingNote(format: GeoFormat, path: string, read: GeoReadCounts, scored: number, seconds: number, failures: readonly string[]): string {
  const n = (count: number): string => count.toLocaleString("en-US");
  const repairs = [
    `${n(read.corrected)} offsets corrected`,
    `${n(read.dropped)} toponyms dropped (unalignable)`,
    ...(read.duplicates > 0 ? [`${n(read.duplicates)} duplicate annotations merged`] : []),
  ].join(", ");
  const limited = scored < read.documents ? `; the first ${n(scored)} scored` : "";
  const failed = failures.length > 0 ? `; the pipeline failed on ${n(failures.length)} documents, first ${clip(failures[0] ?? "", 200)} (all in the details)` : "";
  return (
    `${format}: ${path}: ${n(read.documents)} documents, ${n(read.toponyms)} annotations, ${n(read.withCoordinates)} with coordinates, ` +
    `${n(read.withGeonameId)} with a GeoNames id; ${repairs}${limited}; read and analysed in ${seconds.toFixed(1)} s${failed}`
  );
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
