/**
 * The word stream the casualty patterns read: words, signs, and number
 * expressions as single items (`findNumbers`), each with its offsets.
 *
 * A word is a run of letters or of digits; a French elided word keeps its apostrophe
 * ("l'", "d'", "n'"), so lexicon forms are split the same way (`formKeys`).
 * An Arabic word has a reading for each way of cutting its proclitics
 * (و ف ب ك ل and the article): "وإصابة" is read whole and as "إصابة". A word
 * that runs into a number is cut where the number starts ("وخمسة" is "و"
 * then the number "خمسة").
 */
import type { Span } from "../../model/span.js";
import { foldKey } from "../../text/normalise/index.js";
import { asciiWordEnd, type NumberExpression } from "../../text/numbers.js";
import { arabicStemCandidates } from "../../text/segment/index.js";

export interface Reading {
  key: string;
  /** Where the reading starts: after the proclitics it cut. */
  start: number;
  /** The article ال was cut: "القتيل" is a known dead man, not "one dead". */
  article: boolean;
}

export interface Word extends Span {
  text: string;
  kind: "word" | "number" | "sign";
  /** The whole word first, then its Arabic stems; empty for a number. */
  readings: readonly Reading[];
  number: NumberExpression | null;
}

const WORD = /[\p{L}\p{M}]+(?:['’](?=\p{L}|$))?/uy;
const WHITE_SPACE = /\s+/uy;
/** Digits that are no quantity (a year, the 23 of M23) are a word, which a pattern may step over as it would a name. */
const DIGITS = /[0-9٠-٩۰-۹]+/uy;
/** One code point, so that a sign outside the Basic Multilingual Plane stays whole. */
const SIGN = /\S/uy;
const ARABIC = /\p{Script=Arabic}/u;

export function readWords(text: string, range: Span, numbers: readonly NumberExpression[]): Word[] {
  const words: Word[] = [];
  const sorted = [...numbers].sort((a, b) => a.start - b.start);
  let next = 0;
  for (let at = range.start; at < range.end; ) {
    const number = sorted[next];
    if (number && at >= number.start) {
      words.push({ start: number.start, end: number.end, text: number.text, kind: "number", readings: [], number });
      at = number.end;
      next++;
      continue;
    }
    const stop = Math.min(range.end, number?.start ?? range.end);
    const space = isAsciiLetter(text.charCodeAt(at)) ? null : sticky(WHITE_SPACE, text, at);
    if (space !== null) {
      at += space.length;
      continue;
    }
    const asciiEnd = asciiWordEnd(text, at);
    if (asciiEnd !== -1) {
      // ASCII letters fold to their lower case and hold no Arabic proclitic (see `scan` in text/numbers.ts).
      const end = Math.min(stop, asciiEnd);
      const word = text.slice(at, end);
      words.push({ start: at, end, text: word, kind: "word", readings: [{ key: word.toLowerCase(), start: at, article: false }], number: null });
      at = end;
      continue;
    }
    const word = sticky(WORD, text, at) ?? sticky(DIGITS, text, at);
    const end = Math.min(stop, at + (word ?? sticky(SIGN, text, at) ?? text.charAt(at)).length);
    words.push({ start: at, end, text: text.slice(at, end), kind: word === null ? "sign" : "word", readings: word === null ? [{ key: foldKey(text.slice(at, end)), start: at, article: false }] : readingsOf(text, at, end), number: null });
    at = end;
  }
  return words;
}

function readingsOf(text: string, start: number, end: number): Reading[] {
  const readings: Reading[] = [{ key: foldKey(text.slice(start, end)), start, article: false }];
  if (!ARABIC.test(text.slice(start, end))) return readings;
  for (const stem of arabicStemCandidates(text, { start, end })) {
    const prefix = foldKey(text.slice(start, stem.start));
    readings.push({ key: foldKey(text.slice(stem.start, end)), start: stem.start, article: /ال$|^[وف]?لل$/u.test(prefix) });
  }
  return readings;
}

/** A lexicon form split and folded as text is: "n'a été" → ["n'", "a", "ete"]. */
export function formKeys(form: string): string[] {
  return readWords(form, { start: 0, end: form.length }, []).map((word) => word.readings[0]?.key ?? "");
}

/** Two items read together: nothing between them but white space without a blank line. */
export function adjacent(text: string, a: Span, b: Span): boolean {
  // Most words touch or stand one space apart; the patterns below say the same of those.
  if (b.start <= a.end || (b.start === a.end + 1 && text.charCodeAt(a.end) === 0x20)) return true;
  const gap = text.slice(a.end, b.start);
  return /^\s*$/u.test(gap) && !/\n\s*\n/u.test(gap);
}

/** An ASCII letter starts no white space: most words of English and French text skip that pattern. */
function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function sticky(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}
