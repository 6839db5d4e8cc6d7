/**
 * What `sitrep ingest` is given on its command line (files, directories,
 * URLs) turned into the documents to analyse, one item at a time. Batches
 * (JSONL, CSV) are streamed, so a file of any size costs the memory of one
 * record. A target or an item that cannot be read becomes an error item and
 * the others carry on: one bad file must not cost the run.
 */
import { constants, createReadStream, type Dirent } from "node:fs";
import { access, open, readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { formatOfContentType, sniffFormat, type AnalyzeInput, type DocumentMetadata } from "../analyze/input.js";
import { SitrepError, isSitrepError } from "../model/errors.js";
import { findControlCharacters, looksBinary, sniffFileFormat } from "./binary.js";
import { readCsvRecords } from "./csv-records.js";
import { decodeFeedBytes, looksLikeFeed, parseFeed, SUBSTANTIAL_LETTERS, type FeedItem } from "./feed.js";
import { fetchUrl, type FetchOptions } from "./fetch-url.js";
import { readJsonlLines, recordDocument, type JsonlRecord } from "./jsonl.js";
import { readFileBytes } from "./read.js";

export interface IngestItem {
  /** Stable, human-readable identity of the item within its input ("reports/a.html", "batch.jsonl line 3", "https://…/feed.xml item 4"): for progress, messages and resuming. */
  label: string;
  /** Structured-cloneable: it is sent to a worker thread. */
  input: AnalyzeInput;
  metadata: DocumentMetadata;
  /** The URL the document is known by, if any (the store deduplicates on its canonical form before analysing). */
  url: string | null;
  /** What the source gave that could not be used, and why (a CSV date that is neither month/day nor day/month); for the user. */
  notes?: readonly string[];
}

export interface IngestItemError {
  label: string;
  error: SitrepError;
}

export interface TargetOptions {
  fetch: FetchOptions;
  /** The limit for one file, one JSONL line or one CSV row. */
  maxBytes: number;
}

type FileKind = "text" | "html" | "jsonl" | "csv" | "feed";

const KIND_OF_EXTENSION: Readonly<Record<string, FileKind>> = {
  ".txt": "text",
  ".text": "text",
  ".md": "text",
  ".html": "html",
  ".htm": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".csv": "csv",
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
};

/** Enough to recognise a feed's root element, a binary signature or HTML's opening. */
const HEAD_BYTES = 4096;

export async function* expandTargets(
  targets: readonly string[],
  options: TargetOptions,
): AsyncGenerator<IngestItem | IngestItemError> {
  for (const target of targets) {
    yield* guarded(target, /^https?:\/\//i.test(target) ? expandUrl(target, options) : expandPath(target, options));
  }
}

/** A feed's item as a document: its own HTML when the feed carries the article, else its link for the worker to fetch. */
export function feedItemToIngest(item: FeedItem, label: string): IngestItem | IngestItemError {
  const metadata: DocumentMetadata = {};
  if (item.id !== null) metadata.id = item.id;
  if (item.title !== null) metadata.title = item.title;
  if (item.published !== null) metadata.published = item.published;
  if (item.link !== null) metadata.url = item.link;
  if (item.html !== null) {
    const input = item.link === null ? { html: item.html } : { html: item.html, url: item.link };
    return { label, input, metadata, url: item.link };
  }
  if (item.link !== null) return { label, input: { url: item.link }, metadata, url: item.link };
  const message = `${label} has no link, and not the article either (no HTML of ${SUBSTANTIAL_LETTERS} letters or more)`;
  return { label, error: new SitrepError("feed-invalid", message) };
}

async function* expandPath(path: string, options: TargetOptions): AsyncGenerator<IngestItem | IngestItemError> {
  const found = await stat(path);
  if (found.isDirectory()) yield* walk(path, options, new Set());
  else yield* expandFile(path, options, { inDirectory: false });
}

/**
 * Files in name order, depth first. Hidden entries are skipped (.git, editor
 * droppings), and so is a directory already walked: a symbolic link back up
 * the tree would otherwise loop forever.
 */
async function* walk(directory: string, options: TargetOptions, walked: Set<string>): AsyncGenerator<IngestItem | IngestItemError> {
  const real = await realpath(directory);
  if (walked.has(real)) return;
  walked.add(real);
  const entries = (await readdir(directory, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    yield* guarded(path, walkEntry(path, entry, options, walked));
  }
}

async function* walkEntry(path: string, entry: Dirent, options: TargetOptions, walked: Set<string>): AsyncGenerator<IngestItem | IngestItemError> {
  // A link is followed; one that leads nowhere is a file that cannot be read.
  const target = entry.isSymbolicLink() ? await stat(path) : entry;
  // Sockets, pipes and devices are not reports; reading a pipe could wait forever.
  if (target.isDirectory()) yield* walk(path, options, walked);
  else if (target.isFile()) yield* expandFile(path, options, { inDirectory: true });
}

/**
 * One file as its documents. In a directory, files that are no kind of
 * document (images, archives, XML that is not a feed) are passed over in
 * silence: a folder of reports also holds other things. Named on the command
 * line, every file is read, and one that cannot be is an error.
 */
async function* expandFile(
  path: string,
  options: TargetOptions,
  where: { inDirectory: boolean },
): AsyncGenerator<IngestItem | IngestItemError> {
  const kind = KIND_OF_EXTENSION[extname(path).toLowerCase()];
  switch (kind) {
    case "jsonl":
      yield* jsonlItems(path, options);
      return;
    case "csv":
      yield* csvItems(path, options);
      return;
    case "text":
    case "html":
      yield document(path, await readFileBytes(path, options), kind);
      return;
    case "feed": {
      // .xml is any XML; .rss and .atom say they are feeds, and are errors when they are not.
      if (where.inDirectory && extname(path).toLowerCase() === ".xml" && !looksLikeFeed(await readHead(path), null)) return;
      yield* feedFileItems(path, await readFileBytes(path, options));
      return;
    }
    case undefined: {
      const head = await readHead(path);
      if (looksLikeFeed(head, null)) {
        yield* feedFileItems(path, await readFileBytes(path, options));
        return;
      }
      const binary = binaryReason(head);
      if (binary === null) yield document(path, await readFileBytes(path, options), sniffFormat(head));
      else if (!where.inDirectory) yield { label: path, error: new SitrepError("input-binary", `${path} ${binary}`) };
    }
  }
}

async function* jsonlItems(path: string, options: TargetOptions): AsyncGenerator<IngestItem | IngestItemError> {
  await access(path, constants.R_OK);
  for await (const entry of readJsonlLines(createReadStream(path), { maxLineBytes: options.maxBytes })) {
    const label = `${path} line ${entry.line}`;
    yield "error" in entry ? { label, error: entry.error } : recordItem(entry.record, label);
  }
}

async function* csvItems(path: string, options: TargetOptions): AsyncGenerator<IngestItem | IngestItemError> {
  await access(path, constants.R_OK);
  const rows = readCsvRecords(() => createReadStream(path), { label: path, maxRecordBytes: options.maxBytes });
  for await (const row of rows) {
    const label = `${path} line ${row.line}`;
    if ("error" in row) yield { label, error: row.error };
    else yield row.notes.length === 0 ? recordItem(row.record, label) : { ...recordItem(row.record, label), notes: row.notes };
  }
}

/** A batch record as a document, as for `sitrep analyze` on a batch. */
function recordItem(record: JsonlRecord, label: string): IngestItem {
  const { input, metadata } = recordDocument(record);
  return { label, input, metadata, url: record.url ?? null };
}

function* feedFileItems(path: string, bytes: Uint8Array): Generator<IngestItem | IngestItemError> {
  const xml = decodeFeedBytes(bytes, { label: path, charset: null });
  // A local feed's relative links have no site to resolve against; only absolute ones survive.
  const items = parseFeed(xml, pathToFileURL(path).href);
  for (const [index, item] of items.entries()) yield feedItemToIngest(item, `${path} item ${index + 1}`);
}

function document(path: string, bytes: Uint8Array, format: "text" | "html"): IngestItem {
  return { label: path, input: { bytes: ownBytes(bytes), format, label: path }, metadata: {}, url: null };
}

/**
 * The bytes in an ArrayBuffer of their own. A small Buffer is a view on
 * Node's shared pool: cloned to a worker it would carry the whole pool, and
 * transferred it would detach the pool from under every other small Buffer.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** A URL is fetched once: a feed becomes its items, anything else is the document itself. */
async function* expandUrl(url: string, options: TargetOptions): AsyncGenerator<IngestItem | IngestItemError> {
  const fetched = await fetchUrl(url, options.fetch);
  if (looksLikeFeed(fetched.bytes, fetched.contentType)) {
    const xml = decodeFeedBytes(fetched.bytes, { label: url, charset: fetched.charset });
    const items = parseFeed(xml, fetched.finalUrl);
    for (const [index, item] of items.entries()) yield feedItemToIngest(item, `${url} item ${index + 1}`);
    return;
  }
  const format = formatOfContentType(fetched.contentType, fetched.bytes, url, "text, HTML and feeds");
  const input = { bytes: ownBytes(fetched.bytes), format, label: fetched.finalUrl };
  yield { label: url, input, metadata: { url: fetched.finalUrl }, url: fetched.finalUrl };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(new Uint8Array(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Why the first bytes of a file say it is not text, or null. */
function binaryReason(head: Uint8Array): string | null {
  const format = sniffFileFormat(head);
  if (format !== null) return `looks like ${format}, not text`;
  const text = new TextDecoder("latin1").decode(head);
  return looksBinary(findControlCharacters(text), text.length);
}

/**
 * Items from one source; a failure that ends the source early becomes its
 * last item, labelled with the source, instead of ending the whole run.
 * Anything that is neither bad input nor a failed read is a bug, and is thrown.
 */
async function* guarded(label: string, items: AsyncGenerator<IngestItem | IngestItemError>): AsyncGenerator<IngestItem | IngestItemError> {
  try {
    yield* items;
  } catch (error) {
    yield { label, error: inputError(label, error) };
  }
}

function inputError(label: string, error: unknown): SitrepError {
  if (isSitrepError(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = { cause: error };
  if (code === "ENOENT" || code === "ENOTDIR") return new SitrepError("input-not-found", `no such file or directory: ${label}`, cause);
  if (code === "EACCES" || code === "EPERM") return new SitrepError("input-unreadable", `cannot read ${label}: permission denied`, cause);
  if (typeof code === "string") return new SitrepError("input-unreadable", `cannot read ${label}: ${(error as Error).message}`, cause);
  throw error;
}
