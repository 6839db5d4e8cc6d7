import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { Command, Option } from "commander";
import { ingestItems, type IngestCounts, type ItemOutcome } from "../corpus/ingest.js";
import type { IngestItem, IngestItemError } from "../ingest/targets.js";
import { pollFeed, readFeedList } from "../ingest/watch.js";
import { isSitrepError, SitrepError } from "../model/errors.js";
import type { CorpusStore } from "../store/store.js";
import type { Analyser } from "../corpus/analyser.js";
import { positiveInteger } from "./arguments.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { fail, write, type Io } from "./io.js";
import { createAnalyser, fetchOptions, formatSummary, withFetchOptions, type FetchFlags } from "./ingest-command.js";
import { openStore } from "./open-store.js";

interface WatchFlags extends FetchFlags {
  db?: string;
  jobs: number;
  interval: number;
  once: boolean;
  format: "text" | "json";
}

export function createWatchCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  const command = new Command("watch")
    .description("poll RSS/Atom feeds (conditional requests, ETag and Last-Modified) and ingest their new articles into the corpus, until stopped")
    .argument("<feedlist>", "a file with one feed URL per line (# starts a comment)")
    .option("--db <path|url>", "the corpus: a SQLite file or a postgres:// URL (default: corpus.sqlite in SITREP_HOME)")
    .option("-j, --jobs <n>", "documents analysed at once", positiveInteger, 1)
    .option("--interval <seconds>", "time between two polls of the feeds", positiveInteger, 300)
    .option("--once", "poll every feed once and stop", false)
    .addOption(new Option("-f, --format <format>", "how to print each round's summary").choices(["text", "json"]).default("text"));
  return withFetchOptions(command).action(async (feedlist: string, flags: WatchFlags) => setExitCode(await runWatch(feedlist, flags, io)));
}

async function runWatch(feedlist: string, flags: WatchFlags, io: Io): Promise<ExitCode> {
  const list = await readFile(feedlist, "utf8").catch((error: unknown) => {
    throw new SitrepError("input-not-found", `cannot read the feed list ${feedlist}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const feeds = readFeedList(list);
  if (feeds.length === 0) throw new SitrepError("input-empty", `${feedlist} lists no feed`);
  const store = await openStore(flags.db);
  const analyser = await createAnalyser(flags.jobs, io);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  let failed = false;
  try {
    do {
      const counts = await pollRound(feeds, store, analyser, flags, io);
      failed ||= counts.failed > 0;
      await write(io.stdout, await formatSummary(counts, store, flags.format));
      if (flags.once) break;
      await sleep(flags.interval * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
    } while (!stop.signal.aborted);
    return failed ? EXIT.data : EXIT.ok;
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    await analyser.close();
    await store.close();
  }
}

/**
 * Polls each feed once and ingests what is new. A feed's state is saved only
 * after its items are stored, so a run stopped in between polls them again
 * (and the store skips what it has).
 */
async function pollRound(feeds: readonly string[], store: CorpusStore, analyser: Analyser, flags: WatchFlags, io: Io): Promise<IngestCounts> {
  const total: IngestCounts = { stored: 0, duplicate: 0, skipped: 0, failed: 0 };
  const fetch = fetchOptions(flags);
  const onOutcome = (outcome: ItemOutcome) => {
    if (outcome.error !== null) fail(io, `${outcome.label}: ${outcome.error.message}`);
  };
  for (const url of feeds) {
    try {
      const polled = await pollFeed(url, await store.getFeed(url), { fetch, maxBytes: flags.maxBytes });
      if (polled.status === "updated") {
        const counts = await ingestItems(listed([...polled.items, ...polled.errors]), { store, analyser, concurrency: flags.jobs, fetch, maxBytes: flags.maxBytes, onOutcome });
        for (const status of Object.keys(counts) as (keyof IngestCounts)[]) total[status] += counts[status];
      }
      await store.saveFeed(polled.state);
    } catch (error) {
      // One feed down must not stop the others; it is polled again next round.
      if (!isSitrepError(error)) throw error;
      total.failed += 1;
      fail(io, `${url}: ${error.message}`);
    }
  }
  return total;
}

async function* listed(items: readonly (IngestItem | IngestItemError)[]): AsyncGenerator<IngestItem | IngestItemError> {
  yield* items;
}
