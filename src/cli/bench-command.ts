import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Command } from "commander";
import { loadBenchCorpora } from "../bench/corpora.js";
import { runCorpusBench } from "../bench/corpus-bench.js";
import { runBench } from "../bench/run-bench.js";
import { resolveDataDir } from "../eval/data-dir.js";
import { buildDefaultGazetteer } from "../gazetteer/default/index.js";
import { Gazetteer } from "../gazetteer/gazetteer.js";
import { formatTable } from "../report/table.js";
import { positiveInteger } from "./arguments.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { write, type Io } from "./io.js";

interface BenchFlags {
  data?: string;
  gazetteer?: string;
  out: string;
  iterations: number;
  corpus: boolean;
  postgres: string;
  corpusEvents: number;
  postgresEvents: number;
}

/** Where the corpus bench finds PostgreSQL unless told: the server CI and the tests use. */
const DEFAULT_POSTGRES = process.env["SITREP_BENCH_POSTGRES"] ?? "postgres://postgres@127.0.0.1:5432/test";

export function createBenchCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  return new Command("bench")
    .description("measure throughput per stage, latency and memory on real articles, beside a baseline")
    .option("--data <dir>", "folder of public data sets (default: $SITREP_DATA, else ../shared/data beside the project)")
    .option("--gazetteer <file>", "gazetteer to run the places stage on (default: build the embedded default afresh and time the build)")
    .option("--out <file>", "write the results as JSON to this file", "bench/results/bench.json")
    .option("--iterations <n>", "measured passes over each corpus (after one warm-up pass)", positiveInteger, 3)
    .option("--no-corpus", "skip the corpus bench (ingestion into SQLite and PostgreSQL, queue workers, query latency)")
    .option("--postgres <url>", "PostgreSQL server for the corpus bench (scratch databases are created and dropped); 'none' to skip it", DEFAULT_POSTGRES)
    .option("--corpus-events <n>", "events in the generated SQLite corpus that queries and the HTTP API are timed on", positiveInteger, 100_000)
    .option("--postgres-events <n>", "events in the generated PostgreSQL corpus", positiveInteger, 20_000)
    .action(async (flags: BenchFlags) => {
      const corpora = await loadBenchCorpora(resolveDataDir(flags.data));
      const scratch = await mkdtemp(join(tmpdir(), "sitrep-bench-"));
      const path = flags.gazetteer ?? join(scratch, "gazetteer.sqlite");
      const rssBefore = process.memoryUsage().rss;
      const build = flags.gazetteer === undefined ? await buildDefaultGazetteer(path) : null;
      const gazetteer = new Gazetteer(path);
      const report = await runBench(corpora, { iterations: flags.iterations, gazetteer });
      const corpusReport = flags.corpus
        ? await runCorpusBench({
            texts: corpora.flatMap((corpus) => corpus.texts), gazetteer, gazetteerPath: path, scratch,
            postgres: flags.postgres === "none" ? null : flags.postgres, syntheticEvents: flags.corpusEvents, postgresEvents: flags.postgresEvents, queryRuns: 20,
          })
        : null;
      gazetteer.close();
      await rm(scratch, { recursive: true, force: true });
      if (build) {
        await write(io.stdout, `gazetteer build: ${build.seconds.toFixed(1)} s, ${build.places.toLocaleString("en-US")} places, ${build.names.toLocaleString("en-US")} names, ${(build.bytes / 1e6).toFixed(0)} MB on disk, RSS grew ${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB\n`);
      }
      await write(io.stdout, `corpora: ${corpora.map((corpus) => `${corpus.name} (${corpus.texts.length} documents)`).join(", ")}; ${flags.iterations} measured passes; ${report.node}\n\n`);
      await write(io.stdout, `${formatTable(["corpus", "stage", "documents", "sentences", "seconds", "docs/s", "sentences/s", "MB/s"], report.stages)}\n\n`);
      await write(io.stdout, `${formatTable(["corpus", "p50 ms", "p95 ms", "max ms"], report.latency)}\n\n`);
      await write(io.stdout, `${formatTable(["peak RSS MB", "heap used MB"], [report.memory])}\n`);
      if (corpusReport) {
        await write(io.stdout, `\ncorpus: ingestion (analysis and storage, clustering included)\n${formatTable(["backend", "workers", "documents", "seconds", "docs/s"], corpusReport.ingest)}\n`);
        await write(io.stdout, `\ncorpus: storing generated analyses\n${formatTable(["backend", "documents", "events", "seconds", "events/s"], corpusReport.store)}\n`);
        await write(io.stdout, `\ncorpus: query latency on generated events (limit 100)\n${formatTable(["backend", "events", "query", "results", "p50 ms", "p95 ms"], corpusReport.queries)}\n`);
        await write(io.stdout, `\nHTTP API under load (autocannon, 10 connections, 10 s each, SQLite)\n${formatTable(["request", "events", "requests/s", "p50 ms", "p99 ms", "MB/s", "errors"], corpusReport.api)}\n`);
      }
      await mkdir(dirname(flags.out), { recursive: true });
      await writeFile(flags.out, `${JSON.stringify({ ...report, corpus: corpusReport }, null, 2)}\n`);
      await write(io.stdout, `\nwritten to ${flags.out}\n`);
      setExitCode(EXIT.ok);
    });
}
