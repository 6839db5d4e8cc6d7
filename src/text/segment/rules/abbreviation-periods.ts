/**
 * The period of an abbreviation or initial belongs to its token: "M.",
 * "U.S.", "Gen.", "J.", "etc.". Which periods those are is decided by
 * `abbreviations.ts`, the rule that also keeps them from ending a sentence; a
 * `numeral` abbreviation is one only before a number ("No. 5", but "No." as
 * an answer keeps its period apart). Runs such as "etc..." are left alone:
 * the ellipsis is its own token.
 */
import type { Span } from "../../../model/span.js";
import { abbreviationBefore, type AbbreviationLookup } from "./abbreviations.js";

const ENDS_IN_LETTER = /[\p{L}\p{M}]$/u;
const NUMBER = /^\p{Nd}/u;

export function mergeAbbreviationPeriods(text: string, pieces: readonly Span[], lookup: AbbreviationLookup): Span[] {
  const merged: Span[] = [];
  pieces.forEach((piece, index) => {
    const last = merged.at(-1);
    const isPeriod = piece.end - piece.start === 1 && text.charCodeAt(piece.start) === 0x2e;
    if (last !== undefined && last.end === piece.start && isPeriod && ENDS_IN_LETTER.test(text.slice(last.start, last.end))) {
      const kind = abbreviationBefore(text, piece.start, lookup);
      const following = pieces[index + 1];
      const beforeNumber = following !== undefined && NUMBER.test(text.slice(following.start, following.end));
      if (kind !== null && (kind !== "numeral" || beforeNumber)) {
        // A new span, not `last` stretched: pieces pass through uncopied, so `last` may be one of the caller's.
        merged[merged.length - 1] = { start: last.start, end: piece.end };
        return;
      }
    }
    merged.push(piece);
  });
  return merged;
}
