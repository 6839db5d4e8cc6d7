/**
 * Arabic writes a proclitic or a unit against a number: و١٢ ("and 12"),
 * بـ300 ("with 300"), ٢٠١٥م ("2015 AD"). The segmenter, following Unicode,
 * keeps letters and digits together as one word, which hides the number from
 * anything counting casualties; this rule cuts where Arabic letters meet
 * digits. Latin letters and digits stay together ("F-16", "T4", "11h30").
 */
import type { Span } from "../../../model/span.js";

/** An Arabic letter, or tatweel, which only ever stretches one. */
const ARABIC_LETTER = /^(?:(?=\p{Script=Arabic})\p{L}|\u0640)$/u;
const DIGIT = /^\p{Nd}$/u;
const MIXED = /(?=\p{Script=Arabic})\p{L}\u0640*\p{Nd}|\p{Nd}(?=\p{Script=Arabic})\p{L}/u;

/** Every character of the Arabic script is at U+0600 or above, in the BMP and in surrogates alike. */
const FIRST_ARABIC = 0x0600;

export function splitArabicLettersFromDigits(text: string, pieces: readonly Span[]): readonly Span[] {
  // Most sentences have no piece to cut: their pieces pass through as they are, without a copy each.
  if (!pieces.some((piece) => mixes(text, piece))) return pieces;
  const split: Span[] = [];
  for (const piece of pieces) {
    if (!mixes(text, piece)) {
      split.push(piece);
      continue;
    }
    let start = piece.start;
    for (let i = piece.start + 1; i < piece.end; i++) {
      const before = text[i - 1] ?? "";
      const after = text[i] ?? "";
      if ((ARABIC_LETTER.test(before) && DIGIT.test(after)) || (DIGIT.test(before) && ARABIC_LETTER.test(after))) {
        split.push({ start, end: i });
        start = i;
      }
    }
    split.push({ start, end: piece.end });
  }
  return split;
}

/** Whether Arabic letters meet digits in the piece. */
function mixes(text: string, piece: Span): boolean {
  return hasCodeUnitFrom(text, piece, FIRST_ARABIC) && MIXED.test(text.slice(piece.start, piece.end));
}

/** Cheaper than a regular expression on a slice, and enough to rule most pieces out. */
function hasCodeUnitFrom(text: string, piece: Span, first: number): boolean {
  for (let i = piece.start; i < piece.end; i++) if (text.charCodeAt(i) >= first) return true;
  return false;
}
