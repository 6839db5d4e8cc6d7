/**
 * English possessive and contracted "’s" is a token of its own: "Syria’s" →
 * "Syria" "’s", so that "Syria’s army" finds the toponym. The segmenter keeps
 * the word whole; a lone trailing apostrophe ("rebels’") it already splits.
 */
import type { Span } from "../../../model/span.js";
import { coveredText } from "./covered-text.js";

const POSSESSIVE = /[\p{L}\p{M}]['’ʼ][sS]$/u;

const APOSTROPHES = new Set(["'", "’", "ʼ"]);
const ANY_APOSTROPHE_S = /['’ʼ][sS]/u;

export function splitEnglishPossessive(text: string, pieces: readonly Span[]): readonly Span[] {
  if (!ANY_APOSTROPHE_S.test(coveredText(text, pieces))) return pieces;
  const split: Span[] = [];
  for (const piece of pieces) {
    if (endsInApostropheS(text, piece) && POSSESSIVE.test(text.slice(piece.start, piece.end))) {
      split.push({ start: piece.start, end: piece.end - 2 }, { start: piece.end - 2, end: piece.end });
    } else {
      split.push(piece);
    }
  }
  return split;
}

/** What `POSSESSIVE` asks of the last two characters, checked before slicing the piece to ask the rest. */
function endsInApostropheS(text: string, piece: Span): boolean {
  const last = text[piece.end - 1];
  return piece.end - piece.start >= 3 && (last === "s" || last === "S") && APOSTROPHES.has(text[piece.end - 2] ?? "");
}
