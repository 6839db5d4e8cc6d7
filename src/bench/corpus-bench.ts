/**
 * The corpus' figures: ingestion throughput (analysis and storage) into
 * SQLite and PostgreSQL with one analysing worker and with two, the queue
 * drained by one `sitrep worker` process and by two, and query latency, in
 * the store and through the HTTP API, on a generated corpus of at least
 * 100,000 events.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createPoolAnalyser, createThreadAnalyser, type Analyser } from "../corpus/analyser.js";
import { ingestItems } from "../corpus/ingest.js";
import { enqueueItems, openQueue } from "../corpus/queue.js";
import { DEFAULT_FETCH_OPTIONS, DEFAULT_MAX_BYTES } from "../analyze/input.js";
import type { DatasetText } from "../eval/datasets/labelled-text.js";
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import type { IngestItem } from "../ingest/targets.js";
import { createDefaultStages } from "../pipeline/default.js";
import { contentHash } from "../store/identity.js";
import { PostgresStore } from "../store/postgres-store.js";
import { SqliteStore } from "../store/sqlite-store.js";
import type { ClusterFilter, CorpusStore } from "../store/store.js";
import { runApiBench, type ApiMeasure } from "./api-bench.js";
import { syntheticAnalyses } from "./synthetic-corpus.js";

export interface CorpusBenchOptions {
  texts: readonly DatasetText[];
  gazetteer: Gazetteer;
  gazetteerPath: string;
  /** A folder for the SQLite files. */
  scratch: string;
  /** A PostgreSQL server URL (its database is used to create scratch databases), or null to measure SQLite only. */
  postgres: string | null;
  syntheticEvents: number;
  /**
   * Events in PostgreSQL's generated corpus: storing is slower there (a round
   * trip per statement), so it gets a smaller corpus by default.
   */
  postgresEvents: number;
  /** Repetitions of each query. */
  queryRuns: number;
}

export interface IngestMeasure {
  backend: string;
  workers: string;
  documents: number;
  seconds: number;
  "docs/s": number;
}

export interface QueryMeasure {
  backend: string;
  events: number;
  query: string;
  results: number;
  "p50 ms": number;
  "p95 ms": number;
}

export interface CorpusBenchReport {
  ingest: IngestMeasure[];
  /** The HTTP API over the generated SQLite corpus. */
  api: (ApiMeasure & { events: number })[];
  store: { backend: string; documents: number; events: number; seconds: number; "events/s": number }[];
  queries: QueryMeasure[];
}

const FETCH = DEFAULT_FETCH_OPTIONS;
const cli = fileURLToPath(new URL("../cli/main.js", import.meta.url));

export async function runCorpusBench(options: CorpusBenchOptions): Promise<CorpusBenchReport> {
  const report: CorpusBenchReport = { ingest: [], api: [], store: [], queries: [] };
  const backends: { name: string; open: () => Promise<{ store: CorpusStore; url: string | null; drop: () => Promise<void> }> }[] = [
    { name: "sqlite", open: async () => ({ store: new SqliteStore(join(options.scratch, `corpus-${randomBytes(4).toString("hex")}.sqlite`)), url: null, drop: async () => undefined }) },
  ];
  if (options.postgres !== null) {
    const server = options.postgres;
    backends.push({ name: "postgresql", open: () => scratchDatabase(server) });
  }

  for (const backend of backends) {
    for (const workers of [1, 2]) {
      const { store, drop } = await backend.open();
      await store.migrate();
      const analyser: Analyser = workers === 1 ? createThreadAnalyser(createDefaultStages({ gazetteer: options.gazetteer })) : createPoolAnalyser({ threads: workers, gazetteerPath: options.gazetteerPath });
      // Threads build their stages on their first document: warm them on another corpus' worth of work first.
      if (workers > 1) await Promise.all(options.texts.slice(0, workers * 2).map((text) => analyser.analyse({ input: { text: text.text }, metadata: {}, fetch: FETCH, maxBytes: DEFAULT_MAX_BYTES })));
      const started = performance.now();
      const counts = await ingestItems(items(options.texts), { store, analyser, concurrency: workers * 2, fetch: FETCH, maxBytes: DEFAULT_MAX_BYTES });
      const seconds = (performance.now() - started) / 1000;
      await analyser.close();
      await store.close();
      await drop();
      report.ingest.push({ backend: backend.name, workers: `${workers} thread${workers > 1 ? "s" : ""}`, documents: counts.stored, seconds, "docs/s": counts.stored / seconds });
    }
  }

  if (options.postgres !== null) {
    for (const processes of [1, 2]) report.ingest.push(await drainQueue(options.postgres, options.texts, processes));
  }

  for (const backend of backends) {
    const { store, drop } = await backend.open();
    await store.migrate();
    const eventsPerDocument = 5;
    const documents = Math.ceil((backend.name === "sqlite" ? options.syntheticEvents : options.postgresEvents) / eventsPerDocument);
    const started = performance.now();
    for (const analysis of syntheticAnalyses({ documents, eventsPerDocument })) {
      await store.putDocument(analysis, { url: analysis.document.url, contentHash: contentHash(analysis.document.text) });
    }
    const seconds = (performance.now() - started) / 1000;
    const events = await store.countEvents();
    report.store.push({ backend: backend.name, documents, events, seconds, "events/s": events / seconds });
    for (const [query, filter] of QUERIES) report.queries.push(await timeQuery(store, backend.name, events, query, filter, options.queryRuns));
    // The embedded default is what `sitrep serve` runs on: load its API on the same corpus.
    if (backend.name === "sqlite") {
      const measures = await runApiBench({ store, stages: createDefaultStages({ gazetteer: options.gazetteer }) });
      report.api.push(...measures.map((measure) => ({ ...measure, events })));
    }
    await store.close();
    await drop();
  }
  return report;
}

/** What an analyst asks: a region over a month, a type, an actor, words, well-corroborated events, and the first page unfiltered. */
const QUERIES: readonly [string, ClusterFilter][] = [
  ["latest 100", { limit: 100 }],
  ["bbox + month", { bbox: [36, 34, 37.5, 36.5], from: "2024-03-01", to: "2024-03-31", limit: 100 }],
  ["sub-event type + year", { subEventType: "Shelling/artillery/missile attack", from: "2024-01-01", to: "2024-12-31", limit: 100 }],
  ["actor", { actor: "nusra-front", limit: 100 }],
  ["text", { text: "Deraa", limit: 100 }],
  ["corroborated by 2+", { minCorroboration: 2, limit: 100 }],
];

async function timeQuery(store: CorpusStore, backend: string, events: number, query: string, filter: ClusterFilter, runs: number): Promise<QueryMeasure> {
  const times: number[] = [];
  let results = 0;
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    results = (await store.queryClusters(filter)).length;
    if (run > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { backend, events, query, results, "p50 ms": at(0.5), "p95 ms": at(0.95) };
}

async function* items(texts: readonly DatasetText[]): AsyncGenerator<IngestItem> {
  for (const text of texts) yield { label: text.id, input: { text: text.text }, metadata: text.published ? { published: text.published } : {}, url: null };
}

/** A database of its own for one measurement, dropped afterwards, so that runs never see each other's rows or jobs. */
async function scratchDatabase(server: string): Promise<{ store: CorpusStore; url: string; drop: () => Promise<void> }> {
  const name = `sitrep_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  const store = new PostgresStore(url);
  return {
    store,
    url,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Queues the texts, then times `processes` draining `sitrep worker` processes (one analysing thread each) from start to exit. */
async function drainQueue(server: string, texts: readonly DatasetText[], processes: number): Promise<IngestMeasure> {
  const { store, url, drop } = await scratchDatabase(server);
  await store.migrate();
  const boss = await openQueue(url);
  await enqueueItems(boss, store, items(texts));
  await boss.stop({ graceful: false, wait: true });
  const started = performance.now();
  await Promise.all(Array.from({ length: processes }, () => runWorkerProcess(url)));
  const seconds = (performance.now() - started) / 1000;
  const documents = await store.countDocuments();
  await store.close();
  await drop();
  return { backend: "postgresql queue", workers: `${processes} process${processes > 1 ? "es" : ""}`, documents, seconds, "docs/s": documents / seconds };
}

function runWorkerProcess(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "worker", "--db", url, "--drain", "--jobs", "1"], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`sitrep worker exited with ${code}`))));
  });
}
