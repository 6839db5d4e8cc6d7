/**
 * Where terminal punctuation ends a sentence, quotations aside (see
 * `quotes.ts`). A run of terminal marks ("?!", "...", "؟!") counts once; the
 * closing quotes and brackets right after it belong to the sentence it ends
 * ("… pas. » Les" splits after »). A run ends a sentence only when white space
 * follows (so "3.5", "U.S-led" and "al-manar.com" stay whole) and the next
 * visible character may open a sentence: not a lower-case letter, not a comma
 * or closing mark. A lone period after an abbreviation or an initial is
 * judged by the abbreviation's class.
 */
import type { Span } from "../../../model/span.js";
import { abbreviationBefore, type AbbreviationLookup } from "./abbreviations.js";
import { isInvisible, nextVisible } from "./invisible.js";

export interface SentenceEndRules {
  readonly abbreviations: AbbreviationLookup;
  /** Words that often open a sentence, apostrophes written "'" (`data/sentence-starters.ts`). */
  readonly starters: ReadonlySet<string>;
}

/** Period, ellipsis, ! and ?, Arabic question mark and full stop, and their combined forms. */
export const TERMINAL = /[.!?…؟۔‼⁇⁈⁉]/u;

/** `TERMINAL` by UTF-16 code, for scanning a text without making a string of every character. */
export function isTerminalCode(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x061f || code === 0x06d4 || code === 0x203c || (code >= 0x2047 && code <= 0x2049);
}

/** Closing marks that French typography sets after a space: "pas. »". */
const SPACED_CLOSERS = new Set(["»", "”", "›"]);
/** Closing marks that must touch the punctuation, since after a space they may open what follows. */
const TIGHT_CLOSERS = new Set(['"', "'", "’", ")", "]", "}"]);
const HORIZONTAL_SPACE = /[ \t\u00a0\u2009\u202f]/u;

/** Characters that continue the sentence when they follow terminal punctuation. */
const CONTINUES = /^[\p{Ll},;:،؛)\]}»”›.!?…؟]/u;
/** Opening quotes and brackets, dashes that open dialogue or a list item. */
const OPENS = /^[\p{Ps}\p{Pi}\p{Pd}"¿¡•]/u;
const DIGIT = /^\p{Nd}/u;
const WORD_AHEAD = /^[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?/u;
const ELIDED_AHEAD = /^[\p{L}\p{M}]+['’](?=\p{L})/u;

/** Offsets, in text order, at which a sentence may end inside `span` (after its closing marks). */
export function findSentenceEnds(text: string, span: Span, rules: SentenceEndRules): number[] {
  const ends: number[] = [];
  let i = span.start;
  while (i < span.end) {
    if (!isTerminalCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < span.end && isTerminalCode(text.charCodeAt(i))) i++;
    const end = endsSentence(text, runStart, i, span, rules);
    if (end !== null) ends.push(end);
  }
  return ends;
}

function endsSentence(text: string, runStart: number, runEnd: number, span: Span, rules: SentenceEndRules): number | null {
  const run = text.slice(runStart, runEnd);
  // "(…)" and "[...]" mark a cut inside a quotation, not an end.
  if (/^[.…]+$/u.test(run) && "([".includes(text[runStart - 1] ?? "x") && ")]".includes(text[runEnd] ?? "x")) return null;

  const end = afterClosers(text, runEnd, span.end);
  if (end < span.end && !isInvisible(text[end])) return null;
  const next = nextVisible(text, end, span.end);
  if (next === span.end) return end;
  const ahead = text.slice(next, next + 40);
  if (CONTINUES.test(ahead)) return null;
  if (run !== ".") return end;

  switch (abbreviationBefore(text, runStart, rules.abbreviations)) {
    case "title":
      return null;
    case "numeral":
      return DIGIT.test(ahead) ? null : end;
    case "trailing":
      return OPENS.test(ahead) || opensWithStarter(ahead, rules.starters) ? end : null;
    case "final":
    case null:
      return end;
  }
}

function afterClosers(text: string, from: number, limit: number): number {
  let end = from;
  for (;;) {
    let i = end;
    while (i < limit && HORIZONTAL_SPACE.test(text[i] ?? "")) i++;
    const char = text[i] ?? "";
    if (i < limit && (SPACED_CLOSERS.has(char) || (i === end && TIGHT_CLOSERS.has(char)))) end = i + 1;
    else return end;
  }
}

function opensWithStarter(ahead: string, starters: ReadonlySet<string>): boolean {
  const normalise = (word: string): string => word.replaceAll("’", "'");
  const word = WORD_AHEAD.exec(ahead)?.[0];
  const elided = ELIDED_AHEAD.exec(ahead)?.[0];
  return (word !== undefined && starters.has(normalise(word))) || (elided !== undefined && starters.has(normalise(elided)));
}
