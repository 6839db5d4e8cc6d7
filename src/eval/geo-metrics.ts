/**
 * Geoparsing scores: toponym recognition by span (exact offsets, and overlap
 * reported separately) and resolution by great-circle error, as in Gritta et
 * al. ("What's missing in geographical parsing?", 2018; "A Pragmatic Guide to
 * Geoparsing Evaluation", 2019). Pure functions: documents in, counts out.
 */
import type { PlaceMention } from "../model/analysis.js";
import { distanceKm } from "../model/geo.js";
import type { Span } from "../model/span.js";

/** Mean Earth radius (IUGG), km. */
/** The k of accuracy@k: 161 km, 100 miles. */
export const ACCURACY_KM = 161;
/** The AUC scale's top: Gritta et al.'s round figure for the largest possible error (π R is ≈ 20,015 km). */
export const MAX_ERROR_KM = 20039;

/** A span with what it resolved to, gold or predicted; nulls where there is nothing. */
export interface GeoSpan extends Span {
  text: string;
  lat: number | null;
  lon: number | null;
  geonameId: string | null;
}

/** What the places layer predicts for one mention, in the terms the scores need. */
export function placeToGeoSpan(place: PlaceMention): GeoSpan {
  const resolved = place.resolved;
  return {
    start: place.start,
    end: place.end,
    text: place.text,
    lat: resolved?.lat ?? null,
    lon: resolved?.lon ?? null,
    geonameId: resolved !== null && resolved.gazetteer === "geonames" ? resolved.id : null,
  };
}


export type MatchMode = "exact" | "overlap";

/**
 * One-to-one pairs `[gold index, predicted index]`. Exact: same start and end.
 * Overlap: sharing at least one character; the pairs sharing most characters
 * are taken first (an exact pair before a wider one sharing as many), so a
 * prediction counts for one toponym only.
 */
export function matchSpans(gold: readonly Span[], predicted: readonly Span[], mode: MatchMode): [number, number][] {
  const candidates: { gold: number; predicted: number; shared: number; exact: boolean }[] = [];
  gold.forEach((g, i) =>
    predicted.forEach((p, j) => {
      const shared = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      const exact = g.start === p.start && g.end === p.end;
      if (mode === "exact" ? exact : shared > 0) candidates.push({ gold: i, predicted: j, shared, exact });
    }),
  );
  candidates.sort((a, b) => b.shared - a.shared || Number(b.exact) - Number(a.exact) || a.gold - b.gold || a.predicted - b.predicted);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: [number, number][] = [];
  for (const candidate of candidates) {
    if (usedGold.has(candidate.gold) || usedPredicted.has(candidate.predicted)) continue;
    usedGold.add(candidate.gold);
    usedPredicted.add(candidate.predicted);
    pairs.push([candidate.gold, candidate.predicted]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

export interface SpanCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface MatchedToponym {
  gold: GeoSpan;
  predicted: GeoSpan;
  exact: boolean;
  /** Null unless both sides have coordinates. */
  errorKm: number | null;
  /** Null unless both sides have a GeoNames id. */
  sameGeonameId: boolean | null;
}

export interface DocumentScore {
  exact: SpanCounts;
  overlap: SpanCounts;
  /** Gold toponyms with coordinates: the denominator of the all-gold accuracy. */
  goldWithCoordinates: number;
  /** Pairs by overlap, in gold order. */
  matched: MatchedToponym[];
  missed: GeoSpan[];
  /** Predictions that match no gold toponym (by overlap) and overlap no ignored annotation. */
  spurious: GeoSpan[];
}

/**
 * Scores one document. `ignore` are gold annotations outside the evaluated
 * set (GeoWebNews' associative toponyms in the literal-only variant): a
 * prediction on one of them is neither right nor wrong.
 */
export function scoreDocument(gold: readonly GeoSpan[], predictions: readonly GeoSpan[], ignore: readonly Span[] = []): DocumentScore {
  const overlapPairs = matchSpans(gold, predictions, "overlap");
  const exactPairs = matchSpans(gold, predictions, "exact");
  const onIgnored = (span: Span): boolean => ignore.some((other) => span.start < other.end && other.start < span.end);
  const counts = (pairs: readonly [number, number][]): SpanCounts => {
    const paired = new Set(pairs.map(([, j]) => j));
    const unpaired = predictions.filter((prediction, j) => !paired.has(j) && !onIgnored(prediction));
    return { truePositives: pairs.length, falsePositives: unpaired.length, falseNegatives: gold.length - pairs.length };
  };
  const exactSet = new Set(exactPairs.map(([i, j]) => `${i}:${j}`));
  const matched = overlapPairs.map(([i, j]): MatchedToponym => {
    const g = gold[i] as GeoSpan;
    const p = predictions[j] as GeoSpan;
    return {
      gold: g,
      predicted: p,
      exact: exactSet.has(`${i}:${j}`),
      errorKm: g.lat !== null && g.lon !== null && p.lat !== null && p.lon !== null ? distanceKm({ lat: g.lat, lon: g.lon }, { lat: p.lat, lon: p.lon }) : null,
      sameGeonameId: g.geonameId !== null && p.geonameId !== null ? g.geonameId === p.geonameId : null,
    };
  });
  const pairedGold = new Set(overlapPairs.map(([i]) => i));
  const pairedPredictions = new Set(overlapPairs.map(([, j]) => j));
  return {
    exact: counts(exactPairs),
    overlap: counts(overlapPairs),
    goldWithCoordinates: gold.filter((toponym) => toponym.lat !== null && toponym.lon !== null).length,
    matched,
    missed: gold.filter((_, i) => !pairedGold.has(i)),
    spurious: predictions.filter((prediction, j) => !pairedPredictions.has(j) && !onIgnored(prediction)),
  };
}

export interface SpanScores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Null where the denominator is 0: no prediction has no precision. F1 = 2TP / (2TP + FP + FN). */
export function spanScores(counts: SpanCounts): SpanScores {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  return {
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
    f1: 2 * tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn),
  };
}

export interface ResolutionScores {
  /** Errors measured: matched toponyms where both sides have coordinates. */
  resolved: number;
  /** Share of the measured errors within 161 km ("resolved-only"). */
  accuracy161Resolved: number | null;
  /** Errors within 161 km over every gold toponym with coordinates; a miss is wrong ("all gold"). */
  accuracy161AllGold: number | null;
  goldWithCoordinates: number;
  meanKm: number | null;
  medianKm: number | null;
  /** Area under the log-error curve in [0, 1]; lower is better. */
  auc: number | null;
  /** Matched pairs where both sides have a GeoNames id. */
  idPairs: number;
  idMatch: number | null;
}

export interface DatasetScore {
  documents: number;
  gold: number;
  predicted: number;
  exact: SpanCounts & SpanScores;
  overlap: SpanCounts & SpanScores;
  resolution: ResolutionScores;
}

/** Micro-averages: counts and errors are pooled over the documents before dividing. */
export function scoreDataset(documents: readonly DocumentScore[]): DatasetScore {
  const sum = (pick: (score: DocumentScore) => SpanCounts): SpanCounts => ({
    truePositives: documents.reduce((total, score) => total + pick(score).truePositives, 0),
    falsePositives: documents.reduce((total, score) => total + pick(score).falsePositives, 0),
    falseNegatives: documents.reduce((total, score) => total + pick(score).falseNegatives, 0),
  });
  const exact = sum((score) => score.exact);
  const overlap = sum((score) => score.overlap);
  const matched = documents.flatMap((score) => score.matched);
  const errors = matched.flatMap((pair) => (pair.errorKm === null ? [] : [pair.errorKm]));
  const goldWithCoordinates = documents.reduce((total, score) => total + score.goldWithCoordinates, 0);
  const idPairs = matched.filter((pair) => pair.sameGeonameId !== null);
  return {
    documents: documents.length,
    gold: overlap.truePositives + overlap.falseNegatives,
    predicted: documents.reduce((total, score) => total + score.matched.length + score.spurious.length, 0),
    exact: { ...exact, ...spanScores(exact) },
    overlap: { ...overlap, ...spanScores(overlap) },
    resolution: {
      resolved: errors.length,
      accuracy161Resolved: errors.length === 0 ? null : withinKm(errors) / errors.length,
      accuracy161AllGold: goldWithCoordinates === 0 ? null : withinKm(errors) / goldWithCoordinates,
      goldWithCoordinates,
      meanKm: errors.length === 0 ? null : errors.reduce((total, error) => total + error, 0) / errors.length,
      medianKm: median(errors),
      auc: errorCurveAuc(errors),
      idPairs: idPairs.length,
      idMatch: idPairs.length === 0 ? null : idPairs.filter((pair) => pair.sameGeonameId).length / idPairs.length,
    },
  };
}

function withinKm(errors: readonly number[]): number {
  return errors.filter((error) => error <= ACCURACY_KM).length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Gritta et al.'s AUC: sort the errors, scale each to ln(1 + km) / ln(20039),
 * and take the area under that curve by the trapezoidal rule over a unit-wide
 * x axis. 0 when every error is 0 km; just under 1 when every error is half
 * the globe.
 */
export function errorCurveAuc(errorsKm: readonly number[]): number | null {
  if (errorsKm.length === 0) return null;
  const scaled = [...errorsKm].sort((a, b) => a - b).map((error) => Math.log1p(error) / Math.log(MAX_ERROR_KM));
  if (scaled.length === 1) return scaled[0] as number;
  let area = 0;
  for (let i = 1; i < scaled.length; i++) area += ((scaled[i - 1] as number) + (scaled[i] as number)) / 2;
  return area / (scaled.length - 1);
}
