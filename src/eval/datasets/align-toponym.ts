import type { Span } from "../../model/span.js";

export type Alignment = { span: Span; corrected: boolean } | { dropped: string };

/**
 * TR-News states 117 of its 1,319 offsets 1–10 characters to the right of the
 * phrase (and two with an end one short); the phrase sits just before. Looking
 * a little further than the largest shift seen costs nothing: a phrase of the
 * same spelling that close would be the same mention.
 */
export const MAX_SHIFT = 16;

/**
 * Where `phrase` really is in `text`, given the offsets the data states: the
 * stated span when it slices to the phrase; the stated start with the
 * phrase's length when only the end is wrong; else the nearest occurrence
 * that starts at most MAX_SHIFT characters before the stated start.
 */
export function alignToponym(text: string, phrase: string, stated: Span, maxShift = MAX_SHIFT): Alignment {
  const { start, end } = stated;
  if (phrase === "") return { dropped: "the toponym's text is empty" };
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    return { dropped: `stated offsets [${start}, ${end}) are not a span` };
  }
  if (text.slice(start, end) === phrase) return { span: { start, end }, corrected: false };
  if (text.startsWith(phrase, start)) return { span: { start, end: start + phrase.length }, corrected: true };
  const found = text.lastIndexOf(phrase, start - 1);
  if (found >= 0 && start - found <= maxShift) return { span: { start: found, end: found + phrase.length }, corrected: true };
  const actual = end <= text.length ? JSON.stringify(text.slice(start, end)) : `past the end of the text (length ${text.length})`;
  return { dropped: `stated [${start}, ${end}) slices to ${actual}, and ${JSON.stringify(phrase)} does not start within ${maxShift} characters before it` };
}
