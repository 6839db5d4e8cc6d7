import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { resolveDataDir } from "../eval/data-dir.js";
import type { EvalOutcome, EvalProgress, EvalRunOptions } from "../eval/task.js";
import { EVAL_TASKS } from "../eval/tasks/index.js";
import { formatTable } from "../report/table.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { fail, write, type Io } from "./io.js";
import { UsageError } from "./usage-error.js";

interface EvalFlags {
  data?: string;
  out?: string;
  format: "text" | "json";
  limit?: number;
  gold?: string;
}

export function createEvalCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  return new Command("eval")
    .description("score the pipeline on public gold data in its original formats")
    .argument("[task...]", `tasks to run (default: all): ${EVAL_TASKS.map((task) => task.name).join(", ")}`)
    .option("--data <dir>", "folder of gold data sets (default: $SITREP_DATA, else ../shared/data beside the project)")
    .option("--out <file>", "also write the results as JSON to this file")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--limit <n>", "score at most N documents of each data set, for quick runs (geoparse)", parsePositiveInteger)
    .option("--gold <path>", "score on this gold file or folder instead of every set under --data; its format is detected (geoparse)")
    .action(async (names: string[], flags: EvalFlags) => setExitCode(await runEval(names, flags, io)));
}

async function runEval(names: string[], flags: EvalFlags, io: Io): Promise<ExitCode> {
  const unknown = names.filter((name) => !EVAL_TASKS.some((task) => task.name === name));
  if (unknown.length > 0) throw new UsageError(`unknown eval task(s): ${unknown.join(", ")}; known: ${EVAL_TASKS.map((task) => task.name).join(", ")}`);
  const tasks = names.length === 0 ? EVAL_TASKS : EVAL_TASKS.filter((task) => names.includes(task.name));
  const dataDir = resolveDataDir(flags.data);

  const progress = io.stderr.isTTY ? createProgressLine(io) : null;
  const options: EvalRunOptions = {
    ...(flags.limit === undefined ? {} : { limit: flags.limit }),
    ...(flags.gold === undefined ? {} : { gold: resolve(flags.gold) }),
    ...(progress === null ? {} : { onProgress: progress.update }),
  };

  const results: Record<string, EvalOutcome> = {};
  for (const task of tasks) {
    const outcome = await task.run(dataDir, options).finally(() => progress?.clear());
    results[task.name] = outcome;
    if (flags.format === "text") await write(io.stdout, renderOutcome(task.name, task.description, outcome));
  }
  const report = { data: dataDir, results };
  if (flags.format === "json") await write(io.stdout, `${JSON.stringify(report, null, 2)}\n`);
  if (flags.out !== undefined) {
    await mkdir(dirname(flags.out), { recursive: true });
    await writeFile(flags.out, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (Object.values(results).every((outcome) => "skipped" in outcome)) {
    fail(io, `no gold data found under ${dataDir}; pass --data or set SITREP_DATA`);
    return EXIT.noInput;
  }
  return EXIT.ok;
}

function renderOutcome(name: string, description: string, outcome: EvalOutcome): string {
  if ("skipped" in outcome) return `${name}: skipped (${outcome.skipped})\n\n`;
  const notes = outcome.notes.map((note) => `  note: ${note}\n`).join("");
  return `${name}: ${description}\n${formatTable(outcome.columns, outcome.rows)}\n${notes}\n`;
}

function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError("expected a whole number of at least 1");
  return number;
}

/** One line on a terminal's stderr, rewritten at most ten times a second: `geoparse lgl 120/588`. */
function createProgressLine(io: Io): { update: (progress: EvalProgress) => void; clear: () => void } {
  let last = 0;
  let shown = false;
  return {
    update({ task, dataset, done, total }) {
      const now = performance.now();
      if (done !== total && now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\x1b[2K${task} ${dataset} ${done}/${total}`);
    },
    clear() {
      if (shown) io.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}
