/**
 * Turns whatever the caller has (text, HTML, bytes of either, a URL) into the
 * working document: decoded text, metadata with its origin, and what the
 * decoding found worth saying.
 */
import { createHash } from "node:crypto";
import type { AnalysisDocument, InputInfo, MetadataOrigin } from "../model/analysis.js";
import { createDoc, type Doc } from "../model/document.js";
import { SitrepError } from "../model/errors.js";
import type { Message } from "../model/message.js";
import { decodeBytes } from "../ingest/decode.js";
import { fetchUrl, type FetchOptions } from "../ingest/fetch-url.js";
import type { ExtractedArticle } from "../ingest/html.js";
import { normalisePublished } from "../ingest/metadata.js";

export type AnalyzeInput =
  | string
  | { text: string }
  | { html: string; url?: string }
  | { url: string }
  | { bytes: Uint8Array; format?: InputFormat; label?: string };

export type InputFormat = "text" | "html" | "auto";

export interface DocumentMetadata {
  id?: string;
  url?: string;
  outlet?: string;
  language?: string;
  published?: string;
  title?: string;
}

export interface IngestOptions {
  /** Values that win over anything read from the input. */
  metadata?: DocumentMetadata;
  /** Where each metadata value came from, for provenance; "caller" when not said. */
  metadataFrom?: MetadataOrigin;
  /** Decode bytes with this encoding instead of requiring UTF-8. */
  encoding?: string;
  maxBytes?: number;
  fetch?: Partial<FetchOptions>;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 10_000,
  maxBytes: DEFAULT_MAX_BYTES,
  maxRedirects: 5,
  allowPrivate: false,
};

const LANGUAGE_CODE = /^(und|[a-z]{2,3})$/;

interface Decoded {
  text: string;
  format: InputInfo["format"];
  encoding: string;
  bytes: number;
  messages: Message[];
  article: ExtractedArticle | null;
  fetchedUrl: string | null;
}

export async function ingestDocument(input: AnalyzeInput, options: IngestOptions = {}): Promise<Doc> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const decoded = await decode(input, options, maxBytes);
  const metadata = options.metadata ?? {};
  const origin = (field: keyof MetadataOrigin): string => options.metadataFrom?.[field] ?? "caller";
  const metadataFrom: MetadataOrigin = {};
  const pick = (field: keyof MetadataOrigin, given: string | undefined, extracted: string | null | undefined): string | null => {
    if (given !== undefined) {
      metadataFrom[field] = origin(field);
      return given;
    }
    if (extracted != null) {
      metadataFrom[field] = decoded.article?.metadataFrom[field] ?? "input";
      return extracted;
    }
    return null;
  };

  const published = metadata.published === undefined ? undefined : checkedPublished(metadata.published);
  if (metadata.language !== undefined && !LANGUAGE_CODE.test(metadata.language)) {
    throw new SitrepError("input-format", `language "${metadata.language}" is not an ISO 639-1 or 639-3 code (e.g. fr, en, ar)`);
  }

  const document: AnalysisDocument = {
    id: metadata.id ?? `sha256:${createHash("sha256").update(decoded.text).digest("hex")}`,
    url: pick("url", metadata.url, decoded.article?.url ?? decoded.fetchedUrl),
    outlet: pick("outlet", metadata.outlet, decoded.article?.outlet),
    language: pick("language", metadata.language, null) ?? "und",
    language_scores: [],
    published: pick("published", published, decoded.article?.published),
    title: pick("title", metadata.title, decoded.article?.title),
    text: decoded.text,
    metadata_from: metadataFrom,
    input: {
      format: decoded.format,
      encoding: decoded.encoding,
      bytes: decoded.bytes,
      source_map: decoded.article?.sourceMap ?? null,
    },
  };
  return createDoc(document, decoded.messages);
}

async function decode(input: AnalyzeInput, options: IngestOptions, maxBytes: number): Promise<Decoded> {
  const encodingOption = options.encoding === undefined ? {} : { encoding: options.encoding };
  if (typeof input === "string" || "text" in input) {
    const text = typeof input === "string" ? input : input.text;
    return decodeKnown(new TextEncoder().encode(text), "text", "text", encodingOption, maxBytes, null);
  }
  if ("html" in input) {
    const bytes = new TextEncoder().encode(input.html);
    return decodeKnown(bytes, "html", "HTML", encodingOption, maxBytes, null, input.url);
  }
  if ("url" in input) {
    const fetched = await fetchUrl(input.url, { ...DEFAULT_FETCH_OPTIONS, maxBytes, ...options.fetch });
    const format = formatOfContentType(fetched.contentType, fetched.bytes, fetched.finalUrl);
    const decoded = await decodeKnown(fetched.bytes, format, fetched.finalUrl, encodingOption, maxBytes, fetched.charset, fetched.finalUrl);
    return { ...decoded, fetchedUrl: fetched.finalUrl };
  }
  const label = input.label ?? "input";
  const format = !input.format || input.format === "auto" ? sniffFormat(input.bytes) : input.format;
  return decodeKnown(input.bytes, format, label, encodingOption, maxBytes, null);
}

async function decodeKnown(
  bytes: Uint8Array,
  format: "text" | "html",
  label: string,
  encodingOption: { encoding?: string },
  maxBytes: number,
  transportCharset: string | null,
  url?: string,
): Promise<Decoded> {
  if (bytes.byteLength > maxBytes) {
    throw new SitrepError("input-too-large", `${label} is ${megabytes(bytes.byteLength)}; the limit is ${megabytes(maxBytes)} (raise it with --max-bytes)`);
  }
  if (format === "text") {
    const { text, encoding, messages } = decodeBytes(bytes, { label, ...encodingOption });
    return { text, format, encoding, bytes: bytes.byteLength, messages, article: null, fetchedUrl: null };
  }
  // jsdom and Readability take most of the start-up time; plain text never loads them.
  const [{ decodeHtmlBytes }, { extractArticle }] = await Promise.all([import("../ingest/decode-html.js"), import("../ingest/html.js")]);
  const { text: html, encoding, messages } = decodeHtmlBytes(bytes, { label, transportCharset, ...encodingOption });
  const article = extractArticle(html, url === undefined ? {} : { url });
  return { text: article.text, format, encoding, bytes: bytes.byteLength, messages, article, fetchedUrl: null };
}

/** HTML announces itself within its first bytes; anything else is read as text. */
export function sniffFormat(bytes: Uint8Array): "text" | "html" {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).toLowerCase();
  return /^\s*(?:\ufeff|ï»¿)?\s*(?:<!doctype html|<html|<head|<body|<meta|<!--|<article)/.test(head) ? "html" : "text";
}

/** The format a fetched body is in, by its content type, else by its first bytes; `reads` says what the caller can read, for the refusal. */
export function formatOfContentType(contentType: string | null, bytes: Uint8Array, url: string, reads = "text and HTML"): "text" | "html" {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain") return "text";
  if (type === "" || type === "application/octet-stream") return sniffFormat(bytes);
  throw new SitrepError("input-format", `${url} answered with content type ${type}, which sitrep cannot read (it reads ${reads})`);
}

function checkedPublished(value: string): string {
  const normalised = normalisePublished(value);
  if (normalised === null) {
    throw new SitrepError("input-format", `published date "${value}" is not an ISO 8601 date or date-time (e.g. 2015-05-15)`);
  }
  return normalised;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
