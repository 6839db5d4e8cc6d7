/**
 * The embedded default backend: one SQLite file in WAL mode (readers never
 * wait for the writer), foreign keys on, full-text search through FTS5 and
 * place queries through an R*Tree over event coordinates.
 */
import Database from "better-sqlite3";
import type { Analysis } from "../model/analysis.js";
import { canonicalUrl } from "./identity.js";
import { documentColumns, eventFromRow, eventLimit, eventRows, type CorpusStore, type EventRowOf, type DocumentOrigin, type EventFilter, type PutResult, type SearchHit, type StoredEvent } from "./store.js";

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
];

type EventRow = EventRowOf<string>;

function fromEventRow(row: EventRow): StoredEvent {
  return eventFromRow(row, (list: string) => JSON.parse(list) as string[]);
}

/** FTS5 query syntax treats punctuation as operators: quote every word so that user text is only ever words, all required. */
function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  return words === null ? null : words.map((word) => `"${word}"`).join(" ");
}

export class SqliteStore implements CorpusStore {
  readonly #db: Database.Database;

  /** `path` is a file name, or ":memory:" for a store that lives as long as the object. */
  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("foreign_keys = ON");
    this.#db.pragma("busy_timeout = 5000");
  }

  async migrate(): Promise<void> {
    const db = this.#db;
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    // IMMEDIATE takes the write lock first, so two processes migrating at once run one after the other.
    db.transaction(() => {
      const row = db.prepare("SELECT max(version) AS version FROM schema_migrations").get() as { version: number | null };
      const current = row.version ?? 0;
      MIGRATIONS.slice(current).forEach((sql, index) => {
        db.exec(sql);
        db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(current + index + 1, new Date().toISOString());
      });
    }).immediate();
  }

  async putDocument(analysis: Analysis, origin: DocumentOrigin): Promise<PutResult> {
    const db = this.#db;
    const canonical = origin.url === null ? null : canonicalUrl(origin.url);
    const columns = documentColumns(analysis, origin, canonical);
    const existing = db.prepare("SELECT id FROM documents WHERE content_hash = ? OR canonical_url = ? LIMIT 1");
    return db
      .transaction((): PutResult => {
        const found = existing.get(columns.contentHash, canonical) as { id: string } | undefined;
        if (found !== undefined) return { id: found.id, inserted: false };
        db.prepare(
          `INSERT INTO documents (id, content_hash, url, canonical_url, outlet, language, published, title, text, analysis)
           VALUES (@id, @contentHash, @url, @canonicalUrl, @outlet, @language, @published, @title, @text, @analysis)`,
        ).run(columns);
        db.prepare("INSERT INTO documents_fts (document_id, title, text) VALUES (?, ?, ?)").run(columns.id, columns.title ?? "", columns.text);
        const insertEvent = db.prepare(
          `INSERT INTO events (document_id, event_id, event_type, sub_event_type, scope, plover_type, date_value, time_precision, lat, lon, geo_precision,
             fatalities_low, fatalities_high, modality, actor1, actor2, sources, confidence)
           VALUES (@documentId, @eventId, @eventType, @subEventType, @scope, @ploverType, @dateValue, @timePrecision, @lat, @lon, @geoPrecision,
             @fatalitiesLow, @fatalitiesHigh, @modality, @actor1, @actor2, @sources, @confidence)`,
        );
        const insertLocation = db.prepare("INSERT INTO events_location (seq, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)");
        for (const event of eventRows(columns.id, analysis)) {
          const { lastInsertRowid } = insertEvent.run({ ...event, actor1: JSON.stringify(event.actor1), actor2: JSON.stringify(event.actor2), sources: JSON.stringify(event.sources) });
          if (event.lat !== null && event.lon !== null) insertLocation.run(lastInsertRowid, event.lon, event.lon, event.lat, event.lat);
        }
        return { id: columns.id, inserted: true };
      })
      .immediate();
  }

  async getAnalysis(id: string): Promise<Analysis | null> {
    const row = this.#db.prepare("SELECT analysis FROM documents WHERE id = ?").get(id) as { analysis: string } | undefined;
    return row === undefined ? null : (JSON.parse(row.analysis) as Analysis);
  }

  async countDocuments(): Promise<number> {
    return (this.#db.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
  }

  async countEvents(): Promise<number> {
    return (this.#db.prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;
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
    let from = "events e";
    if (filter.bbox !== undefined) {
      const [minLon, minLat, maxLon, maxLat] = filter.bbox;
      from = "events_location l JOIN events e ON e.seq = l.seq";
      // The R*Tree keeps 32-bit floats rounded outwards: it finds candidates, the exact columns decide.
      where.push("l.max_lon >= ? AND l.min_lon <= ? AND l.max_lat >= ? AND l.min_lat <= ?", "e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?");
      params.push(minLon, maxLon, minLat, maxLat, minLon, maxLon, minLat, maxLat);
    }
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
    return (this.#db.prepare(sql).all(...params, eventLimit(filter)) as EventRow[]).map(fromEventRow);
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
