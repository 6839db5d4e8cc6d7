import { readFile } from "node:fs/promises";
import { Command, InvalidArgumentError } from "commander";
import { DEFAULT_FETCH_OPTIONS, DEFAULT_MAX_BYTES } from "../analyze/input.js";
import { createThreadAnalyser } from "../corpus/analyser.js";
import { ingestItems } from "../corpus/ingest.js";
import { createDefaultStages } from "../pipeline/default.js";
import type { Stage } from "../pipeline/stage.js";
import { accessProblem, createServer, DEFAULT_HOST, DEFAULT_MAX_BODY } from "../server/index.js";
import type { CorpusStore } from "../store/store.js";
import { positiveInteger } from "./arguments.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { fail, type Io } from "./io.js";
import { openGazetteerFor } from "./open-gazetteer.js";
import { openStore } from "./open-store.js";
import { UsageError } from "./usage-error.js";

interface ServeFlags {
  db?: string;
  host: string;
  port: number;
  token?: string;
  maxBody: number;
}

/** The founding example of the design (examples/README.md), so that a fresh corpus shows an event on the map. */
const FOUNDING_EXAMPLE = {
  file: new URL("../../examples/qalamoun-fr.txt", import.meta.url),
  label: "examples/qalamoun-fr.txt",
  metadata: { published: "2015-05-15", outlet: "al-Manar" },
};

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new InvalidArgumentError("expected a port number from 0 to 65535 (0: any free port)");
  return parsed;
}

export function createServeCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  return new Command("serve")
    .description("serve the HTTP API (under /api, described at /openapi.json) and the web app over the corpus")
    .option("--db <path|url>", "the corpus: a SQLite file or a postgres:// URL (default: corpus.sqlite in SITREP_HOME)")
    .option("--host <address>", "address to listen on; any but loopback needs a token", DEFAULT_HOST)
    .option("--port <n>", "port to listen on (0: any free port)", port, 8080)
    .option("--token <token>", "bearer token that write requests (POST) must present (default: $SITREP_TOKEN); required off loopback")
    .option("--max-body <bytes>", "largest request body accepted by analyze and ingest, in bytes", positiveInteger, DEFAULT_MAX_BODY)
    .action(async (flags: ServeFlags) => setExitCode(await runServe(flags, io)));
}

async function runServe(flags: ServeFlags, io: Io): Promise<ExitCode> {
  const fromEnvironment = process.env["SITREP_TOKEN"];
  const token = flags.token ?? (fromEnvironment === undefined || fromEnvironment === "" ? null : fromEnvironment);
  // Refused before the corpus and the gazetteer are opened, which can take a while.
  const problem = accessProblem(flags.host, token);
  if (problem !== null) throw new UsageError(problem);
  const store = await openStore(flags.db);
  const gazetteer = await openGazetteerFor(io);
  try {
    const stages = createDefaultStages({ gazetteer });
    if ((await store.countDocuments()) === 0) await ingestFoundingExample(store, stages, io);
    const app = await createServer({ store, stages, host: flags.host, maxBody: flags.maxBody, log: io.stderr, ...(token === null ? {} : { token }) });
    try {
      const url = await app.listen({ host: flags.host, port: flags.port });
      io.stdout.write(`sitrep: serving the corpus at ${url}/ (API under ${url}/api, described at ${url}/openapi.json); Ctrl-C stops\n`);
    } catch (error) {
      await app.close();
      fail(io, `cannot listen on ${flags.host}:${flags.port}: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT.unavailable;
    }
    const signal = await stopSignal();
    io.stderr.write(`sitrep: ${signal}: stopping\n`);
    // Requests in flight finish; new ones are refused with 503 meanwhile.
    await app.close();
    return EXIT.ok;
  } finally {
    gazetteer.close();
    await store.close();
  }
}

async function ingestFoundingExample(store: CorpusStore, stages: readonly Stage[], io: Io): Promise<void> {
  io.stderr.write(`sitrep: the corpus is empty; ingesting the founding example ${FOUNDING_EXAMPLE.label} so that there is something to see\n`);
  const text = await readFile(FOUNDING_EXAMPLE.file, "utf8");
  async function* items() {
    yield { label: FOUNDING_EXAMPLE.label, input: { text }, metadata: FOUNDING_EXAMPLE.metadata, url: null };
  }
  const analyser = createThreadAnalyser(stages);
  const counts = await ingestItems(items(), {
    store, analyser, concurrency: 1, fetch: DEFAULT_FETCH_OPTIONS, maxBytes: DEFAULT_MAX_BYTES,
    onOutcome: (outcome) => {
      if (outcome.error !== null) fail(io, `${outcome.label}: ${outcome.error.message}`);
    },
  });
  await analyser.close();
  if (counts.stored === 1) io.stderr.write(`sitrep: stored ${FOUNDING_EXAMPLE.label}: ${await store.countClusters()} event(s)\n`);
}

/** Resolves with the name of the first SIGINT or SIGTERM, and stops listening for both. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];
    const stop = (signal: NodeJS.Signals) => {
      for (const name of signals) process.off(name, stop);
      resolve(signal);
    };
    for (const name of signals) process.on(name, stop);
  });
}
