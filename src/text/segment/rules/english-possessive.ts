/**
 * English possessive and contracted "’s" is a token of its own: "Syria’s" →
 * "Syria" "’s", so that "Syria’s army" finds the toponym. The segmenter keeps
 * the word whole; a lone trailing apostrophe ("rebels’") it already splits.
 */
import type { Span } from "../../../model/span.js";

const POSSESSIVE = /[\p{L}\p{M}]['’ʼ][sS]$/u;

export function splitEnglishPossessive(text: string, pieces: readonly Span[]): Span[] {
  return pieces.flatMap((piece) =>
    POSSESSIVE.test(text.slice(piece.start, piece.end))
      ? [
          { start: piece.start, end: piece.end - 2 },
          { start: piece.end - 2, end: piece.end },
        ]
      : [{ ...piece }],
  );
}
