/**
 * JSON Lines input: one document per line, read as a stream so that a file of
 * any size is processed in constant memory. A bad line is reported with its
 * number and the rest carry on: one broken record must not cost the batch.
 */
import type { AnalyzeInput, DocumentMetadata } from "../analyze/input.js";
import type { MetadataOrigin } from "../model/analysis.js";
import { SitrepError } from "../model/errors.js";
import { splitLines, type RawLine } from "./lines.js";
import { normalisePublished } from "./metadata.js";
import { formatBytes } from "./size.js";
import { firstInvalidUtf8Offset } from "./utf8.js";

export interface JsonlRecord {
  id: string | null;
  text?: string;
  html?: string;
  url?: string;
  /** Normalised by normalisePublished. */
  published?: string;
  outlet?: string;
  language?: string;
  title?: string;
}

export type JsonlLine = { line: number; record: JsonlRecord } | { line: number; error: SitrepError; id: string | null };

const BODY_FIELDS = ["text", "html"] as const;
const STRING_FIELDS = ["id", ...BODY_FIELDS, "url", "published", "outlet", "language", "title"] as const;

/**
 * One record from one line. A field set to null counts as absent, as
 * exporters write null for empty columns; fields we do not know are ignored.
 */
export function parseJsonlLine(raw: string, line: number): JsonlLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return invalid(line, `not valid JSON (${messageOf(error)})`, null);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return invalid(line, `expected a JSON object, found ${describe(value)}`, null);
  }
  const fields = value as Record<string, unknown>;
  const id = typeof fields.id === "string" ? fields.id : null;
  for (const name of STRING_FIELDS) {
    const field = fields[name];
    if (field !== undefined && field !== null && typeof field !== "string") {
      return invalid(line, `"${name}" must be a string, found ${describe(field)}`, id);
    }
  }
  // The content is the text or the HTML, else what the URL serves; a URL beside a text or HTML says where that came from.
  const bodies = BODY_FIELDS.filter((name) => typeof fields[name] === "string");
  if (bodies.length > 1 || (bodies.length === 0 && typeof fields["url"] !== "string")) {
    const found = bodies.length === 0 ? "none" : bodies.map((name) => `"${name}"`).join(" and ");
    return invalid(line, `expected a "text" or an "html" (or only a "url" to fetch), found ${found}`, id);
  }
  const record: JsonlRecord = { id };
  for (const name of STRING_FIELDS) {
    const field = fields[name];
    if (name !== "id" && typeof field === "string") record[name] = field;
  }
  if (record.published !== undefined) {
    const published = normalisePublished(record.published);
    if (published === null) {
      return invalid(line, `"published" is not an ISO 8601 date or date-time: ${JSON.stringify(record.published)}`, id);
    }
    record.published = published;
  }
  return { line, record };
}

export async function* readJsonlLines(
  stream: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
  options: { maxLineBytes: number },
): AsyncGenerator<JsonlLine> {
  // TextDecoder drops a byte order mark opening the text it decodes: the file's own, on line 1.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const raw of splitLines(stream, options.maxLineBytes)) {
      const entry = readLine(raw, decoder, options.maxLineBytes);
      if (entry !== null) yield entry;
    }
  } catch (error) {
    if (error instanceof SitrepError) throw error;
    throw new SitrepError("input-unreadable", `cannot read the JSONL input: ${messageOf(error)}`, { cause: error });
  }
}

/** The entry for one line, or null for a blank line, which is skipped but still counted. */
function readLine(raw: RawLine, decoder: TextDecoder, maxLineBytes: number): JsonlLine | null {
  if ("tooLong" in raw) {
    const message = `line ${raw.line} is ${formatBytes(raw.size)}; the limit for one line is ${formatBytes(maxLineBytes)}`;
    return { line: raw.line, error: new SitrepError("input-too-large", message), id: null };
  }
  let text: string;
  try {
    text = decoder.decode(raw.bytes);
  } catch (error) {
    const offset = firstInvalidUtf8Offset(raw.bytes);
    const message = `line ${raw.line} is not valid UTF-8 (first invalid byte at offset ${offset} of the line)`;
    return { line: raw.line, error: new SitrepError("input-encoding", message, { cause: error }), id: null };
  }
  return /^\s*$/.test(text) ? null : parseJsonlLine(text, raw.line);
}

function invalid(line: number, problem: string, id: string | null): JsonlLine {
  return { line, error: new SitrepError("jsonl-invalid-line", `line ${line}: ${problem}`), id };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A batch record as a document: its text, HTML or URL as the pipeline takes
 * it, and its own fields as metadata, each with where it came from. A URL
 * beside an HTML page travels with the page; beside plain text, which has no
 * other way of saying where it came from, it is metadata.
 */
export function recordDocument(record: JsonlRecord): { input: AnalyzeInput; metadata: DocumentMetadata; metadataFrom: MetadataOrigin } {
  const metadata: DocumentMetadata = {};
  const metadataFrom: MetadataOrigin = {};
  if (record.id !== null) metadata.id = record.id;
  for (const field of ["published", "outlet", "language", "title"] as const) {
    const value = record[field];
    if (value !== undefined) {
      metadata[field] = value;
      metadataFrom[field] = `jsonl:${field}`;
    }
  }
  let input: AnalyzeInput;
  if (record.text !== undefined) {
    input = { text: record.text };
    if (record.url !== undefined) {
      metadata.url = record.url;
      metadataFrom.url = "jsonl:url";
    }
  } else if (record.html !== undefined) input = record.url === undefined ? { html: record.html } : { html: record.html, url: record.url };
  else if (record.url !== undefined) input = { url: record.url };
  else throw new SitrepError("jsonl-invalid-line", "record has none of text, html or url");
  return { input, metadata, metadataFrom };
}
