import { availableParallelism } from "node:os";
import { SingleBar } from "cli-progress";
import { Command, Option } from "commander";
import { DEFAULT_FETCH_OPTIONS, DEFAULT_MAX_BYTES } from "../analyze/input.js";
import { createPoolAnalyser, createThreadAnalyser, type Analyser } from "../corpus/analyser.js";
import { ingestItems, type IngestCounts, type ItemOutcome } from "../corpus/ingest.js";
import { enqueueItems, openQueue } from "../corpus/queue.js";
import { defaultGazetteerPath } from "../gazetteer/home.js";
import type { FetchOptions } from "../ingest/fetch-url.js";
import { expandTargets } from "../ingest/targets.js";
import { createDefaultStages } from "../pipeline/default.js";
import type { CorpusStore } from "../store/store.js";
import { nonNegativeInteger, positiveInteger } from "./arguments.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { fail, write, type Io } from "./io.js";
import { openGazetteerFor } from "./open-gazetteer.js";
import { isPostgresUrl, openStore } from "./open-store.js";
import { UsageError } from "./usage-error.js";

type SummaryFormat = "text" | "json";

export interface FetchFlags {
  maxBytes: number;
  timeout: number;
  maxRedirects: number;
  allowPrivate: boolean;
}

interface IngestFlags extends FetchFlags {
  db?: string;
  jobs: number;
  queue: boolean;
  format: SummaryFormat;
}

/** The fetching and size options every corpus command that reads inputs takes. */
export function withFetchOptions(command: Command): Command {
  return command
    .option("--max-bytes <n>", "largest input (or batch line) accepted, in bytes", positiveInteger, DEFAULT_MAX_BYTES)
    .option("--timeout <ms>", "time limit for fetching a URL", positiveInteger, DEFAULT_FETCH_OPTIONS.timeoutMs)
    .option("--max-redirects <n>", "redirects followed when fetching a URL", nonNegativeInteger, DEFAULT_FETCH_OPTIONS.maxRedirects)
    .option("--allow-private", "allow fetching from loopback, private and link-local addresses", false);
}

export function fetchOptions(flags: FetchFlags): FetchOptions {
  return { timeoutMs: flags.timeout, maxRedirects: flags.maxRedirects, allowPrivate: flags.allowPrivate, maxBytes: flags.maxBytes };
}

export function createIngestCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  const command = new Command("ingest")
    .description("analyse files, directories, JSONL or CSV batches, RSS/Atom feeds and URLs into the corpus, each document once")
    .argument("<targets...>", "files, directories, or http(s) URLs of articles or feeds")
    .option("--db <path|url>", "the corpus: a SQLite file or a postgres:// URL (default: corpus.sqlite in SITREP_HOME)")
    .option("-j, --jobs <n>", "documents analysed at once, each on a worker thread (default: one per core)", positiveInteger, availableParallelism())
    .option("--queue", "put the inputs in the PostgreSQL job queue for `sitrep worker` processes instead of analysing them here", false)
    .addOption(new Option("-f, --format <format>", "how to print the summary").choices(["text", "json"]).default("text"));
  return withFetchOptions(command).action(async (targets: string[], flags: IngestFlags) => setExitCode(await runIngest(targets, flags, io)));
}

async function runIngest(targets: string[], flags: IngestFlags, io: Io): Promise<ExitCode> {
  if (flags.queue && !isPostgresUrl(flags.db)) throw new UsageError("--queue needs the corpus in PostgreSQL: give --db postgres://…");
  const fetch = fetchOptions(flags);
  const items = expandTargets(targets, { fetch, maxBytes: flags.maxBytes });
  const store = await openStore(flags.db);
  try {
    const onOutcome = (outcome: ItemOutcome) => {
      if (outcome.error !== null) fail(io, `${outcome.label}: ${outcome.error.message}`);
    };
    if (flags.queue) {
      const boss = await openQueue(flags.db as string);
      try {
        const counts = await enqueueItems(boss, store, items, onOutcome);
        await write(io.stdout, flags.format === "json" ? `${JSON.stringify(counts)}\n` : `queued ${counts.queued} input(s); ${counts.skipped} already stored or queued; ${counts.failed} failed\n`);
        return counts.failed > 0 ? EXIT.data : EXIT.ok;
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    }
    const analyser = await createAnalyser(flags.jobs, io);
    const progress = createProgress(io);
    try {
      const counts = await ingestItems(items, {
        store, analyser, concurrency: flags.jobs, fetch, maxBytes: flags.maxBytes,
        onSeen: progress.seen,
        onOutcome: (outcome) => {
          progress.done();
          onOutcome(outcome);
        },
      });
      progress.stop();
      await write(io.stdout, await formatSummary(counts, store, flags.format));
      return counts.failed > 0 ? EXIT.data : EXIT.ok;
    } finally {
      progress.stop();
      await analyser.close();
    }
  } finally {
    await store.close();
  }
}

/** One job runs in this thread; more run on a pool of worker threads, each with its own stages. */
export async function createAnalyser(jobs: number, io: Io): Promise<Analyser> {
  const gazetteer = await openGazetteerFor(io);
  if (jobs === 1) return createThreadAnalyser(createDefaultStages({ gazetteer }));
  gazetteer.close();
  return createPoolAnalyser({ threads: jobs, gazetteerPath: defaultGazetteerPath() });
}

/** A bar on a terminal whose total grows as inputs are read (a directory or feed is not counted in advance); nothing otherwise. */
function createProgress(io: Io): { seen: () => void; done: () => void; stop: () => void } {
  if (!io.stderr.isTTY) return { seen: () => undefined, done: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: io.stderr, format: "  ingest [{bar}] {value}/{total} documents {eta_formatted}", hideCursor: true });
  let total = 0;
  let stopped = false;
  bar.start(0, 0);
  return {
    seen: () => bar.setTotal(++total),
    done: () => bar.increment(),
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}

export async function formatSummary(counts: IngestCounts, store: CorpusStore, format: SummaryFormat): Promise<string> {
  const corpus = { documents: await store.countDocuments(), events: await store.countEvents(), clusters: await store.countClusters() };
  if (format === "json") return `${JSON.stringify({ ...counts, corpus })}\n`;
  return (
    `ingested ${counts.stored} new document(s); ${counts.duplicate} duplicate(s) of stored ones; ${counts.skipped} input(s) already stored; ${counts.failed} failed\n` +
    `corpus: ${corpus.documents} documents, ${corpus.events} events in ${corpus.clusters} clusters\n`
  );
}
