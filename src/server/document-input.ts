/** A document as the API receives it (text, HTML or a URL, and metadata), as the pipeline takes it. */
import type { AnalyzeInput, DocumentMetadata } from "../analyze/input.js";
import { ApiError } from "./errors.js";

/** What the schema of `DOCUMENT_INPUT_SCHEMA` lets through. */
export interface DocumentBody {
  text?: string;
  html?: string;
  url?: string;
  published?: string;
  outlet?: string;
  language?: string;
  title?: string;
}

export interface DocumentInput {
  input: AnalyzeInput;
  metadata: DocumentMetadata;
  /** The URL the document is known by, if any. */
  url: string | null;
}

/** `where` names the document in messages ("the body", "documents[3]"). */
export function documentInput(body: DocumentBody, where: string): DocumentInput {
  if (body.text !== undefined && body.html !== undefined) throw new ApiError(400, "invalid-request", `${where} has both text and html: give one`);
  const metadata: DocumentMetadata = {};
  if (body.published !== undefined) metadata.published = body.published;
  if (body.outlet !== undefined) metadata.outlet = body.outlet;
  if (body.language !== undefined) metadata.language = body.language;
  if (body.title !== undefined) metadata.title = body.title;
  const url = body.url ?? null;
  if (body.text !== undefined || body.html !== undefined) {
    if (url !== null) metadata.url = url;
    const input: AnalyzeInput = body.text !== undefined ? { text: body.text } : url === null ? { html: body.html as string } : { html: body.html as string, url };
    return { input, metadata, url };
  }
  if (url === null) throw new ApiError(400, "invalid-request", `${where} needs one of text, html or url`);
  return { input: { url }, metadata, url };
}
