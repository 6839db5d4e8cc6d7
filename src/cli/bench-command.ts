import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { loadBenchCorpora } from "../bench/corpora.js";
import { runBench } from "../bench/run-bench.js";
import { resolveDataDir } from "../eval/data-dir.js";
import { buildDefaultGazetteer } from "../gazetteer/default/index.js";
import { Gazetteer } from "../gazetteer/gazetteer.js";
import { formatTable } from "../report/table.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { write, type Io } from "./io.js";

interface BenchFlags {
  data?: string;
  gazetteer?: string;
  out: string;
  iterations: number;
}

export function createBenchCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  return new Command("bench")
    .description("measure throughput per stage, latency and memory on real articles, beside a baseline")
    .option("--data <dir>", "folder of public data sets (default: $SITREP_DATA, else ../shared/data beside the project)")
    .option("--gazetteer <file>", "gazetteer to run the places stage on (default: build the embedded default afresh and time the build)")
    .option("--out <file>", "write the results as JSON to this file", "bench/results/bench.json")
    .option("--iterations <n>", "measured passes over each corpus (after one warm-up pass)", iterations, 3)
    .action(async (flags: BenchFlags) => {
      const corpora = await loadBenchCorpora(resolveDataDir(flags.data));
      const scratch = await mkdtemp(join(tmpdir(), "sitrep-bench-"));
      const path = flags.gazetteer ?? join(scratch, "gazetteer.sqlite");
      const rssBefore = process.memoryUsage().rss;
      const build = flags.gazetteer === undefined ? await buildDefaultGazetteer(path) : null;
      const gazetteer = new Gazetteer(path);
      const report = await runBench(corpora, { iterations: flags.iterations, gazetteer });
      gazetteer.close();
      await rm(scratch, { recursive: true, force: true });
      if (build) {
        await write(io.stdout, `gazetteer build: ${build.seconds.toFixed(1)} s, ${build.places.toLocaleString("en-US")} places, ${build.names.toLocaleString("en-US")} names, ${(build.bytes / 1e6).toFixed(0)} MB on disk, RSS grew ${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB\n`);
      }
      await write(io.stdout, `corpora: ${corpora.map((corpus) => `${corpus.name} (${corpus.texts.length} documents)`).join(", ")}; ${flags.iterations} measured passes; ${report.node}\n\n`);
      await write(io.stdout, `${formatTable(["corpus", "stage", "documents", "sentences", "seconds", "docs/s", "sentences/s", "MB/s"], report.stages)}\n\n`);
      await write(io.stdout, `${formatTable(["corpus", "p50 ms", "p95 ms", "max ms"], report.latency)}\n\n`);
      await write(io.stdout, `${formatTable(["peak RSS MB", "heap used MB"], [report.memory])}\n`);
      await mkdir(dirname(flags.out), { recursive: true });
      await writeFile(flags.out, `${JSON.stringify(report, null, 2)}\n`);
      await write(io.stdout, `\nwritten to ${flags.out}\n`);
      setExitCode(EXIT.ok);
    });
}

function iterations(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new InvalidArgumentError("expected a positive integer");
  return parsed;
}
