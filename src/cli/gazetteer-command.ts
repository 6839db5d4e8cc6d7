import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { SingleBar } from "cli-progress";
import { Command, Option } from "commander";
import type { DefaultBuildReport } from "../gazetteer/default/index.js";
import { GEONAMES_DUMP_URL, downloadGeoNames } from "../gazetteer/download.js";
import { defaultGazetteerPath, sitrepHome } from "../gazetteer/home.js";
import type { ImportSummary } from "../gazetteer/import/index.js";
import { GazetteerWriter, openGazetteerDatabase } from "../gazetteer/store.js";
import type { GazetteerInfo } from "../gazetteer/types.js";
import { formatBytes } from "../ingest/size.js";
import { formatTable } from "../report/table.js";
import { positiveInteger } from "./arguments.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { warn, write, type Io } from "./io.js";
import { openGazetteerFor } from "./open-gazetteer.js";
import { UsageError } from "./usage-error.js";

interface DownloadFlags {
  baseUrl: string;
  allowPrivate: boolean;
  timeout: number;
}

/** Per-country zips are tens of megabytes at most; the cap only stops a runaway server. */
const DOWNLOAD_MAX_BYTES = 512 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 300_000;

/**
 * A command whose subcommands take the settings it is given: program.ts copies
 * its settings (error handling, output streams) to each top-level command only,
 * and a subcommand without them would exit the process on a usage error.
 */
class CommandGroup extends Command {
  override copyInheritedSettings(source: Command): this {
    super.copyInheritedSettings(source);
    for (const command of this.commands) command.copyInheritedSettings(this);
    return this;
  }
}

export function createGazetteerCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  return new CommandGroup("gazetteer")
    .description("the place gazetteer ($SITREP_HOME/gazetteer.sqlite): build the default, import GeoNames dumps, show what is loaded")
    .addCommand(
      new Command("build")
        .description("build the default gazetteer again, replacing the current one and everything imported into it")
        .action(async () => setExitCode(await runBuild(io))),
    )
    .addCommand(
      new Command("import")
        .description("import GeoNames dump files (.txt or .zip): XX, allCountries, citiesN, alternateNamesV2, alternatenames/XX, admin1CodesASCII, admin2Codes")
        .argument("<file...>", "GeoNames dump files, imported in the order given (alternate names after their places)")
        .action(async (files: string[]) => setExitCode(await importFiles(files, io))),
    )
    .addCommand(
      new Command("download")
        .description("download GeoNames dumps for countries (XX.zip, alternatenames/XX.zip, admin codes) into $SITREP_HOME/downloads, then import them")
        .argument("<country...>", "ISO 3166-1 alpha-2 country codes, e.g. SY LB")
        .option("--base-url <url>", "where the dumps are", GEONAMES_DUMP_URL)
        .option("--timeout <ms>", "time limit for each file", positiveInteger, DOWNLOAD_TIMEOUT_MS)
        .option("--allow-private", "allow downloading from loopback, private and link-local addresses", false)
        .action(async (countries: string[], flags: DownloadFlags) => setExitCode(await runDownload(countries, flags, io))),
    )
    .addCommand(
      new Command("info")
        .description("show what the gazetteer holds: places per source, imports with their dates and files, its path")
        .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
        .action(async (flags: { format: "text" | "json" }) => setExitCode(await runInfo(flags.format, io))),
    );
}

async function runBuild(io: Io): Promise<ExitCode> {
  const path = defaultGazetteerPath();
  // The builder and the importer are loaded by the subcommands that use them, not each time sitrep starts:
  // their dependencies (zip reader, atlas, country names) would add a tenth of a second to every command.
  const { buildDefaultGazetteer } = await import("../gazetteer/default/index.js");
  const report = await withProgress(io, "default gazetteer", (onProgress) => buildDefaultGazetteer(path, { onProgress }));
  await write(io.stdout, describeBuild(report));
  return EXIT.ok;
}

async function importFiles(files: readonly string[], io: Io): Promise<ExitCode> {
  const path = defaultGazetteerPath();
  if (!existsSync(path)) (await openGazetteerFor(io)).close();
  const { importGeoNamesDump } = await import("../gazetteer/import/index.js");
  const db = openGazetteerDatabase(path);
  try {
    const writer = new GazetteerWriter(db);
    for (const file of files) {
      const summary = await withProgress(io, basename(file), (onProgress) => importGeoNamesDump(writer, file, { onProgress }));
      await write(io.stdout, `${describeImport(summary)}\n`);
    }
  } finally {
    db.close();
  }
  return EXIT.ok;
}

async function runDownload(countries: readonly string[], flags: DownloadFlags, io: Io): Promise<ExitCode> {
  const codes = countries.map((country) => {
    if (!/^[A-Za-z]{2}$/.test(country)) throw new UsageError(`not a two-letter ISO country code: ${JSON.stringify(country)}`);
    return country.toUpperCase();
  });
  if (!/^https?:\/\//i.test(flags.baseUrl)) throw new UsageError(`--base-url must be an http(s) URL, not ${JSON.stringify(flags.baseUrl)}`);
  const files = await downloadGeoNames(codes, {
    baseUrl: flags.baseUrl,
    directory: join(sitrepHome(), "downloads"),
    fetch: { timeoutMs: flags.timeout, maxBytes: DOWNLOAD_MAX_BYTES, maxRedirects: 5, allowPrivate: flags.allowPrivate },
    onFile: (event) => {
      if ("missing" in event) warn(io, `no alternate names: ${event.missing}`);
      else io.stdout.write(`downloaded ${event.url} (${formatBytes(event.bytes)}) to ${event.path}\n`);
    },
  });
  return importFiles(files, io);
}

async function runInfo(format: "text" | "json", io: Io): Promise<ExitCode> {
  const gazetteer = await openGazetteerFor(io);
  try {
    const info = gazetteer.info();
    await write(io.stdout, format === "json" ? `${JSON.stringify(info, null, 2)}\n` : describeInfo(info));
  } finally {
    gazetteer.close();
  }
  return EXIT.ok;
}

/** A progress bar on stderr when it is a terminal; otherwise the work runs quietly and its summary speaks. */
async function withProgress<T>(io: Io, label: string, work: (onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  if (!io.stderr.isTTY) return work(() => {});
  const bar = new SingleBar({ stream: io.stderr, format: `  ${label} [{bar}] {percentage}% {eta_formatted}`, hideCursor: true });
  bar.start(1, 0);
  try {
    return await work((done, total) => {
      bar.setTotal(Math.max(1, total));
      bar.update(done);
    });
  } finally {
    bar.stop();
  }
}

function describeImport(summary: ImportSummary): string {
  const count = (value: number): string => value.toLocaleString("en-US");
  switch (summary.kind) {
    case "geoname":
      return `${summary.file}: geoname table, ${count(summary.places)} places, ${count(summary.newNames)} new names (${count(summary.filteredNames)} in other scripts left out)`;
    case "alternate-names":
      return `${summary.file}: alternate names, ${count(summary.rows)} rows, ${count(summary.newNames)} new names; ${count(summary.unknownPlaces)} of places not in the gazetteer and ${count(summary.filteredNames)} in other scripts, links or codes left out`;
    case "admin1-codes":
    case "admin2-codes":
      return `${summary.file}: ${summary.kind}, ${count(summary.adminCodes)} codes`;
  }
}

function describeBuild(report: DefaultBuildReport): string {
  const steps = formatTable(
    ["step", "places", "new names"],
    report.steps.map((step) => ({ step: step.step, places: step.places, "new names": step.newNames })),
  );
  const notes = report.steps.flatMap((step) => step.notes.map((note) => `  note (${step.step}): ${note}\n`)).join("");
  return `built ${report.path} in ${report.seconds.toFixed(1)} s: ${report.places.toLocaleString("en-US")} places, ${report.names.toLocaleString("en-US")} names, ${formatBytes(report.bytes)}\n\n${steps}\n${notes}`;
}

function describeInfo(info: GazetteerInfo): string {
  const size = formatBytes(statSync(info.path).size);
  const sources = formatTable(["source", "places"], info.bySource);
  // Not a table: file paths are long, and a table would right-align them.
  const rows = info.imports.map((entry) => [entry.finishedAt.replace("T", " ").slice(0, 19), entry.source, `${entry.rows.toLocaleString("en-US")} rows`, `${entry.names.toLocaleString("en-US")} new names`, entry.file]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const imports = rows.map((row) => row.map((cell, column) => (column === 2 || column === 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join("  ").trimEnd());
  return `gazetteer  ${info.path} (${size})\nplaces     ${info.places.toLocaleString("en-US")}\nnames      ${info.names.toLocaleString("en-US")}\n\n${sources}\n\nimports (UTC)\n${imports.join("\n")}\n`;
}
