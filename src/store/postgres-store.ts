/**
 * The PostgreSQL backend: the SQLite schema in PostgreSQL types, full-text
 * search through a generated tsvector ('simple' configuration, so no
 * language's stemming favours one of French, English or Arabic) with a GIN
 * index, and place and time queries through btree indexes (no PostGIS).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { publisherFacts, reportsFromAnalysis } from "../corpus/reports.js";
import { checkReviewInput, reviewDecision, type ReviewInput } from "../corpus/review.js";
import type { ClusterMember, ClusterSummary, CorpusEvent, EventReport, MergeEvidence, ReviewDecision } from "../corpus/types.js";
import type { Analysis } from "../model/analysis.js";
import { SitrepError } from "../model/errors.js";
import type { OutletRegistry } from "../sources/outlets.js";
import { candidateCondition, clusterReports, corpusEvent, summarise, type ClusterWork } from "./cluster-step.js";
import { canonicalUrl } from "./identity.js";
import {
  clusterOffset,
  defaultOutletRegistry,
  documentColumns,
  eventFromRow,
  eventLimit,
  eventRows,
  groupBy,
  likePattern,
  mentionRows,
  sourceRows,
  STREAM_PAGE,
  MAP_POINT_COLUMNS,
  mapPointFromRow,
  reviewCounts,
  type ActorCount,
  type ClusterFilter,
  type CorpusStats,
  type CorpusStore,
  type DocumentEvent,
  type DocumentOrigin,
  type EntityQuery,
  type EventFilter,
  type EventRowOf,
  type FeedRecord,
  type MapPoint,
  type MapPointRow,
  type OutletCount,
  type PlaceCount,
  type PutResult,
  type SearchHit,
  type StoredEvent,
  type TimelineBucket,
  type TimelineCount,
  whereClause,
} from "./store.js";

/** Each entry upgrades the schema by one version; never edit one that has shipped, append a new one. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE documents (
    id TEXT COLLATE "C" PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    canonical_url TEXT UNIQUE,
    outlet TEXT,
    language TEXT NOT NULL,
    published TEXT,
    title TEXT,
    text TEXT NOT NULL,
    analysis JSONB NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
  );
  CREATE INDEX documents_search ON documents USING GIN (search);
  CREATE TABLE events (
    seq BIGSERIAL PRIMARY KEY,
    document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    event_type TEXT,
    sub_event_type TEXT,
    scope TEXT NOT NULL,
    plover_type TEXT,
    date_value TEXT COLLATE "C",
    time_precision SMALLINT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    geo_precision SMALLINT,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    modality TEXT NOT NULL,
    actor1 JSONB NOT NULL,
    actor2 JSONB NOT NULL,
    sources JSONB NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    UNIQUE (document_id, event_id)
  );
  CREATE INDEX events_date ON events (date_value);
  CREATE INDEX events_sub_event_type ON events (sub_event_type, date_value);
  CREATE INDEX events_lat_lon ON events (lat, lon);
  `,
  `
  ALTER TABLE events ADD COLUMN cluster_id TEXT COLLATE "C";
  ALTER TABLE events ADD COLUMN outlet_id TEXT;
  ALTER TABLE events ADD COLUMN outlet_alignment TEXT;
  ALTER TABLE events ADD COLUMN report JSONB;
  ALTER TABLE events ADD COLUMN merged JSONB;
  CREATE INDEX events_cluster ON events (cluster_id);
  CREATE INDEX events_outlet ON events (outlet_id, cluster_id);
  CREATE INDEX events_alignment ON events (outlet_alignment, cluster_id);
  CREATE INDEX events_date_lat_lon ON events (date_value, lat, lon) WHERE cluster_id IS NOT NULL;
  CREATE TABLE clusters (
    id TEXT COLLATE "C" PRIMARY KEY,
    event_type TEXT,
    sub_event_type TEXT,
    scope TEXT NOT NULL,
    date_value TEXT COLLATE "C",
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    independent_outlets INTEGER NOT NULL,
    reports INTEGER NOT NULL,
    status TEXT,
    summary JSONB NOT NULL,
    corrected JSONB NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX clusters_date ON clusters (date_value);
  CREATE INDEX clusters_type ON clusters (event_type, sub_event_type);
  CREATE INDEX clusters_corroboration ON clusters (independent_outlets);
  CREATE INDEX clusters_lat_lon ON clusters (lat, lon);
  CREATE TABLE cluster_actors (
    cluster_id TEXT COLLATE "C" NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (cluster_id, actor_id)
  );
  CREATE INDEX cluster_actors_actor ON cluster_actors (actor_id);
  CREATE TABLE reviews (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    cluster_id TEXT COLLATE "C" NOT NULL REFERENCES clusters(id),
    action TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    decision JSONB NOT NULL
  );
  CREATE INDEX reviews_cluster ON reviews (cluster_id, seq);
  CREATE TABLE mentions (
    document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    mention_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    entity_id TEXT,
    entity_name TEXT,
    PRIMARY KEY (document_id, mention_id)
  );
  CREATE INDEX mentions_entity ON mentions (kind, entity_id);
  CREATE TABLE sources (
    document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    outlet_id TEXT,
    alignment TEXT,
    via TEXT,
    PRIMARY KEY (document_id, source_id)
  );
  CREATE INDEX sources_outlet ON sources (outlet_id);
  CREATE TABLE inputs (
    key TEXT PRIMARY KEY,
    document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE
  );
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL,
    seen JSONB NOT NULL
  );
  `,
  // Map points and the timeline read these columns of every cluster the filters keep; an index that holds them
  // answers without reading the wide summary rows.
  `
  CREATE INDEX clusters_points ON clusters (date_value, id, status, lat, lon, event_type, sub_event_type, independent_outlets, reports);
  `,
];

/** Any constant: it names the advisory lock that serialises concurrent migrations. */
const MIGRATION_LOCK = 0x5173_7265;
/**
 * Names the advisory lock that serialises document writes across every
 * connection and worker: clustering reads the clusters near a new event and
 * then joins one, and two writers doing that at once could each found a
 * cluster for the same event. Analysis, the slow part, runs outside it.
 */
const WRITE_LOCK = 0x5173_7266;

type EventRow = EventRowOf<string[]>;

function fromEventRow(row: EventRow): StoredEvent {
  return eventFromRow(row, (list: string[]) => list);
}

interface ClusterDbRow {
  id: string;
  corrected: ClusterSummary;
  updated_at: string;
}

type Queryable = Pick<pg.PoolClient, "query">;

export interface PostgresStoreOptions {
  /** Schema to work in (created by `migrate`); the connection's default search_path when absent. */
  schema?: string;
  /** Largest number of pooled connections. */
  max?: number;
  /** The outlet registry that names each document's publisher; the project's by default. */
  outlets?: OutletRegistry;
}

export class PostgresStore implements CorpusStore {
  readonly #pool: pg.Pool;
  readonly #schema: string | null;
  readonly #outlets: OutletRegistry;

  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    this.#schema = options.schema ?? null;
    if (this.#schema !== null && !/^[a-z_][a-z0-9_]*$/.test(this.#schema)) throw new TypeError(`PostgresStore expected a lower-case SQL identifier as schema, found ${JSON.stringify(this.#schema)}`);
    const config: pg.PoolConfig = { connectionString, max: options.max ?? 10 };
    // Every pooled connection must see the same schema, not only the first one.
    if (this.#schema !== null) config.options = `-c search_path=${this.#schema}`;
    this.#pool = new pg.Pool(config);
    // An idle pooled connection that the server closes (a restart, a dropped database) must not crash the process:
    // the pool replaces it, and the next query that cannot run reports its own error.
    this.#pool.on("error", () => undefined);
    this.#outlets = options.outlets ?? defaultOutletRegistry();
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      if (this.#schema !== null) await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.#schema}`);
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      const { rows } = await client.query<{ version: number | null }>("SELECT max(version) AS version FROM schema_migrations");
      const current = rows[0]?.version ?? 0;
      for (const [index, sql] of MIGRATIONS.slice(current).entries()) {
        await client.query(sql);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [current + index + 1]);
      }
    });
  }

  async putDocument(analysis: Analysis, origin: DocumentOrigin): Promise<PutResult> {
    const canonical = origin.url === null ? null : canonicalUrl(origin.url);
    const columns = documentColumns(analysis, origin, canonical);
    const reports = reportsFromAnalysis(columns.id, analysis, this.#outlets);
    const publisher = publisherFacts(analysis, this.#outlets);
    return this.#transaction(async (client): Promise<PutResult> => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
      const found = (await client.query<{ id: string }>("SELECT id FROM documents WHERE content_hash = $1 OR canonical_url = $2 LIMIT 1", [columns.contentHash, canonical])).rows[0];
      if (found !== undefined) {
        await recordInput(client, origin.inputKey, found.id);
        return { id: found.id, inserted: false };
      }
      await client.query(
        `INSERT INTO documents (id, content_hash, url, canonical_url, outlet, language, published, title, text, analysis)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [columns.id, columns.contentHash, columns.url, columns.canonicalUrl, columns.outlet, columns.language, columns.published, columns.title, columns.text, columns.analysis],
      );
      const reportOf = new Map(reports.map((report) => [report.eventId, report]));
      // One statement per table, the rows as one JSON array: a round trip per row is what costs most on a local server.
      const events = eventRows(columns.id, analysis, publisher?.id ?? null).map((event) => ({
        ...event, alignment: publisher?.alignment ?? null, report: reportOf.get(event.eventId),
      }));
      await client.query(
        `INSERT INTO events (document_id, event_id, event_type, sub_event_type, scope, plover_type, date_value, time_precision, lat, lon, geo_precision,
           fatalities_low, fatalities_high, modality, actor1, actor2, sources, confidence, outlet_id, outlet_alignment, report)
         SELECT "documentId", "eventId", "eventType", "subEventType", scope, "ploverType", "dateValue", "timePrecision", lat, lon, "geoPrecision",
           "fatalitiesLow", "fatalitiesHigh", modality, actor1, actor2, sources, confidence, "outletId", alignment, report
         FROM jsonb_to_recordset($1::jsonb) AS r("documentId" text, "eventId" text, "eventType" text, "subEventType" text, scope text, "ploverType" text,
           "dateValue" text, "timePrecision" smallint, lat double precision, lon double precision, "geoPrecision" smallint, "fatalitiesLow" integer,
           "fatalitiesHigh" integer, modality text, actor1 jsonb, actor2 jsonb, sources jsonb, confidence double precision, "outletId" text, alignment text, report jsonb)`,
        [JSON.stringify(events)],
      );
      await client.query(
        `INSERT INTO mentions (document_id, mention_id, kind, start, "end", text, entity_id, entity_name)
         SELECT "documentId", "mentionId", kind, start, "end", text, "entityId", "entityName"
         FROM jsonb_to_recordset($1::jsonb) AS r("documentId" text, "mentionId" text, kind text, start integer, "end" integer, text text, "entityId" text, "entityName" text)`,
        [JSON.stringify(mentionRows(columns.id, analysis))],
      );
      await client.query(
        `INSERT INTO sources (document_id, source_id, kind, name, outlet_id, alignment, via)
         SELECT "documentId", "sourceId", kind, name, "outletId", alignment, via
         FROM jsonb_to_recordset($1::jsonb) AS r("documentId" text, "sourceId" text, kind text, name text, "outletId" text, alignment text, via text)`,
        [JSON.stringify(sourceRows(columns.id, analysis))],
      );
      await recordInput(client, origin.inputKey, columns.id);
      await clusterReports(clusterWork(client), reports);
      return { id: columns.id, inserted: true };
    });
  }

  async hasInput(key: { inputKey?: string | null; url?: string | null }): Promise<boolean> {
    if (key.inputKey != null && (await this.#pool.query("SELECT 1 FROM inputs WHERE key = $1", [key.inputKey])).rowCount !== 0) return true;
    return key.url != null && (await this.#pool.query("SELECT 1 FROM documents WHERE canonical_url = $1", [canonicalUrl(key.url)])).rowCount !== 0;
  }

  async getAnalysis(id: string): Promise<Analysis | null> {
    const { rows } = await this.#pool.query<{ analysis: Analysis }>("SELECT analysis FROM documents WHERE id = $1", [id]);
    return rows[0]?.analysis ?? null;
  }

  async #count(table: "documents" | "events" | "clusters"): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table}`);
    return rows[0]?.n ?? 0;
  }

  countDocuments(): Promise<number> {
    return this.#count("documents");
  }

  countEvents(): Promise<number> {
    return this.#count("events");
  }

  countClusters(): Promise<number> {
    return this.#count("clusters");
  }

  async searchDocuments(text: string, limit: number): Promise<SearchHit[]> {
    const { rows } = await this.#pool.query<{ id: string; url: string | null; title: string | null; score: number }>(
      `SELECT id, url, title, ts_rank(search, query)::double precision AS score
       FROM documents, plainto_tsquery('simple', $1) AS query
       WHERE search @@ query ORDER BY score DESC, id LIMIT $2`,
      [text, limit],
    );
    return rows;
  }

  async queryEvents(filter: EventFilter): Promise<StoredEvent[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const param = (value: string | number) => `$${params.push(value)}`;
    if (filter.bbox !== undefined) {
      const [minLon, minLat, maxLon, maxLat] = filter.bbox;
      where.push(`lat BETWEEN ${param(minLat)} AND ${param(maxLat)}`, `lon BETWEEN ${param(minLon)} AND ${param(maxLon)}`);
    }
    if (filter.from !== undefined) where.push(`date_value >= ${param(filter.from)}`);
    if (filter.to !== undefined) where.push(`date_value <= ${param(filter.to)}`);
    if (filter.subEventType !== undefined) where.push(`sub_event_type = ${param(filter.subEventType)}`);
    const sql = `SELECT * FROM events ${whereClause(where)}
      ORDER BY date_value NULLS LAST, document_id, seq LIMIT ${param(eventLimit(filter))}`;
    const { rows } = await this.#pool.query<EventRow>(sql, params);
    return rows.map(fromEventRow);
  }

  /** The WHERE of a cluster query, numbering its parameters from $1. */
  #clusterWhere(filter: ClusterFilter): { where: string[]; params: (string | number)[] } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const param = (value: string | number) => `$${params.push(value)}`;
    if (filter.bbox !== undefined) {
      const [minLon, minLat, maxLon, maxLat] = filter.bbox;
      where.push(`c.lat BETWEEN ${param(minLat)} AND ${param(maxLat)}`, `c.lon BETWEEN ${param(minLon)} AND ${param(maxLon)}`);
    }
    if (filter.from !== undefined) where.push(`c.date_value >= ${param(filter.from)}`);
    if (filter.to !== undefined) where.push(`c.date_value <= ${param(filter.to)}`);
    if (filter.eventType !== undefined) where.push(`c.event_type = ${param(filter.eventType)}`);
    if (filter.subEventType !== undefined) where.push(`c.sub_event_type = ${param(filter.subEventType)}`);
    if (filter.actor !== undefined) where.push(`c.id IN (SELECT cluster_id FROM cluster_actors WHERE actor_id = ${param(filter.actor)} OR name LIKE ${param(likePattern(filter.actor))})`);
    if (filter.outlet !== undefined) where.push(`c.id IN (SELECT cluster_id FROM events WHERE outlet_id = ${param(filter.outlet)})`);
    if (filter.alignment !== undefined) where.push(`c.id IN (SELECT cluster_id FROM events WHERE outlet_alignment = ${param(filter.alignment)})`);
    if (filter.text !== undefined) {
      where.push(`c.id IN (SELECT e.cluster_id FROM documents d JOIN events e ON e.document_id = d.id WHERE d.search @@ plainto_tsquery('simple', ${param(filter.text)}))`);
    }
    if (filter.minCorroboration !== undefined) where.push(`c.independent_outlets >= ${param(filter.minCorroboration)}`);
    if (filter.includeRejected !== true) where.push("(c.status IS NULL OR c.status <> 'rejected')");
    return { where, params };
  }

  /** Members and reviews of every listed cluster in one query each, not one per cluster. */
  async #corpusEvents(client: Queryable, rows: ClusterDbRow[]): Promise<CorpusEvent[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const memberRows = await client.query<{ cluster_id: string; report: EventReport; merged: MergeEvidence | null }>(
      "SELECT cluster_id, report, merged FROM events WHERE cluster_id = ANY($1) AND report IS NOT NULL ORDER BY seq",
      [ids],
    );
    const reviewRows = await client.query<{ cluster_id: string; decision: ReviewDecision }>("SELECT cluster_id, decision FROM reviews WHERE cluster_id = ANY($1) ORDER BY seq", [ids]);
    const membersOf = groupBy(memberRows.rows, (row) => ({ report: row.report, merged: row.merged }));
    const reviewsOf = groupBy(reviewRows.rows, (row) => row.decision);
    return rows.map((row) => corpusEvent(row.id, row.corrected, membersOf.get(row.id) ?? [], reviewsOf.get(row.id) ?? [], row.updated_at));
  }

  async queryClusters(filter: ClusterFilter): Promise<CorpusEvent[]> {
    const { where, params } = this.#clusterWhere(filter);
    const sql = `SELECT c.id, c.corrected, c.updated_at FROM clusters c ${whereClause(where)}
      ORDER BY c.date_value DESC NULLS LAST, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    const { rows } = await this.#pool.query<ClusterDbRow>(sql, [...params, eventLimit(filter), clusterOffset(filter)]);
    return this.#corpusEvents(this.#pool, rows);
  }

  async *streamClusters(filter: ClusterFilter): AsyncIterable<CorpusEvent> {
    const { where, params } = this.#clusterWhere(filter);
    const sql = `SELECT c.id, c.corrected, c.updated_at FROM clusters c ${whereClause([...where, `c.id > $${params.length + 1}`])} ORDER BY c.id LIMIT $${params.length + 2}`;
    for (let after = ""; ; ) {
      const { rows } = await this.#pool.query<ClusterDbRow>(sql, [...params, after, STREAM_PAGE]);
      yield* await this.#corpusEvents(this.#pool, rows);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < STREAM_PAGE) return;
      after = last.id;
    }
  }

  async getCluster(id: string): Promise<CorpusEvent | null> {
    const { rows } = await this.#pool.query<ClusterDbRow>("SELECT id, corrected, updated_at FROM clusters WHERE id = $1", [id]);
    return (await this.#corpusEvents(this.#pool, rows))[0] ?? null;
  }

  async review(input: ReviewInput): Promise<ReviewDecision> {
    checkReviewInput(input);
    return this.#transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
      const row = (await client.query<{ corrected: ClusterSummary }>("SELECT corrected FROM clusters WHERE id = $1", [input.clusterId])).rows[0];
      if (row === undefined) throw new SitrepError("not-found", `no event cluster with id ${input.clusterId}`);
      const decision = reviewDecision(input, row.corrected, randomUUID(), new Date().toISOString());
      await client.query("INSERT INTO reviews (id, cluster_id, action, reviewer, at, decision) VALUES ($1, $2, $3, $4, $5, $6)", [
        decision.id, decision.clusterId, decision.action, decision.reviewer, decision.at, JSON.stringify(decision),
      ]);
      await summarise(clusterWork(client), input.clusterId);
      return decision;
    });
  }

  async mapPoints(filter: ClusterFilter): Promise<MapPoint[]> {
    const { where, params } = this.#clusterWhere(filter);
    const sql = `SELECT ${MAP_POINT_COLUMNS} FROM clusters c ${whereClause([...where, "c.lat IS NOT NULL", "c.lon IS NOT NULL"])}
      ORDER BY c.date_value DESC NULLS LAST, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    const { rows } = await this.#pool.query<MapPointRow>(sql, [...params, eventLimit(filter), clusterOffset(filter)]);
    return rows.map(mapPointFromRow);
  }

  async timeline(filter: ClusterFilter, bucket: TimelineBucket): Promise<TimelineCount[]> {
    const { where, params } = this.#clusterWhere(filter);
    // Counted per stored value first, so that the date arithmetic runs once per day rather than once per cluster. The day is
    // counted from the first of the month, which always exists: a cast of an impossible date a reviewer typed (2015-02-30)
    // would fail the query; this puts it on the day SQLite does. Values not shaped like a date are not counted.
    const day = "((substr(value, 1, 7) || '-01')::date + (substr(value, 9, 2)::integer - 1))";
    const start = { day: `to_char(${day}, 'YYYY-MM-DD')`, week: `to_char(date_trunc('week', ${day}), 'YYYY-MM-DD')`, month: `to_char(${day}, 'YYYY-MM-01')` }[bucket];
    const sql = `SELECT ${start} AS start, sum(n)::integer AS count
      FROM (SELECT c.date_value AS value, count(*) AS n FROM clusters c ${whereClause(where)} GROUP BY c.date_value) per_value
      WHERE value ~ '^[0-9]{4}-(0[1-9]|1[0-2])-[0-9]{2}' GROUP BY 1 ORDER BY 1`;
    const { rows } = await this.#pool.query<TimelineCount>(sql, params);
    return rows;
  }

  async documentEvents(documentId: string): Promise<DocumentEvent[]> {
    const { rows } = await this.#pool.query<DocumentEvent>('SELECT event_id AS "eventId", cluster_id AS "clusterId" FROM events WHERE document_id = $1 ORDER BY seq', [documentId]);
    return rows;
  }

  async listActors(query: EntityQuery): Promise<ActorCount[]> {
    return this.#listMentioned<ActorCount>("actor", query, ", (SELECT count(*)::integer FROM cluster_actors a WHERE a.actor_id = m.entity_id) AS events", "events DESC, ");
  }

  async listPlaces(query: EntityQuery): Promise<PlaceCount[]> {
    return this.#listMentioned<PlaceCount>("place", query, "", "");
  }

  /** Entities of one kind of mention with their counts; `q` is matched on the group, so the counts stay those of every mention. */
  async #listMentioned<Row extends PlaceCount>(kind: "actor" | "place", query: EntityQuery, extraColumns: string, extraOrder: string): Promise<Row[]> {
    const params: (string | number)[] = [kind];
    const param = (value: string | number) => `$${params.push(value)}`;
    let having = "";
    if (query.q !== undefined) {
      const pattern = likePattern(query.q);
      having = `HAVING m.entity_id = ${param(query.q)} OR lower(max(m.entity_name)) LIKE ${param(pattern)} OR bool_or(lower(m.text) LIKE ${param(pattern)})`;
    }
    const sql = `SELECT m.entity_id AS id, max(m.entity_name) AS name, count(*)::integer AS mentions, count(DISTINCT m.document_id)::integer AS documents${extraColumns}
      FROM mentions m WHERE m.kind = $1 AND m.entity_id IS NOT NULL GROUP BY m.entity_id ${having}
      ORDER BY ${extraOrder}mentions DESC, id LIMIT ${param(query.limit)}`;
    const { rows } = await this.#pool.query<Row>(sql, params);
    return rows;
  }

  async listOutlets(): Promise<OutletCount[]> {
    const { rows } = await this.#pool.query<OutletCount>(
      `SELECT outlet_id AS id, count(*)::integer AS reports, count(DISTINCT document_id)::integer AS documents, count(DISTINCT cluster_id)::integer AS events
       FROM events WHERE outlet_id IS NOT NULL GROUP BY outlet_id ORDER BY reports DESC, id`,
    );
    return rows;
  }

  async stats(): Promise<CorpusStats> {
    const [byEventType, byAlignment, reviewed] = await Promise.all([
      this.#pool.query<CorpusStats["byEventType"][number]>('SELECT event_type AS "eventType", count(*)::integer AS count FROM clusters GROUP BY event_type ORDER BY count DESC, event_type'),
      this.#pool.query<CorpusStats["byAlignment"][number]>(
        "SELECT outlet_alignment AS alignment, count(DISTINCT cluster_id)::integer AS events, count(*)::integer AS reports FROM events GROUP BY outlet_alignment ORDER BY reports DESC, alignment",
      ),
      // From each reviewed cluster's latest decision, which sets its status: the few reviews are read, not every cluster.
      this.#pool.query<{ action: string; count: number }>(
        "SELECT action, count(*)::integer AS count FROM (SELECT DISTINCT ON (cluster_id) action FROM reviews ORDER BY cluster_id, seq DESC) latest GROUP BY action",
      ),
    ]);
    return {
      documents: await this.countDocuments(),
      events: await this.countEvents(),
      clusters: await this.countClusters(),
      byEventType: byEventType.rows,
      byAlignment: byAlignment.rows,
      reviewed: reviewCounts(reviewed.rows),
    };
  }

  async getFeed(url: string): Promise<FeedRecord | null> {
    const { rows } = await this.#pool.query<{ url: string; etag: string | null; last_modified: string | null; checked_at: string; seen: string[] }>(
      "SELECT url, etag, last_modified, checked_at, seen FROM feeds WHERE url = $1",
      [url],
    );
    const row = rows[0];
    return row === undefined ? null : { url: row.url, etag: row.etag, lastModified: row.last_modified, checkedAt: row.checked_at, seen: row.seen };
  }

  async saveFeed(feed: FeedRecord): Promise<void> {
    await this.#pool.query(
      `INSERT INTO feeds (url, etag, last_modified, checked_at, seen) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at, seen = excluded.seen`,
      [feed.url, feed.etag, feed.lastModified, feed.checkedAt, JSON.stringify(feed.seen)],
    );
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

async function recordInput(client: Queryable, key: string | null | undefined, documentId: string): Promise<void> {
  if (key != null) await client.query("INSERT INTO inputs (key, document_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [key, documentId]);
}

async function members(client: Queryable, id: string): Promise<ClusterMember[]> {
  const { rows } = await client.query<{ report: EventReport; merged: MergeEvidence | null }>("SELECT report, merged FROM events WHERE cluster_id = $1 AND report IS NOT NULL ORDER BY seq", [id]);
  return rows.map((row) => ({ report: row.report, merged: row.merged }));
}

async function reviews(client: Queryable, id: string): Promise<ReviewDecision[]> {
  const { rows } = await client.query<{ decision: ReviewDecision }>("SELECT decision FROM reviews WHERE cluster_id = $1 ORDER BY seq", [id]);
  return rows.map((row) => row.decision);
}

function clusterWork(client: pg.PoolClient): ClusterWork {
  return {
    clustersIn: async (window) => {
      const [minLon, minLat, maxLon, maxLat] = window.bbox;
      const params: (string | number)[] = [minLat, maxLat, minLon, maxLon];
      const condition = candidateCondition(window, (value) => `$${params.push(value)}`);
      const { rows } = await client.query<{ id: string }>(
        `SELECT DISTINCT e.cluster_id AS id FROM events e
         WHERE e.cluster_id IS NOT NULL AND e.lat BETWEEN $1 AND $2 AND e.lon BETWEEN $3 AND $4 AND ${condition} ORDER BY id`,
        params,
      );
      return rows.map((row) => row.id);
    },
    members: (id) => members(client, id),
    reviews: (id) => reviews(client, id),
    assign: async (report, id, merged) => {
      await client.query("UPDATE events SET cluster_id = $1, merged = $2 WHERE document_id = $3 AND event_id = $4", [id, merged === null ? null : JSON.stringify(merged), report.documentId, report.eventId]);
    },
    saveCluster: async (row) => {
      await client.query(
        `INSERT INTO clusters (id, event_type, sub_event_type, scope, date_value, lat, lon, independent_outlets, reports, status, summary, corrected, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (id) DO UPDATE SET event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, scope = excluded.scope,
           date_value = excluded.date_value, lat = excluded.lat, lon = excluded.lon, independent_outlets = excluded.independent_outlets,
           reports = excluded.reports, status = excluded.status, summary = excluded.summary, corrected = excluded.corrected, updated_at = excluded.updated_at`,
        [row.id, row.eventType, row.subEventType, row.scope, row.dateValue, row.lat, row.lon, row.independentOutlets, row.reports, row.status, row.summary, row.corrected, row.updatedAt],
      );
      await client.query("DELETE FROM cluster_actors WHERE cluster_id = $1", [row.id]);
      await client.query("INSERT INTO cluster_actors (cluster_id, actor_id, name) SELECT $1, id, name FROM jsonb_to_recordset($2::jsonb) AS r(id text, name text)", [row.id, JSON.stringify(row.actors)]);
    },
  };
}
