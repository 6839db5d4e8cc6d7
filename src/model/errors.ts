/**
 * The one error class for input that sitrep refuses. Each has a literal code
 * the CLI maps to an exit status and the API to an HTTP status; the message
 * says what is wrong and, where there is one, what to do about it.
 * Programmer errors (a broken invariant) are plain `Error`s and are not caught.
 */
export type InputErrorCode =
  | "input-not-found"
  | "input-unreadable"
  | "input-empty"
  | "input-binary"
  | "input-too-large"
  | "input-encoding"
  | "input-format"
  | "html-no-article"
  | "jsonl-invalid-line"
  | "csv-invalid-row"
  | "feed-invalid"
  | "url-invalid"
  | "url-refused"
  | "url-timeout"
  | "url-unreachable"
  | "url-status"
  | "url-too-large"
  | "url-redirects"
  | "gazetteer-format"
  | "review-invalid"
  | "not-found"
  | "store-unavailable";

export class SitrepError extends Error {
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SitrepError";
    this.code = code;
  }
}

export function isSitrepError(value: unknown): value is SitrepError {
  return value instanceof SitrepError;
}
