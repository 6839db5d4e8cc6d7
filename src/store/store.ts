/**
 * The corpus store: documents with their analyses, and one queryable row per
 * event. Two backends implement it (SQLite, the embedded default, and
 * PostgreSQL) with the same schema and behaviour; `src/test-support/store-contract.ts` is the
 * test suite both must pass.
 */
import type { ReviewInput } from "../corpus/review.js";
import type { CorpusEvent, MapPoint, ReviewDecision, TimelineCount } from "../corpus/types.js";
import type { Analysis, EventRecord, EventScope, Modality } from "../model/analysis.js";
import { OutletRegistry, readOutletRegistry } from "../sources/outlets.js";

export type { MapPoint, TimelineCount };

export interface DocumentOrigin {
  /** Where the document was fetched from, as given; the store canonicalises it. */
  url: string | null;
  /** `contentHash(document.text)`. */
  contentHash: string;
  /** Identity of the input the document was read from (see `inputKey`), so that a resumed ingestion skips it before analysing it again. */
  inputKey?: string | null;
}

export interface PutResult {
  id: string;
  /** False when a document with the same content hash or canonical URL was already stored; `id` is then that document's. */
  inserted: boolean;
}

export interface SearchHit {
  id: string;
  url: string | null;
  title: string | null;
  /** Backend-specific relevance, higher is better; comparable only within one result list. */
  score: number;
}

export interface EventFilter {
  /** [minLon, minLat, maxLon, maxLat], inclusive; events without coordinates never match. */
  bbox?: [number, number, number, number];
  /** ISO date, inclusive, compared with `date_value`; events without a date never match. */
  from?: string;
  to?: string;
  subEventType?: string;
  limit?: number;
}

/** Filters of `queryClusters`: every one given must hold. */
export interface ClusterFilter {
  /** [minLon, minLat, maxLon, maxLat], inclusive, on the cluster's place; clusters without one never match. */
  bbox?: [number, number, number, number];
  /** ISO dates, inclusive, on the cluster's date; clusters without one never match. */
  from?: string;
  to?: string;
  eventType?: string;
  subEventType?: string;
  /** An actor id, or a part of an actor's name (case-insensitive). */
  actor?: string;
  /** A publishing outlet's id: clusters that outlet reported. */
  outlet?: string;
  /** A publishing outlet's alignment (state-owned, independent, …): clusters such an outlet reported. */
  alignment?: string;
  /** Words that a member document must contain. */
  text?: string;
  /** Least number of independent outlets. */
  minCorroboration?: number;
  /** Rejected clusters are left out unless asked for. */
  includeRejected?: boolean;
  limit?: number;
  offset?: number;
}

export const TIMELINE_BUCKETS = ["day", "week", "month"] as const;
export type TimelineBucket = (typeof TIMELINE_BUCKETS)[number];

export interface DocumentEvent {
  /** The event's id within the document's analysis. */
  eventId: string;
  clusterId: string | null;
}

/** Which entities to list: those whose id is `q` or whose name or mention text contains it (case-insensitive), all when absent. */
export interface EntityQuery {
  q?: string;
  limit: number;
}

export interface PlaceCount {
  /** `<gazetteer>:<id>`. */
  id: string;
  name: string;
  /** Mentions resolved to the place. */
  mentions: number;
  documents: number;
}

export interface ActorCount extends PlaceCount {
  /** Clusters with the actor on either side. */
  events: number;
}

export interface OutletCount {
  /** The registry id, or `domain:<host>` / `name:<name>` for a publisher the registry does not know. */
  id: string;
  /** Event reports it published. */
  reports: number;
  documents: number;
  /** Clusters it reported. */
  events: number;
}

export interface CorpusStats {
  documents: number;
  /** Event reports: one per event per document. */
  events: number;
  /** Events merged across documents. */
  clusters: number;
  /** Clusters per ACLED event type (null: an occurrence outside ACLED's taxonomy), the most frequent first. */
  byEventType: { eventType: string | null; count: number }[];
  /** Per publisher alignment: the clusters such outlets reported (a cluster counts once under each alignment among its publishers) and their reports. */
  byAlignment: { alignment: string | null; events: number; reports: number }[];
  /** Clusters per reviewers' latest decision. */
  reviewed: { confirmed: number; corrected: number; rejected: number };
}

/** A polled feed's conditional-request state, kept between runs of `sitrep watch`. */
export interface FeedRecord {
  url: string;
  etag: string | null;
  lastModified: string | null;
  checkedAt: string;
  seen: string[];
}

/** The queryable columns of one event; the full record stays in the document's analysis. */
export interface StoredEvent {
  documentId: string;
  /** The event's id within its document's analysis. */
  eventId: string;
  eventType: string | null;
  subEventType: string | null;
  scope: EventScope;
  ploverType: string | null;
  dateValue: string | null;
  timePrecision: number | null;
  lat: number | null;
  lon: number | null;
  geoPrecision: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  modality: Modality;
  actor1: string[];
  actor2: string[];
  sources: string[];
  confidence: number;
  clusterId: string | null;
  /** The document's publisher, as the outlet registry knows it. */
  outletId: string | null;
}

export interface CorpusStore {
  /** Creates or upgrades the schema; running it again changes nothing. */
  migrate(): Promise<void>;
  /** Stores a document, its events and their mentions, and merges each event into the cluster of the same event reported elsewhere, in one transaction. */
  putDocument(analysis: Analysis, origin: DocumentOrigin): Promise<PutResult>;
  /** Whether a document was already stored from this input (see `DocumentOrigin.inputKey`) or at this URL. */
  hasInput(key: { inputKey?: string | null; url?: string | null }): Promise<boolean>;
  getAnalysis(id: string): Promise<Analysis | null>;
  countDocuments(): Promise<number>;
  countEvents(): Promise<number>;
  countClusters(): Promise<number>;
  searchDocuments(text: string, limit: number): Promise<SearchHit[]>;
  queryEvents(filter: EventFilter): Promise<StoredEvent[]>;
  /** Clusters, latest date first (undated last), with reviewers' corrections applied. */
  queryClusters(filter: ClusterFilter): Promise<CorpusEvent[]>;
  /** Every cluster the filter admits, in id order, a page at a time (its limit and offset are ignored): for exports of any size. */
  streamClusters(filter: ClusterFilter): AsyncIterable<CorpusEvent>;
  getCluster(id: string): Promise<CorpusEvent | null>;
  /** Stores a reviewer's decision on a cluster; throws a `not-found` SitrepError for an unknown cluster. */
  review(input: ReviewInput): Promise<ReviewDecision>;
  /** The clusters the filter admits as points on a map, latest first (undated last), without their members, so that a map of a large corpus stays fast; clusters without a place are left out. */
  mapPoints(filter: ClusterFilter): Promise<MapPoint[]>;
  /** How many clusters the filter admits per day, week (from Monday) or month of their date, earliest first; undated clusters are not counted, and the filter's limit and offset are ignored. */
  timeline(filter: ClusterFilter, bucket: TimelineBucket): Promise<TimelineCount[]>;
  /** A document's events, in the order of its analysis, each with the cluster it joined; empty for an unknown document. */
  documentEvents(documentId: string): Promise<DocumentEvent[]>;
  /** Resolved actors the corpus mentions, those in most clusters first. */
  listActors(query: EntityQuery): Promise<ActorCount[]>;
  /** Resolved places the corpus mentions, the most mentioned first. */
  listPlaces(query: EntityQuery): Promise<PlaceCount[]>;
  /** Publishing outlets of the stored events, the most prolific first. */
  listOutlets(): Promise<OutletCount[]>;
  stats(): Promise<CorpusStats>;
  getFeed(url: string): Promise<FeedRecord | null>;
  saveFeed(feed: FeedRecord): Promise<void>;
  close(): Promise<void>;
}

/** Default and ceiling for `EventFilter.limit`, so that an unbounded query cannot load the whole corpus. */
export const DEFAULT_EVENT_LIMIT = 1000;
export const MAX_EVENT_LIMIT = 100_000;

export function eventLimit(filter: EventFilter): number {
  const limit = filter.limit ?? DEFAULT_EVENT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`queryEvents expected a positive integer limit, found ${limit}`);
  return Math.min(limit, MAX_EVENT_LIMIT);
}

/** Offset of a cluster query: a non-negative integer, 0 by default. */
export function clusterOffset(filter: { offset?: number }): number {
  const offset = filter.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`queryClusters expected a non-negative integer offset, found ${offset}`);
  return offset;
}

/** Flattens an analysis' events into rows, taking coordinates from each event's resolved place mention; clusters are assigned afterwards. */
export function eventRows(documentId: string, analysis: Analysis, outletId: string | null): StoredEvent[] {
  const places = new Map(analysis.places.map((place) => [place.id, place]));
  return analysis.events.map((event: EventRecord) => {
    const resolved = event.location === null ? null : (places.get(event.location)?.resolved ?? null);
    return {
      documentId,
      eventId: event.id,
      eventType: event.acled?.event_type ?? null,
      subEventType: event.acled?.sub_event_type ?? null,
      scope: event.scope,
      ploverType: event.plover?.type ?? null,
      dateValue: event.date_value,
      timePrecision: event.time_precision,
      lat: resolved?.lat ?? null,
      lon: resolved?.lon ?? null,
      geoPrecision: event.geo_precision,
      fatalitiesLow: event.fatalities?.low ?? null,
      fatalitiesHigh: event.fatalities?.high ?? null,
      modality: event.modality,
      actor1: event.actor1,
      actor2: event.actor2,
      sources: event.sources,
      confidence: event.confidence,
      clusterId: null,
      outletId,
    };
  });
}

/** A document's place, actor and time mentions, one row each, for listing what the corpus names. */
export interface MentionRow {
  documentId: string;
  mentionId: string;
  kind: "place" | "actor" | "time";
  start: number;
  end: number;
  text: string;
  /** The gazetteer entry (`<gazetteer>:<id>`), actor id or ISO date it resolved to. */
  entityId: string | null;
  entityName: string | null;
}

export function mentionRows(documentId: string, analysis: Analysis): MentionRow[] {
  const row = (kind: MentionRow["kind"], mention: { id: string; start: number; end: number; text: string }, entityId: string | null, entityName: string | null): MentionRow => ({
    documentId, mentionId: mention.id, kind, start: mention.start, end: mention.end, text: mention.text, entityId, entityName,
  });
  return [
    ...analysis.places.map((place) => row("place", place, place.resolved ? `${place.resolved.gazetteer}:${place.resolved.id}` : null, place.resolved?.name ?? null)),
    ...analysis.actors.map((actor) => row("actor", actor, actor.resolved?.id ?? null, actor.resolved?.name ?? null)),
    ...analysis.times.map((time) => row("time", time, time.value, null)),
  ];
}

/** A document's sources, one row each, for listing who the corpus cites. */
export interface SourceRow {
  documentId: string;
  sourceId: string;
  kind: string;
  name: string;
  outletId: string | null;
  alignment: string | null;
  /** The source's relay towards the publisher. */
  via: string | null;
}

export function sourceRows(documentId: string, analysis: Analysis): SourceRow[] {
  return analysis.sources.map((source) => ({
    documentId, sourceId: source.id, kind: source.kind, name: source.name, outletId: source.outlet?.id ?? null, alignment: source.outlet?.alignment ?? null, via: source.via,
  }));
}

let sharedRegistry: OutletRegistry | null = null;

/** The project's outlet registry, read once per process: every store needs it to know a document's publisher. */
export function defaultOutletRegistry(): OutletRegistry {
  sharedRegistry ??= new OutletRegistry(readOutletRegistry());
  return sharedRegistry;
}

/** Page size of `streamClusters`: large enough to amortise a query, small enough to keep memory flat. */
export const STREAM_PAGE = 500;

/** The column values of a document row, shared by both backends. */
export function documentColumns(analysis: Analysis, origin: DocumentOrigin, canonical: string | null) {
  const document = analysis.document;
  return {
    id: origin.contentHash,
    contentHash: origin.contentHash,
    url: origin.url,
    canonicalUrl: canonical,
    outlet: document.outlet,
    language: document.language,
    published: document.published,
    title: document.title,
    text: document.text,
    analysis: JSON.stringify(analysis),
  };
}

/** An event row as a backend returns it; `List` is how it stores a list of ids (JSON text, or a native array). */
export interface EventRowOf<List> {
  document_id: string;
  event_id: string;
  event_type: string | null;
  sub_event_type: string | null;
  scope: StoredEvent["scope"];
  plover_type: string | null;
  date_value: string | null;
  time_precision: number | null;
  lat: number | null;
  lon: number | null;
  geo_precision: number | null;
  fatalities_low: number | null;
  fatalities_high: number | null;
  modality: StoredEvent["modality"];
  actor1: List;
  actor2: List;
  sources: List;
  confidence: number;
  cluster_id: string | null;
  outlet_id: string | null;
}

export function eventFromRow<List>(row: EventRowOf<List>, ids: (list: List) => string[]): StoredEvent {
  return {
    documentId: row.document_id,
    eventId: row.event_id,
    eventType: row.event_type,
    subEventType: row.sub_event_type,
    scope: row.scope,
    ploverType: row.plover_type,
    dateValue: row.date_value,
    timePrecision: row.time_precision,
    lat: row.lat,
    lon: row.lon,
    geoPrecision: row.geo_precision,
    fatalitiesLow: row.fatalities_low,
    fatalitiesHigh: row.fatalities_high,
    modality: row.modality,
    actor1: ids(row.actor1),
    actor2: ids(row.actor2),
    sources: ids(row.sources),
    confidence: row.confidence,
    clusterId: row.cluster_id,
    outletId: row.outlet_id,
  };
}

/** LIKE treats % and _ as wildcards: escape them (with a backslash, the ESCAPE character of both backends' queries) so an actor filter matches only the text given. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
}

/** Rows grouped by their `cluster_id`, each turned into a value, in row order. */
export function groupBy<Row extends { cluster_id: string }, Value>(rows: readonly Row[], value: (row: Row) => Value): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const group = groups.get(row.cluster_id);
    if (group === undefined) groups.set(row.cluster_id, [value(row)]);
    else group.push(value(row));
  }
  return groups;
}

/** The columns of a map point as both backends select them. */
export interface MapPointRow {
  id: string;
  lat: number;
  lon: number;
  event_type: string | null;
  sub_event_type: string | null;
  date_value: string | null;
  independent_outlets: number;
  reports: number;
  status: MapPoint["status"];
}

export const MAP_POINT_COLUMNS = "c.id, c.lat, c.lon, c.event_type, c.sub_event_type, c.date_value, c.independent_outlets, c.reports, c.status";

export function mapPointFromRow(row: MapPointRow): MapPoint {
  return {
    id: row.id, lat: row.lat, lon: row.lon, eventType: row.event_type, subEventType: row.sub_event_type, date: row.date_value,
    independentOutlets: row.independent_outlets, reports: row.reports, status: row.status,
  };
}

const STATUS_OF_ACTION: Readonly<Record<string, keyof CorpusStats["reviewed"]>> = { confirm: "confirmed", correct: "corrected", reject: "rejected" };

/** The review counts of `CorpusStats` from the number of clusters whose latest decision is each action. */
export function reviewCounts(rows: readonly { action: string; count: number }[]): CorpusStats["reviewed"] {
  const reviewed = { confirmed: 0, corrected: 0, rejected: 0 };
  for (const row of rows) {
    const status = STATUS_OF_ACTION[row.action];
    if (status === undefined) throw new Error(`reviewCounts expected a review action (confirm, correct, reject), found ${JSON.stringify(row.action)}`);
    reviewed[status] = row.count;
  }
  return reviewed;
}
