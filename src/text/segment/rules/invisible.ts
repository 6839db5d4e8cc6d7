/**
 * Characters that carry no text of their own: white space and format
 * characters (bidi controls U+200E/U+200F/U+202A–U+202E/U+2066–U+2069, the
 * Arabic letter mark, zero-width spaces and joiners, the soft hyphen, the byte
 * order mark). Sentence and token spans never start or end with one, so that
 * right-to-left marks pasted around Arabic names do not change what a span
 * covers.
 */
import type { Span } from "../../../model/span.js";

const INVISIBLE = /^[\s\p{Cf}]$/u;

export function isInvisible(char: string | undefined): boolean {
  if (char === undefined) return false;
  // Asked at both edges of every token: an ASCII character is answered without the expression (white space there is
  // tab to carriage return, and the space; no ASCII character is a format character).
  const code = char.charCodeAt(0);
  if (code < 0x80 && char.length === 1) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return INVISIBLE.test(char);
}

/** The span shrunk past invisible characters at both edges; empty spans collapse to their start. */
export function trimInvisible(text: string, span: Span): Span {
  return trimmedRange(text, span.start, span.end);
}

/** `trimInvisible` of the span from `start` to `end`, for callers that have no span object to pass. */
export function trimmedRange(text: string, start: number, end: number): Span {
  while (start < end && isInvisible(text[start])) start++;
  while (end > start && isInvisible(text[end - 1])) end--;
  return { start, end };
}

/** Offset of the first visible character at or after `from`, or `limit` when there is none. */
export function nextVisible(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && isInvisible(text[i])) i++;
  return i;
}
