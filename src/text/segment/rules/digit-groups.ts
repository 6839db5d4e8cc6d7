/**
 * French sets thousands apart with a no-break space: "12 000", "1 200 000".
 * The segmenter keeps groups joined by a narrow no-break space (U+202F) in one
 * token but splits at U+00A0 and the thin space; this rule joins those too, so
 * a number is one token whichever space the outlet's software chose. An
 * ordinary space is not joined: "en 2015 300 morts" is two numbers.
 */
import type { Span } from "../../../model/span.js";
import { coveredText } from "./covered-text.js";

const GROUP_SPACE = /^[\u00a0\u2009\u202f]$/u;
const LEADING_GROUP = /(?:^|[\u00a0\u2009\u202f])\p{Nd}{1,3}$/u;
const THREE_DIGITS = /^\p{Nd}{3}$/u;
const ANY_GROUP_SPACE = /[\u00a0\u2009\u202f]/u;

export function mergeDigitGroups(text: string, pieces: readonly Span[]): readonly Span[] {
  // Groups are joined across a group space between two pieces: none in the sentence, nothing to join.
  if (!ANY_GROUP_SPACE.test(coveredText(text, pieces))) return pieces;
  const merged: Span[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (
      last !== undefined &&
      piece.start === last.end + 1 &&
      GROUP_SPACE.test(text[last.end] ?? "") &&
      LEADING_GROUP.test(text.slice(last.start, last.end)) &&
      THREE_DIGITS.test(text.slice(piece.start, piece.end))
    ) {
      // A new span, not `last` stretched: pieces pass through uncopied, so `last` may be one of the caller's.
      merged[merged.length - 1] = { start: last.start, end: piece.end };
    } else {
      merged.push(piece);
    }
  }
  return merged;
}
