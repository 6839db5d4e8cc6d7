/**
 * The embedded default backend: one SQLite file in WAL mode (readers never
 * wait for the writer), foreign keys on, full-text search through FTS5 and
 * place queries through R*Trees over event and cluster coordinates.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
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
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    canonical_url TEXT UNIQUE,
    outlet TEXT,
    language TEXT NOT NULL,
    published TEXT,
    title TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    event_type TEXT,
    sub_event_type TEXT,
    scope TEXT NOT NULL,
    plover_type TEXT,
    date_value TEXT,
    time_precision INTEGER,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    modality TEXT NOT NULL,
    actor1 TEXT NOT NULL,
    actor2 TEXT NOT NULL,
    sources TEXT NOT NULL,
    confidence REAL NOT NULL,
    UNIQUE (document_id, event_id)
  );
  CREATE INDEX events_date ON events(date_value);
  CREATE INDEX events_sub_event_type ON events(sub_event_type, date_value);
  CREATE VIRTUAL TABLE events_location USING rtree(seq, min_lon, max_lon, min_lat, max_lat);
  CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, text);
  `,
  `
  ALTER TABLE events ADD COLUMN cluster_id TEXT;
  ALTER TABLE events ADD COLUMN outlet_id TEXT;
  ALTER TABLE events ADD COLUMN outlet_alignment TEXT;
  ALTER TABLE events ADD COLUMN report TEXT;
  ALTER TABLE events ADD COLUMN merged TEXT;
  CREATE INDEX events_cluster ON events(cluster_id);
  CREATE INDEX events_outlet ON events(outlet_id, cluster_id);
  CREATE INDEX events_alignment ON events(outlet_alignment, cluster_id);
  CREATE TABLE clusters (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    event_type TEXT,
    sub_event_type TEXT,
    scope TEXT NOT NULL,
    date_value TEXT,
    lat REAL,
    lon REAL,
    independent_outlets INTEGER NOT NULL,
    reports INTEGER NOT NULL,
    status TEXT,
    summary TEXT NOT NULL,
    corrected TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX clusters_date ON clusters(date_value);
  CREATE INDEX clusters_type ON clusters(event_type, sub_event_type);
  CREATE INDEX clusters_corroboration ON clusters(independent_outlets);
  CREATE VIRTUAL TABLE clusters_location USING rtree(seq, min_lon, max_lon, min_lat, max_lat);
  CREATE TABLE cluster_actors (
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (cluster_id, actor_id)
  );
  CREATE INDEX cluster_actors_actor ON cluster_actors(actor_id);
  CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    action TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    decision TEXT NOT NULL
  );
  CREATE INDEX reviews_cluster ON reviews(cluster_id, at);
  CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    mention_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    entity_id TEXT,
    entity_name TEXT,
    PRIMARY KEY (document_id, mention_id)
  );
  CREATE INDEX mentions_entity ON mentions(kind, entity_id);
  CREATE TABLE sources (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    outlet_id TEXT,
    alignment TEXT,
    via TEXT,
    PRIMARY KEY (document_id, source_id)
  );
  CREATE INDEX sources_outlet ON sources(outlet_id);
  CREATE TABLE inputs (
    key TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
  );
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL,
    seen TEXT NOT NULL
  );
  `,
  // Map points and the timeline read these columns of every cluster the filters keep; an index that holds them
  // answers without reading the wide summary rows.
  `
  CREATE INDEX clusters_points ON clusters (date_value, id, status, lat, lon, event_type, sub_event_type, independent_outlets, reports);
  `,
];

type EventRow = EventRowOf<string>;

/**
 * The FROM of a query on `table` restricted to a box, through its R*Tree
 * (`<table>_location`), adding the conditions and their values. The R*Tree
 * keeps 32-bit floats rounded outwards: it finds candidates, the exact
 * columns decide.
 */
function inBox(table: "events" | "clusters", alias: string, bbox: [number, number, number, number], where: string[], params: (string | number)[]): string {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  where.push("l.max_lon >= ? AND l.min_lon <= ? AND l.max_lat >= ? AND l.min_lat <= ?", `${alias}.lon BETWEEN ? AND ? AND ${alias}.lat BETWEEN ? AND ?`);
  params.push(minLon, maxLon, minLat, maxLat, minLon, maxLon, minLat, maxLat);
  return `${table}_location l JOIN ${table} ${alias} ON ${alias}.seq = l.seq`;
}

function fromEventRow(row: EventRow): StoredEvent {
  return eventFromRow(row, (list: string) => JSON.parse(list) as string[]);
}

/** FTS5 query syntax treats punctuation as operators: quote every word so that user text is only ever words, all required. */
function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  return words === null ? null : words.map((word) => `"${word}"`).join(" ");
}

interface ClusterDbRow {
  id: string;
  corrected: string;
  updated_at: string;
}

export interface SqliteStoreOptions {
  /** The outlet registry that names each document's publisher; the project's by default. */
  outlets?: OutletRegistry;
}

export class SqliteStore implements CorpusStore {
  readonly #db: Database.Database;
  readonly #outlets: OutletRegistry;
  #writes: Promise<unknown> = Promise.resolve();

  /** `path` is a file name, or ":memory:" for a store that lives as long as the object. */
  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("foreign_keys = ON");
    this.#db.pragma("busy_timeout = 5000");
    // In WAL mode NORMAL keeps every commit through a crash of the process (a SIGKILL loses nothing committed); only a
    // power cut can take back the last commits, never corrupt the file. FULL would sync the disk on every document.
    this.#db.pragma("synchronous = NORMAL");
    this.#outlets = options.outlets ?? defaultOutletRegistry();
  }

  readonly #statements = new Map<string, Database.Statement>();

  /** Prepared once per SQL text: preparing costs more than running most of these statements. */
  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async migrate(): Promise<void> {
    const db = this.#db;
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    // IMMEDIATE takes the write lock first, so two processes migrating at once run one after the other.
    db.transaction(() => {
      const row = this.#prepare("SELECT max(version) AS version FROM schema_migrations").get() as { version: number | null };
      const current = row.version ?? 0;
      MIGRATIONS.slice(current).forEach((sql, index) => {
        db.exec(sql);
        this.#prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(current + index + 1, new Date().toISOString());
      });
    }).immediate();
  }

  /**
   * better-sqlite3's transactions are synchronous but the clustering step
   * awaits, so writes take turns through this queue, each inside BEGIN
   * IMMEDIATE … COMMIT: no two interleave on the one connection, and another
   * process writing the same file waits for the lock.
   */
  #write<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#writes.then(async () => {
      this.#db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work();
        this.#db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
        throw error;
      }
    });
    this.#writes = run.catch(() => undefined);
    return run;
  }

  async putDocument(analysis: Analysis, origin: DocumentOrigin): Promise<PutResult> {
    const canonical = origin.url === null ? null : canonicalUrl(origin.url);
    const columns = documentColumns(analysis, origin, canonical);
    const reports = reportsFromAnalysis(columns.id, analysis, this.#outlets);
    const publisher = publisherFacts(analysis, this.#outlets);
    return this.#write(async (): Promise<PutResult> => {
      const found = this.#prepare("SELECT id FROM documents WHERE content_hash = ? OR canonical_url = ? LIMIT 1").get(columns.contentHash, canonical) as { id: string } | undefined;
      if (found !== undefined) {
        this.#recordInput(origin.inputKey, found.id);
        return { id: found.id, inserted: false };
      }
      this.#prepare(
        `INSERT INTO documents (id, content_hash, url, canonical_url, outlet, language, published, title, text, analysis)
         VALUES (@id, @contentHash, @url, @canonicalUrl, @outlet, @language, @published, @title, @text, @analysis)`,
      ).run(columns);
      this.#prepare("INSERT INTO documents_fts (document_id, title, text) VALUES (?, ?, ?)").run(columns.id, columns.title ?? "", columns.text);
      const insertEvent = this.#prepare(
        `INSERT INTO events (document_id, event_id, event_type, sub_event_type, scope, plover_type, date_value, time_precision, lat, lon, geo_precision,
           fatalities_low, fatalities_high, modality, actor1, actor2, sources, confidence, outlet_id, outlet_alignment, report)
         VALUES (@documentId, @eventId, @eventType, @subEventType, @scope, @ploverType, @dateValue, @timePrecision, @lat, @lon, @geoPrecision,
           @fatalitiesLow, @fatalitiesHigh, @modality, @actor1, @actor2, @sources, @confidence, @outletId, @alignment, @report)`,
      );
      const insertLocation = this.#prepare("INSERT INTO events_location (seq, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)");
      const reportOf = new Map(reports.map((report) => [report.eventId, report]));
      for (const event of eventRows(columns.id, analysis, publisher?.id ?? null)) {
        const { lastInsertRowid } = insertEvent.run({
          ...event,
          actor1: JSON.stringify(event.actor1),
          actor2: JSON.stringify(event.actor2),
          sources: JSON.stringify(event.sources),
          alignment: publisher?.alignment ?? null,
          report: JSON.stringify(reportOf.get(event.eventId)),
        });
        if (event.lat !== null && event.lon !== null) insertLocation.run(lastInsertRowid, event.lon, event.lon, event.lat, event.lat);
      }
      const insertMention = this.#prepare(
        `INSERT INTO mentions (document_id, mention_id, kind, start, "end", text, entity_id, entity_name)
         VALUES (@documentId, @mentionId, @kind, @start, @end, @text, @entityId, @entityName)`,
      );
      for (const mention of mentionRows(columns.id, analysis)) insertMention.run(mention);
      const insertSource = this.#prepare(
        `INSERT INTO sources (document_id, source_id, kind, name, outlet_id, alignment, via)
         VALUES (@documentId, @sourceId, @kind, @name, @outletId, @alignment, @via)`,
      );
      for (const source of sourceRows(columns.id, analysis)) insertSource.run(source);
      this.#recordInput(origin.inputKey, columns.id);
      await clusterReports(this.#clusterWork(), reports);
      return { id: columns.id, inserted: true };
    });
  }

  #recordInput(key: string | null | undefined, documentId: string): void {
    if (key != null) this.#prepare("INSERT OR IGNORE INTO inputs (key, document_id) VALUES (?, ?)").run(key, documentId);
  }

  #clusterWork(): ClusterWork {
    return {
      clustersIn: async (window) => {
        const [minLon, minLat, maxLon, maxLat] = window.bbox;
        const params: (string | number)[] = [minLon, maxLon, minLat, maxLat];
        const condition = candidateCondition(window, (value) => {
          params.push(value);
          return "?";
        });
        const rows = this
          .#prepare(
            `SELECT DISTINCT e.cluster_id AS id FROM events_location l JOIN events e ON e.seq = l.seq
             WHERE l.max_lon >= ? AND l.min_lon <= ? AND l.max_lat >= ? AND l.min_lat <= ?
               AND e.cluster_id IS NOT NULL AND ${condition} ORDER BY e.cluster_id`,
          )
          .all(...params) as { id: string }[];
        return rows.map((row) => row.id);
      },
      members: async (id) => this.#members(id),
      reviews: async (id) => this.#reviews(id),
      assign: async (report, id, merged) => {
        this.#prepare("UPDATE events SET cluster_id = ?, merged = ? WHERE document_id = ? AND event_id = ?").run(id, merged === null ? null : JSON.stringify(merged), report.documentId, report.eventId);
      },
      saveCluster: async (row) => {
        const { seq } = this
          .#prepare(
            `INSERT INTO clusters (id, event_type, sub_event_type, scope, date_value, lat, lon, independent_outlets, reports, status, summary, corrected, updated_at)
             VALUES (@id, @eventType, @subEventType, @scope, @dateValue, @lat, @lon, @independentOutlets, @reports, @status, @summary, @corrected, @updatedAt)
             ON CONFLICT (id) DO UPDATE SET event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, scope = excluded.scope,
               date_value = excluded.date_value, lat = excluded.lat, lon = excluded.lon, independent_outlets = excluded.independent_outlets,
               reports = excluded.reports, status = excluded.status, summary = excluded.summary, corrected = excluded.corrected, updated_at = excluded.updated_at
             RETURNING seq`,
          )
          .get({ ...row, actors: undefined }) as { seq: number };
        this.#prepare("DELETE FROM clusters_location WHERE seq = ?").run(seq);
        if (row.lat !== null && row.lon !== null) this.#prepare("INSERT INTO clusters_location (seq, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)").run(seq, row.lon, row.lon, row.lat, row.lat);
        this.#prepare("DELETE FROM cluster_actors WHERE cluster_id = ?").run(row.id);
        const insertActor = this.#prepare("INSERT INTO cluster_actors (cluster_id, actor_id, name) VALUES (?, ?, ?)");
        for (const actor of row.actors) insertActor.run(row.id, actor.id, actor.name);
      },
    };
  }

  #members(id: string): ClusterMember[] {
    const rows = this.#prepare("SELECT report, merged FROM events WHERE cluster_id = ? AND report IS NOT NULL ORDER BY seq").all(id) as { report: string; merged: string | null }[];
    return rows.map((row) => ({ report: JSON.parse(row.report) as EventReport, merged: row.merged === null ? null : (JSON.parse(row.merged) as MergeEvidence) }));
  }

  #reviews(id: string): ReviewDecision[] {
    const rows = this.#prepare("SELECT decision FROM reviews WHERE cluster_id = ? ORDER BY rowid").all(id) as { decision: string }[];
    return rows.map((row) => JSON.parse(row.decision) as ReviewDecision);
  }

  async hasInput(key: { inputKey?: string | null; url?: string | null }): Promise<boolean> {
    if (key.inputKey != null && this.#prepare("SELECT 1 FROM inputs WHERE key = ?").get(key.inputKey) !== undefined) return true;
    return key.url != null && this.#prepare("SELECT 1 FROM documents WHERE canonical_url = ?").get(canonicalUrl(key.url)) !== undefined;
  }

  async getAnalysis(id: string): Promise<Analysis | null> {
    const row = this.#prepare("SELECT analysis FROM documents WHERE id = ?").get(id) as { analysis: string } | undefined;
    return row === undefined ? null : (JSON.parse(row.analysis) as Analysis);
  }

  async countDocuments(): Promise<number> {
    return (this.#prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
  }

  async countEvents(): Promise<number> {
    return (this.#prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;
  }

  async countClusters(): Promise<number> {
    return (this.#prepare("SELECT count(*) AS n FROM clusters").get() as { n: number }).n;
  }

  async searchDocuments(text: string, limit: number): Promise<SearchHit[]> {
    const query = ftsQuery(text);
    if (query === null) return [];
    const rows = this.#db
      .prepare(
        `SELECT d.id, d.url, d.title, bm25(documents_fts) AS rank
         FROM documents_fts JOIN documents d ON d.id = documents_fts.document_id
         WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(query, limit) as { id: string; url: string | null; title: string | null; rank: number }[];
    // bm25 is lower-is-better; the interface promises higher-is-better.
    return rows.map((row) => ({ id: row.id, url: row.url, title: row.title, score: -row.rank }));
  }

  async queryEvents(filter: EventFilter): Promise<StoredEvent[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const from = filter.bbox === undefined ? "events e" : inBox("events", "e", filter.bbox, where, params);
    if (filter.from !== undefined) {
      where.push("e.date_value >= ?");
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push("e.date_value <= ?");
      params.push(filter.to);
    }
    if (filter.subEventType !== undefined) {
      where.push("e.sub_event_type = ?");
      params.push(filter.subEventType);
    }
    const sql = `SELECT e.* FROM ${from} ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY e.date_value NULLS LAST, e.document_id, e.seq LIMIT ?`;
    return (this.#prepare(sql).all(...params, eventLimit(filter)) as EventRow[]).map(fromEventRow);
  }

  /** The FROM and WHERE of a cluster query; null when the filter can match nothing (text without a word). */
  #clusterQuery(filter: ClusterFilter): { from: string; where: string[]; params: (string | number)[] } | null {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const from = filter.bbox === undefined ? "clusters c" : inBox("clusters", "c", filter.bbox, where, params);
    const add = (condition: string, ...values: (string | number)[]) => {
      where.push(condition);
      params.push(...values);
    };
    if (filter.from !== undefined) add("c.date_value >= ?", filter.from);
    if (filter.to !== undefined) add("c.date_value <= ?", filter.to);
    if (filter.eventType !== undefined) add("c.event_type = ?", filter.eventType);
    if (filter.subEventType !== undefined) add("c.sub_event_type = ?", filter.subEventType);
    if (filter.actor !== undefined) add("c.id IN (SELECT cluster_id FROM cluster_actors WHERE actor_id = ? OR name LIKE ? ESCAPE '\\')", filter.actor, likePattern(filter.actor));
    if (filter.outlet !== undefined) add("c.id IN (SELECT cluster_id FROM events WHERE outlet_id = ?)", filter.outlet);
    if (filter.alignment !== undefined) add("c.id IN (SELECT cluster_id FROM events WHERE outlet_alignment = ?)", filter.alignment);
    if (filter.text !== undefined) {
      const query = ftsQuery(filter.text);
      if (query === null) return null;
      add("c.id IN (SELECT e.cluster_id FROM documents_fts f JOIN events e ON e.document_id = f.document_id WHERE documents_fts MATCH ?)", query);
    }
    if (filter.minCorroboration !== undefined) add("c.independent_outlets >= ?", filter.minCorroboration);
    if (filter.includeRejected !== true) where.push("(c.status IS NULL OR c.status <> 'rejected')");
    return { from, where, params };
  }

  /** Members and reviews of every listed cluster in one query each, not one per cluster. */
  #corpusEvents(rows: ClusterDbRow[]): CorpusEvent[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((row) => row.id));
    const memberRows = this.#db
      .prepare("SELECT cluster_id, report, merged FROM events WHERE cluster_id IN (SELECT value FROM json_each(?)) AND report IS NOT NULL ORDER BY seq")
      .all(ids) as { cluster_id: string; report: string; merged: string | null }[];
    const reviewRows = this.#prepare("SELECT cluster_id, decision FROM reviews WHERE cluster_id IN (SELECT value FROM json_each(?)) ORDER BY rowid").all(ids) as { cluster_id: string; decision: string }[];
    const membersOf = groupBy(memberRows, (row) => ({ report: JSON.parse(row.report) as EventReport, merged: row.merged === null ? null : (JSON.parse(row.merged) as MergeEvidence) }));
    const reviewsOf = groupBy(reviewRows, (row) => JSON.parse(row.decision) as ReviewDecision);
    return rows.map((row) => corpusEvent(row.id, JSON.parse(row.corrected) as ClusterSummary, membersOf.get(row.id) ?? [], reviewsOf.get(row.id) ?? [], row.updated_at));
  }

  async queryClusters(filter: ClusterFilter): Promise<CorpusEvent[]> {
    const query = this.#clusterQuery(filter);
    if (query === null) return [];
    const sql = `SELECT c.id, c.corrected, c.updated_at FROM ${query.from} ${whereClause(query.where)}
      ORDER BY c.date_value DESC NULLS LAST, c.id LIMIT ? OFFSET ?`;
    return this.#corpusEvents(this.#prepare(sql).all(...query.params, eventLimit(filter), clusterOffset(filter)) as ClusterDbRow[]);
  }

  async *streamClusters(filter: ClusterFilter): AsyncIterable<CorpusEvent> {
    const query = this.#clusterQuery(filter);
    if (query === null) return;
    const statement = this.#prepare(`SELECT c.id, c.corrected, c.updated_at FROM ${query.from} ${whereClause([...query.where, "c.id > ?"])} ORDER BY c.id LIMIT ?`);
    for (let after = ""; ; ) {
      const rows = statement.all(...query.params, after, STREAM_PAGE) as ClusterDbRow[];
      yield* this.#corpusEvents(rows);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < STREAM_PAGE) return;
      after = last.id;
    }
  }

  async getCluster(id: string): Promise<CorpusEvent | null> {
    const row = this.#prepare("SELECT id, corrected, updated_at FROM clusters WHERE id = ?").get(id) as ClusterDbRow | undefined;
    return row === undefined ? null : (this.#corpusEvents([row])[0] ?? null);
  }

  async review(input: ReviewInput): Promise<ReviewDecision> {
    checkReviewInput(input);
    return this.#write(async () => {
      const row = this.#prepare("SELECT corrected FROM clusters WHERE id = ?").get(input.clusterId) as { corrected: string } | undefined;
      if (row === undefined) throw new SitrepError("not-found", `no event cluster with id ${input.clusterId}`);
      const decision = reviewDecision(input, JSON.parse(row.corrected) as ClusterSummary, randomUUID(), new Date().toISOString());
      this.#prepare("INSERT INTO reviews (id, cluster_id, action, reviewer, at, decision) VALUES (?, ?, ?, ?, ?, ?)").run(decision.id, decision.clusterId, decision.action, decision.reviewer, decision.at, JSON.stringify(decision));
      await summarise(this.#clusterWork(), input.clusterId);
      return decision;
    });
  }

  async mapPoints(filter: ClusterFilter): Promise<MapPoint[]> {
    const query = this.#clusterQuery(filter);
    if (query === null) return [];
    const sql = `SELECT ${MAP_POINT_COLUMNS} FROM ${query.from} ${whereClause([...query.where, "c.lat IS NOT NULL", "c.lon IS NOT NULL"])}
      ORDER BY c.date_value DESC NULLS LAST, c.id LIMIT ? OFFSET ?`;
    return (this.#prepare(sql).all(...query.params, eventLimit(filter), clusterOffset(filter)) as MapPointRow[]).map(mapPointFromRow);
  }

  async timeline(filter: ClusterFilter, bucket: TimelineBucket): Promise<TimelineCount[]> {
    const query = this.#clusterQuery(filter);
    if (query === null) return [];
    // Counted per stored value first, so that the date arithmetic runs once per day rather than once per cluster. The day
    // is counted from the first of the month, as the PostgreSQL backend does, so that an impossible date a reviewer typed
    // (2015-02-30) falls on the same day in both; values not shaped like a date are not counted.
    const day = "date(substr(value, 1, 7) || '-01', '+' || (CAST(substr(value, 9, 2) AS INTEGER) - 1) || ' days')";
    const start = { day, week: `date(${day}, 'weekday 0', '-6 days')`, month: `strftime('%Y-%m-01', ${day})` }[bucket];
    const sql = `SELECT ${start} AS start, sum(n) AS count
      FROM (SELECT c.date_value AS value, count(*) AS n FROM ${query.from} ${whereClause(query.where)} GROUP BY c.date_value)
      WHERE value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND substr(value, 6, 2) BETWEEN '01' AND '12'
      GROUP BY 1 ORDER BY 1`;
    return this.#prepare(sql).all(...query.params) as TimelineCount[];
  }

  async documentEvents(documentId: string): Promise<DocumentEvent[]> {
    return this.#prepare("SELECT event_id AS eventId, cluster_id AS clusterId FROM events WHERE document_id = ? ORDER BY seq").all(documentId) as DocumentEvent[];
  }

  async listActors(query: EntityQuery): Promise<ActorCount[]> {
    return this.#listMentioned("actor", query, ", (SELECT count(*) FROM cluster_actors a WHERE a.actor_id = m.entity_id) AS events", "events DESC, ") as ActorCount[];
  }

  async listPlaces(query: EntityQuery): Promise<PlaceCount[]> {
    return this.#listMentioned("place", query, "", "") as PlaceCount[];
  }

  /** Entities of one kind of mention with their counts; `q` is matched on the group, so the counts stay those of every mention. */
  #listMentioned(kind: "actor" | "place", query: EntityQuery, extraColumns: string, extraOrder: string): unknown[] {
    const params: (string | number)[] = [kind];
    let having = "";
    if (query.q !== undefined) {
      const pattern = likePattern(query.q);
      having = "HAVING m.entity_id = ? OR lower(max(m.entity_name)) LIKE ? ESCAPE '\\' OR max(lower(m.text) LIKE ? ESCAPE '\\')";
      params.push(query.q, pattern, pattern);
    }
    const sql = `SELECT m.entity_id AS id, max(m.entity_name) AS name, count(*) AS mentions, count(DISTINCT m.document_id) AS documents${extraColumns}
      FROM mentions m WHERE m.kind = ? AND m.entity_id IS NOT NULL GROUP BY m.entity_id ${having}
      ORDER BY ${extraOrder}mentions DESC, id LIMIT ?`;
    return this.#prepare(sql).all(...params, query.limit);
  }

  async listOutlets(): Promise<OutletCount[]> {
    return this.#prepare(
      `SELECT outlet_id AS id, count(*) AS reports, count(DISTINCT document_id) AS documents, count(DISTINCT cluster_id) AS events
       FROM events WHERE outlet_id IS NOT NULL GROUP BY outlet_id ORDER BY reports DESC, id`,
    ).all() as OutletCount[];
  }

  async stats(): Promise<CorpusStats> {
    return {
      documents: await this.countDocuments(),
      events: await this.countEvents(),
      clusters: await this.countClusters(),
      byEventType: this.#prepare("SELECT event_type AS eventType, count(*) AS count FROM clusters GROUP BY event_type ORDER BY count DESC, event_type").all() as CorpusStats["byEventType"],
      byAlignment: this.#prepare(
        "SELECT outlet_alignment AS alignment, count(DISTINCT cluster_id) AS events, count(*) AS reports FROM events GROUP BY outlet_alignment ORDER BY reports DESC, alignment",
      ).all() as CorpusStats["byAlignment"],
      // From each reviewed cluster's latest decision, which sets its status: the few reviews are read, not every cluster.
      reviewed: reviewCounts(
        this.#prepare("SELECT action, count(*) AS count FROM reviews r WHERE r.rowid = (SELECT max(rowid) FROM reviews l WHERE l.cluster_id = r.cluster_id) GROUP BY action").all() as {
          action: string;
          count: number;
        }[],
      ),
    };
  }

  async getFeed(url: string): Promise<FeedRecord | null> {
    const row = this.#prepare("SELECT url, etag, last_modified, checked_at, seen FROM feeds WHERE url = ?").get(url) as
      | { url: string; etag: string | null; last_modified: string | null; checked_at: string; seen: string }
      | undefined;
    return row === undefined ? null : { url: row.url, etag: row.etag, lastModified: row.last_modified, checkedAt: row.checked_at, seen: JSON.parse(row.seen) as string[] };
  }

  async saveFeed(feed: FeedRecord): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO feeds (url, etag, last_modified, checked_at, seen) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at, seen = excluded.seen`,
      )
      .run(feed.url, feed.etag, feed.lastModified, feed.checkedAt, JSON.stringify(feed.seen));
  }

  async close(): Promise<void> {
    await this.#writes;
    this.#db.close();
  }
}
