import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Command, Option } from "commander";
import { analyze } from "../analyze/analyze.js";
import { DEFAULT_FETCH_OPTIONS, DEFAULT_MAX_BYTES, type AnalyzeInput, type DocumentMetadata, type InputFormat } from "../analyze/input.js";
import { readJsonlLines, recordDocument } from "../ingest/jsonl.js";
import { readFileBytes, readStreamBytes } from "../ingest/read.js";
import type { Analysis, MetadataOrigin } from "../model/analysis.js";
import { isSitrepError, SitrepError } from "../model/errors.js";
import { createDefaultStages } from "../pipeline/default.js";
import { nonNegativeInteger, positiveInteger } from "./arguments.js";
import { EXIT, exitCodeFor, type ExitCode } from "./exit-codes.js";
import { formatText } from "./format-text.js";
import { fail, warn, write, type Io } from "./io.js";
import { openGazetteerFor } from "./open-gazetteer.js";
import { UsageError } from "./usage-error.js";

type OutputFormat = "json" | "jsonl" | "text";

interface AnalyzeFlags {
  format?: OutputFormat;
  input: InputFormat | "jsonl";
  published?: string;
  outlet?: string;
  language?: string;
  title?: string;
  id?: string;
  url?: string;
  encoding?: string;
  maxBytes: number;
  timeout: number;
  maxRedirects: number;
  allowPrivate: boolean;
}

/** Document-level findings that make the exit status non-zero although an analysis was written. */
const FLAGGED_CODES = new Set(["language-undetermined", "language-unsupported"]);

export function createAnalyzeCommand(io: Io, setExitCode: (code: ExitCode) => void): Command {
  return new Command("analyze")
    .description("analyse one news report (a file, a URL or - for standard input) or a JSONL batch")
    .argument("[input]", "FILE, http(s) URL, or - for standard input", "-")
    .addOption(new Option("-f, --format <format>", "output format (default: text on a terminal, else json; jsonl for batches)").choices(["json", "jsonl", "text"]))
    .addOption(new Option("-i, --input <kind>", "how to read the input (default: .jsonl files as batches, HTML sniffed)").choices(["auto", "text", "html", "jsonl"]).default("auto"))
    .option("--published <date>", "publication date (ISO 8601), used to anchor relative dates")
    .option("--outlet <name>", "publishing outlet")
    .option("--language <code>", "language of the text (ISO 639-1, e.g. fr); skips identification")
    .option("--title <title>", "document title")
    .option("--id <id>", "document id (default: sha256 of the text)")
    .option("--url <url>", "the document's URL, when the input is a file")
    .option("--encoding <name>", "decode the input with this encoding instead of UTF-8 (e.g. windows-1256)")
    .option("--max-bytes <n>", "largest input (or batch line) accepted, in bytes", positiveInteger, DEFAULT_MAX_BYTES)
    .option("--timeout <ms>", "time limit for fetching a URL", positiveInteger, DEFAULT_FETCH_OPTIONS.timeoutMs)
    .option("--max-redirects <n>", "redirects followed when fetching a URL", nonNegativeInteger, DEFAULT_FETCH_OPTIONS.maxRedirects)
    .option("--allow-private", "allow fetching from loopback, private and link-local addresses", false)
    .action(async (target: string, flags: AnalyzeFlags) => setExitCode(await runAnalyze(target, flags, io)));
}

async function runAnalyze(target: string, flags: AnalyzeFlags, io: Io): Promise<ExitCode> {
  const isUrl = /^https?:\/\//i.test(target);
  const fromStdin = target === "-";
  if (fromStdin && (io.stdin as { isTTY?: boolean }).isTTY) {
    throw new UsageError("no input: give a FILE, a URL, or pipe text into `sitrep analyze -`");
  }
  const batch = flags.input === "jsonl" || (!isUrl && !fromStdin && flags.input === "auto" && target.toLowerCase().endsWith(".jsonl"));
  const format: OutputFormat = flags.format ?? (io.stdout.isTTY ? "text" : batch ? "jsonl" : "json");
  if (batch && format === "json") throw new UsageError("a batch gives one analysis per line: use --format jsonl (or text)");
  if (batch && isUrl) throw new UsageError("batches are read from a file or standard input, not a URL");

  const label = fromStdin ? "standard input" : target;
  const overrides = metadataOverrides(flags);
  const gazetteer = await openGazetteerFor(io);
  const options = {
    stages: createDefaultStages({ gazetteer }),
    maxBytes: flags.maxBytes,
    fetch: { timeoutMs: flags.timeout, maxRedirects: flags.maxRedirects, allowPrivate: flags.allowPrivate, maxBytes: flags.maxBytes },
    ...(flags.encoding === undefined ? {} : { encoding: flags.encoding }),
  };

  if (batch) return runBatch(target, fromStdin, flags, options, overrides, format, io);

  try {
    const input: AnalyzeInput = isUrl
      ? { url: target }
      : {
          bytes: fromStdin ? await readStreamBytes(io.stdin, { maxBytes: flags.maxBytes, label }) : await readFileBytes(target, { maxBytes: flags.maxBytes }),
          format: flags.input === "jsonl" ? "auto" : flags.input,
          label,
        };
    const analysis = await analyze(input, { ...options, metadata: overrides.metadata, metadataFrom: overrides.origin });
    await write(io.stdout, render(analysis, format, label));
    return reportFlags(analysis, label, io) ? EXIT.data : EXIT.ok;
  } catch (error) {
    if (!isSitrepError(error)) throw error;
    fail(io, error.message);
    return exitCodeFor(error.code);
  }
}

async function runBatch(
  target: string,
  fromStdin: boolean,
  flags: AnalyzeFlags,
  options: Parameters<typeof analyze>[1] & object,
  overrides: { metadata: DocumentMetadata; origin: MetadataOrigin },
  format: OutputFormat,
  io: Io,
): Promise<ExitCode> {
  const stream = fromStdin ? io.stdin : await openBatchFile(target);
  let failed = 0;
  let flagged = 0;
  let internal = false;

  for await (const entry of readJsonlLines(stream, { maxLineBytes: flags.maxBytes })) {
    const label = `line ${entry.line}`;
    if ("error" in entry) {
      failed++;
      await writeError(entry.line, entry.id, entry.error.code, entry.error.message, format, io);
      continue;
    }
    const { record } = entry;
    try {
      const { input, metadata, metadataFrom } = recordDocument(record);
      // Command-line options win over the record's own fields.
      const analysis = await analyze(input, { ...options, metadata: { ...metadata, ...overrides.metadata }, metadataFrom: { ...metadataFrom, ...overrides.origin } });
      await write(io.stdout, render(analysis, format, record.id ?? label));
      if (reportFlags(analysis, label, io)) flagged++;
    } catch (error) {
      failed++;
      // One document's failure, even a bug, must not cost the rest of the batch; it is reported and the run exits non-zero.
      if (!isSitrepError(error)) internal = true;
      const code = isSitrepError(error) ? error.code : "internal-error";
      const message = error instanceof Error ? error.message : String(error);
      await writeError(entry.line, record.id, code, message, format, io);
    }
  }
  if (failed + flagged > 0) warn(io, `${failed} record(s) failed and ${flagged} were flagged; see the error records and messages`);
  if (internal) return EXIT.software;
  return failed + flagged > 0 ? EXIT.data : EXIT.ok;
}

async function openBatchFile(path: string): Promise<NodeJS.ReadableStream> {
  const found = await stat(path).catch(() => null);
  if (found === null) throw new SitrepError("input-not-found", `no such file: ${path}`);
  if (!found.isFile()) throw new SitrepError("input-unreadable", `${path} is not a regular file`);
  return createReadStream(path);
}

function metadataOverrides(flags: AnalyzeFlags): { metadata: DocumentMetadata; origin: MetadataOrigin } {
  const metadata: DocumentMetadata = {};
  const origin: MetadataOrigin = {};
  for (const field of ["published", "outlet", "language", "title", "url"] as const) {
    const value = flags[field];
    if (value !== undefined) {
      metadata[field] = value;
      origin[field] = `option:--${field}`;
    }
  }
  if (flags.id !== undefined) metadata.id = flags.id;
  return { metadata, origin };
}

function render(analysis: Analysis, format: OutputFormat, label: string): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(analysis, null, 2)}\n`;
    case "jsonl":
      return `${JSON.stringify(analysis)}\n`;
    case "text":
      return formatText(analysis, label);
  }
}

async function writeError(line: number, id: string | null, code: string, message: string, format: OutputFormat, io: Io): Promise<void> {
  fail(io, `line ${line}${id === null ? "" : ` (${id})`}: ${message}`);
  if (format === "jsonl") await write(io.stdout, `${JSON.stringify({ schema: "sitrep/error@1", line, id, error: { code, message } })}\n`);
  else await write(io.stdout, `line ${line}: error ${code}: ${message}\n\n`);
}

/** Says on stderr what makes this analysis untrustworthy as a whole; true when there is such a thing. */
function reportFlags(analysis: Analysis, label: string, io: Io): boolean {
  const flags = analysis.messages.filter((message) => FLAGGED_CODES.has(message.code));
  for (const message of flags) warn(io, `${label}: ${message.reason}`);
  return flags.length > 0;
}
