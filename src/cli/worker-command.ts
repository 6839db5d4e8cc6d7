import { availableParallelism } from "node:os";
import { Command, Option } from "commander";
import { runQueueWorker, openQueue } from "../corpus/queue.js";
import { positiveInteger } from "./arguments.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { fail, write, type Io } from "./io.js";
import { createAnalyser, fetchOptions, formatSummary, withFetchOptions, type FetchFlags } from "./ingest-command.js";
import { isPostgresUrl, openStore } from "./open-store.js";
import { UsageError } from "./usage-error.js";

interface WorkerFlags extends FetchFlags {
  db?: string;
  jobs: number;
  drain: boolean;
  format: "text" | "json";
}

export function createWorkerCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  const command = new Command("worker")
    .description("take inputs queued by `sitrep ingest --queue` from the PostgreSQL corpus, analyse and store them; run as many as you like, anywhere")
    .requiredOption("--db <url>", "the corpus, a postgres:// URL")
    .option("-j, --jobs <n>", "documents analysed at once, each on a worker thread (default: one per core)", positiveInteger, availableParallelism())
    .option("--drain", "stop when the queue is empty instead of waiting for more", false)
    .addOption(new Option("-f, --format <format>", "how to print the summary").choices(["text", "json"]).default("text"));
  return withFetchOptions(command).action(async (flags: WorkerFlags) => setExitCode(await runWorker(flags, io)));
}

async function runWorker(flags: WorkerFlags, io: Io): Promise<ExitCode> {
  if (!isPostgresUrl(flags.db)) throw new UsageError("a worker takes its jobs from PostgreSQL: give --db postgres://…");
  const store = await openStore(flags.db);
  const boss = await openQueue(flags.db);
  const analyser = await createAnalyser(flags.jobs, io);
  // SIGINT and SIGTERM finish the jobs in hand and stop; the queue gives the rest to other workers.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    const counts = await runQueueWorker(boss, {
      store, analyser, concurrency: flags.jobs, fetch: fetchOptions(flags), maxBytes: flags.maxBytes, drain: flags.drain, signal: stop.signal,
      onOutcome: (outcome) => {
        if (outcome.error !== null) fail(io, `${outcome.label}: ${outcome.error.message}`);
      },
    });
    await write(io.stdout, await formatSummary(counts, store, flags.format));
    return counts.failed > 0 ? EXIT.data : EXIT.ok;
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    await boss.stop({ graceful: true, wait: true });
    await analyser.close();
    await store.close();
  }
}
