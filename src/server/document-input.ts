/** A document as the API receives it (text, HTML or a URL, and metadata), as the pipeline takes it. */
import type { AnalyzeInput, DocumentMetadata } from "../analyze/input.js";
import { recordDocument, type JsonlRecord } from "../ingest/jsonl.js";
import { ApiError } from "./errors.js";

/** What the schema of `DOCUMENT_INPUT_SCHEMA` lets through: a batch line's fields, without its id. */
export type DocumentBody = Omit<JsonlRecord, "id">;

export interface DocumentInput {
  input: AnalyzeInput;
  metadata: DocumentMetadata;
  /** The URL the document is known by, if any. */
  url: string | null;
}

/** `where` names the document in messages ("the body", "documents[3]"). */
export function documentInput(body: DocumentBody, where: string): DocumentInput {
  if (body.text !== undefined && body.html !== undefined) throw new ApiError(400, "invalid-request", `${where} has both text and html: give one`);
  if (body.text === undefined && body.html === undefined && body.url === undefined) throw new ApiError(400, "invalid-request", `${where} needs one of text, html or url`);
  // The same mapping as a batch line's: a body is a JSONL record without an id.
  const { input, metadata } = recordDocument({ id: null, ...body });
  return { input, metadata, url: body.url ?? null };
}
