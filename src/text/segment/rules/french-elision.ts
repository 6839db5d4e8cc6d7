/**
 * French elided words are tokens of their own, apostrophe included:
 * "d’Aarsale" → "d’" "Aarsale", "L’avancée" → "L’" "avancée", "jusqu’à" →
 * "jusqu’" "à", so that the name after the article is a token a gazetteer can
 * match. Only the closed list of elided words splits: "aujourd’hui",
 * "quelqu’un" and "presqu’île" are words in their own right and stay whole.
 * When the segmenter has already cut after the letter ("l" "’" "1"), the
 * letter and its apostrophe are joined back.
 */
import type { Span } from "../../../model/span.js";
import { coveredText } from "./covered-text.js";

const ELIDED = "(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)";
const ELIDED_PREFIX = new RegExp(`^${ELIDED}['’ʼ](?=.)`, "iu");
const ELIDED_WORD = new RegExp(`^${ELIDED}$`, "iu");
const APOSTROPHE = /^['’ʼ]$/u;
const ANY_APOSTROPHE = /['’ʼ]/u;

export function splitFrenchElision(text: string, pieces: readonly Span[]): readonly Span[] {
  // Both ways of splitting need an apostrophe.
  if (!ANY_APOSTROPHE.test(coveredText(text, pieces))) return pieces;
  const split: Span[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Span;
    const prefix = ELIDED_PREFIX.exec(text.slice(piece.start, piece.end))?.[0];
    if (prefix !== undefined) {
      split.push({ start: piece.start, end: piece.start + prefix.length }, { start: piece.start + prefix.length, end: piece.end });
      continue;
    }
    const apostrophe = pieces[i + 1];
    const following = pieces[i + 2];
    if (
      apostrophe !== undefined &&
      following !== undefined &&
      apostrophe.start === piece.end &&
      following.start === apostrophe.end &&
      ELIDED_WORD.test(text.slice(piece.start, piece.end)) &&
      APOSTROPHE.test(text.slice(apostrophe.start, apostrophe.end))
    ) {
      split.push({ start: piece.start, end: apostrophe.end });
      i++;
      continue;
    }
    split.push(piece);
  }
  return split;
}
