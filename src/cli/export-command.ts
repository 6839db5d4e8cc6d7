import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { Command, Option } from "commander";
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "../export/index.js";
import { clusterFilter, withEventFilters, type EventFilterFlags } from "./event-filters.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { warn, type Io } from "./io.js";
import { openStore } from "./open-store.js";

interface ExportFlags extends EventFilterFlags {
  db?: string;
  format: ExportFormat;
  out?: string;
}

export function createExportCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  const command = new Command("export")
    .description("write the corpus' events (reviewers' corrections applied) as ACLED-style CSV, GeoJSON, PLOVER JSONL or JSONL, with the filters given")
    .addOption(new Option("-f, --format <format>", "export format").choices(EXPORT_FORMATS).makeOptionMandatory())
    .option("-o, --out <file>", "write to this file instead of standard output");
  return withEventFilters(command).action(async (flags: ExportFlags) => setExitCode(await runExport(flags, io)));
}

async function runExport(flags: ExportFlags, io: Io): Promise<ExitCode> {
  const store = await openStore(flags.db);
  try {
    const out = flags.out === undefined ? io.stdout : createWriteStream(flags.out);
    const { written, skipped } = await exportEvents(flags.format, store.streamClusters(clusterFilter(flags)), out);
    if (flags.out !== undefined) {
      out.end();
      await finished(out);
    }
    if (skipped > 0) warn(io, `${skipped} event(s) left out: ${flags.format === "geojson" ? "no place to put them on a map" : "no PLOVER type"}`);
    io.stderr.write(`sitrep: exported ${written} event(s)\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
