/**
 * The part of storing a document that both backends share: each new event
 * report joins the cluster of the same event reported before, or founds one,
 * and every cluster it touched is summarised again with its reviews applied.
 * Backends give the step their transaction through `ClusterWork`, so that the
 * rules live in one place and the SQL in each backend.
 *
 * Clustering is incremental, so it depends on the order documents arrive in;
 * a report only ever joins a cluster, it never splits one.
 */
import { createHash } from "node:crypto";
import { candidateWindow, chooseCluster, type CandidateWindow } from "../corpus/cluster.js";
import { applyReviews } from "../corpus/review.js";
import { summariseCluster } from "../corpus/summarise.js";
import type { ClusterMember, ClusterSummary, CorpusEvent, EventReport, MergeEvidence, ReviewDecision } from "../corpus/types.js";

export type ClusterWindow = CandidateWindow;

/**
 * The SQL condition (over an events table aliased `e`) that narrows a
 * window's candidates by date per time precision, scope and type, so that the
 * rules compare a few reports rather than every one near in space and time.
 * `param` adds a value and returns its placeholder.
 */
export function candidateCondition(window: ClusterWindow, param: (value: string) => string): string {
  // The plain range first: an index on the date can serve it; the per-precision bounds then narrow it.
  const dates = `e.date_value BETWEEN ${param(window.from)} AND ${param(window.to)} AND (
    (e.time_precision = 1 AND e.date_value >= ${param(window.fromByPrecision[1])})
    OR (e.time_precision = 2 AND e.date_value >= ${param(window.fromByPrecision[2])})
    OR ((e.time_precision IS NULL OR e.time_precision = 3) AND e.date_value >= ${param(window.fromByPrecision[3])}))`;
  // Placeholders are added in the order they appear in the text: SQLite numbers them by position.
  const scope = `e.scope = ${param(window.scope)}`;
  const types = window.subEventTypes === null ? "" : ` AND (e.sub_event_type IS NULL OR e.sub_event_type IN (${window.subEventTypes.map(param).join(", ")}))`;
  return `${dates} AND ${scope}${types}`;
}

/** What a backend offers the step, inside the transaction that stores the document. */
export interface ClusterWork {
  /** Ids of clusters with a member dated and placed inside the window. */
  clustersIn(window: ClusterWindow): Promise<string[]>;
  members(clusterId: string): Promise<ClusterMember[]>;
  reviews(clusterId: string): Promise<ReviewDecision[]>;
  assign(report: EventReport, clusterId: string, merged: MergeEvidence | null): Promise<void>;
  saveCluster(row: ClusterRow): Promise<void>;
}

/** A cluster's stored columns: the queryable ones from the corrected summary, and both summaries in full. */
export interface ClusterRow {
  id: string;
  eventType: string | null;
  subEventType: string | null;
  scope: string;
  dateValue: string | null;
  lat: number | null;
  lon: number | null;
  independentOutlets: number;
  reports: number;
  status: "confirmed" | "corrected" | "rejected" | null;
  /** The machine's summary, before corrections. */
  summary: string;
  /** The summary with corrections applied, as queries return it. */
  corrected: string;
  /** Actor ids and lower-cased names, for the actor filter. */
  actors: { id: string; name: string }[];
  updatedAt: string;
}

/** Deterministic, so that the same corpus ingested twice gets the same cluster ids. */
export function clusterId(foundingKey: string): string {
  return `c${createHash("sha256").update(foundingKey).digest("hex").slice(0, 16)}`;
}

export async function clusterReports(work: ClusterWork, reports: readonly EventReport[]): Promise<void> {
  const touched = new Set<string>();
  for (const report of reports) {
    const window = candidateWindow(report);
    const candidates: { id: string; members: ClusterMember[] }[] = [];
    if (window !== null) {
      for (const id of await work.clustersIn(window)) candidates.push({ id, members: await work.members(id) });
    }
    const choice = chooseCluster(report, candidates);
    const id = choice?.clusterId ?? clusterId(report.key);
    await work.assign(report, id, choice?.merged ?? null);
    touched.add(id);
  }
  for (const id of touched) await summarise(work, id);
}

/** Summarises a cluster again from its members and reviews and saves it. */
export async function summarise(work: ClusterWork, id: string): Promise<void> {
  const members = await work.members(id);
  const summary = summariseCluster(members);
  const corrected = applyReviews(summary, await work.reviews(id));
  await work.saveCluster(clusterRow(id, members.length, summary, corrected.summary, corrected.review?.status ?? null));
}

function clusterRow(id: string, reports: number, summary: ClusterSummary, corrected: ClusterSummary, status: ClusterRow["status"]): ClusterRow {
  const actors = new Map<string, string>();
  for (const actor of [...corrected.actor1, ...corrected.actor2]) actors.set(actor.id, actor.name.toLowerCase());
  return {
    id,
    eventType: corrected.eventType,
    subEventType: corrected.subEventType,
    scope: corrected.scope,
    dateValue: corrected.dateValue,
    lat: corrected.place?.lat ?? null,
    lon: corrected.place?.lon ?? null,
    independentOutlets: corrected.corroboration.independentOutlets,
    reports,
    status,
    summary: JSON.stringify(summary),
    corrected: JSON.stringify(corrected),
    actors: [...actors].map(([actorId, name]) => ({ id: actorId, name })),
    updatedAt: new Date().toISOString(),
  };
}

/** A stored cluster as queries return it. */
export function corpusEvent(id: string, corrected: ClusterSummary, members: ClusterMember[], decisions: ReviewDecision[], updatedAt: string): CorpusEvent {
  const review = decisions.length === 0 ? null : applyReviews(corrected, decisions).review;
  return { id, summary: corrected, members, review, updatedAt };
}
