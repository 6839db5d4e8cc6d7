/**
 * The PostgreSQL backend: the SQLite schema in PostgreSQL types, full-text
 * search through a generated tsvector ('simple' configuration, so no
 * language's stemming favours one of French, English or Arabic) with a GIN
 * index, and place and time queries through btree indexes (no PostGIS).
 */
import pg from "pg";
import type { Analysis } from "../model/analysis.js";
import { canonicalUrl } from "./identity.js";
import { documentColumns, eventFromRow, eventLimit, eventRows, type CorpusStore, type EventRowOf, type DocumentOrigin, type EventFilter, type PutResult, type SearchHit, type StoredEvent } from "./store.js";

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
];

/** Any constant: it names the advisory lock that serialises concurrent migrations. */
const MIGRATION_LOCK = 0x5173_7265;

type EventRow = EventRowOf<string[]>;

function fromEventRow(row: EventRow): StoredEvent {
  return eventFromRow(row, (list: string[]) => list);
}

export interface PostgresStoreOptions {
  /** Schema to work in (created by `migrate`); the connection's default search_path when absent. */
  schema?: string;
  /** Largest number of pooled connections. */
  max?: number;
}

export class PostgresStore implements CorpusStore {
  readonly #pool: pg.Pool;
  readonly #schema: string | null;

  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    this.#schema = options.schema ?? null;
    if (this.#schema !== null && !/^[a-z_][a-z0-9_]*$/.test(this.#schema)) throw new TypeError(`PostgresStore expected a lower-case SQL identifier as schema, found ${JSON.stringify(this.#schema)}`);
    const config: pg.PoolConfig = { connectionString, max: options.max ?? 10 };
    // Every pooled connection must see the same schema, not only the first one.
    if (this.#schema !== null) config.options = `-c search_path=${this.#schema}`;
    this.#pool = new pg.Pool(config);
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
    const findExisting = async (client: pg.PoolClient) =>
      (await client.query<{ id: string }>("SELECT id FROM documents WHERE content_hash = $1 OR canonical_url = $2 LIMIT 1", [columns.contentHash, canonical])).rows[0];
    return this.#transaction(async (client): Promise<PutResult> => {
      const found = await findExisting(client);
      if (found !== undefined) return { id: found.id, inserted: false };
      // A concurrent writer may insert the same document between the check and here: DO NOTHING, then read its id.
      const inserted = await client.query(
        `INSERT INTO documents (id, content_hash, url, canonical_url, outlet, language, published, title, text, analysis)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [columns.id, columns.contentHash, columns.url, columns.canonicalUrl, columns.outlet, columns.language, columns.published, columns.title, columns.text, columns.analysis],
      );
      if (inserted.rowCount === 0) {
        const winner = await findExisting(client);
        if (winner === undefined) throw new Error(`putDocument expected the conflicting document for ${columns.contentHash} to be visible, found none`);
        return { id: winner.id, inserted: false };
      }
      for (const event of eventRows(columns.id, analysis)) {
        await client.query(
          `INSERT INTO events (document_id, event_id, event_type, sub_event_type, scope, plover_type, date_value, time_precision, lat, lon, geo_precision,
             fatalities_low, fatalities_high, modality, actor1, actor2, sources, confidence)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
          [
            event.documentId, event.eventId, event.eventType, event.subEventType, event.scope, event.ploverType, event.dateValue, event.timePrecision,
            event.lat, event.lon, event.geoPrecision, event.fatalitiesLow, event.fatalitiesHigh, event.modality,
            JSON.stringify(event.actor1), JSON.stringify(event.actor2), JSON.stringify(event.sources), event.confidence,
          ],
        );
      }
      return { id: columns.id, inserted: true };
    });
  }

  async getAnalysis(id: string): Promise<Analysis | null> {
    const { rows } = await this.#pool.query<{ analysis: Analysis }>("SELECT analysis FROM documents WHERE id = $1", [id]);
    return rows[0]?.analysis ?? null;
  }

  async countDocuments(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>("SELECT count(*)::integer AS n FROM documents");
    return rows[0]?.n ?? 0;
  }

  async countEvents(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>("SELECT count(*)::integer AS n FROM events");
    return rows[0]?.n ?? 0;
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
    const sql = `SELECT * FROM events ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY date_value NULLS LAST, document_id, seq LIMIT ${param(eventLimit(filter))}`;
    const { rows } = await this.#pool.query<EventRow>(sql, params);
    return rows.map(fromEventRow);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
