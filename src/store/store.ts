/**
 * The corpus store: documents with their analyses, and one queryable row per
 * event. Two backends implement it (SQLite, the embedded default, and
 * PostgreSQL) with the same schema and behaviour; `src/test-support/store-contract.ts` is the
 * test suite both must pass.
 */
import type { Analysis, EventRecord, EventScope, Modality } from "../model/analysis.js";

export interface DocumentOrigin {
  /** Where the document was fetched from, as given; the store canonicalises it. */
  url: string | null;
  /** `contentHash(document.text)`. */
  contentHash: string;
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
}

export interface CorpusStore {
  /** Creates or upgrades the schema; running it again changes nothing. */
  migrate(): Promise<void>;
  putDocument(analysis: Analysis, origin: DocumentOrigin): Promise<PutResult>;
  getAnalysis(id: string): Promise<Analysis | null>;
  countDocuments(): Promise<number>;
  countEvents(): Promise<number>;
  searchDocuments(text: string, limit: number): Promise<SearchHit[]>;
  queryEvents(filter: EventFilter): Promise<StoredEvent[]>;
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

/** Flattens an analysis' events into rows, taking coordinates from each event's resolved place mention. */
export function eventRows(documentId: string, analysis: Analysis): StoredEvent[] {
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
    };
  });
}

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
  };
}
