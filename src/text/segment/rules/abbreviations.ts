/**
 * Is the period at `dot` the end of an abbreviation or an initial, and of which
 * class? Sentence splitting and tokenisation ask the same question, so they
 * agree on "M." being one token and no sentence end.
 */
import type { AbbreviationClass, AbbreviationTable } from "../data/abbreviations.js";

export type AbbreviationLookup = ReadonlyMap<string, AbbreviationClass>;

/** When languages are merged and one string has two classes, the one that splits least wins. */
const PRECEDENCE: readonly AbbreviationClass[] = ["title", "numeral", "trailing", "final"];

export function buildAbbreviationLookup(tables: readonly AbbreviationTable[]): AbbreviationLookup {
  const lookup = new Map<string, AbbreviationClass>();
  const add = (form: string, kind: AbbreviationClass): void => {
    const known = lookup.get(form);
    if (known === undefined || PRECEDENCE.indexOf(kind) < PRECEDENCE.indexOf(known)) lookup.set(form, kind);
  };
  for (const table of tables) {
    for (const kind of PRECEDENCE) {
      for (const entry of table[kind] ?? []) {
        add(entry, kind);
        const first = entry[0] ?? "";
        if (first !== first.toUpperCase()) add(first.toUpperCase() + entry.slice(1), kind);
      }
    }
  }
  return lookup;
}

/**
 * The word the period closes: letters with internal periods and hyphens
 * ("U.S", "J.-C", "c.-à-d"), stopping at anything else (space, apostrophe,
 * bracket), and ending on a letter.
 */
const WORD_BEFORE_PERIOD = /[\p{L}\p{M}](?:[\p{L}\p{M}]|[.-]+(?=[\p{L}]))*$/u;

/** Longest abbreviation that can precede a period; bounds the backward look. */
const MAX_WORD = 24;

/** False for ASCII characters that are no letter, period or hyphen; true for all else, which the expression then judges. */
function mayBeInWord(code: number): boolean {
  return code >= 0x80 || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2e || code === 0x2d;
}

/** One or more single cased letters joined by "." or ".-": J, J.-P, U.S, a.m, A.F.P. */
const INITIALS = /^[\p{Lu}\p{Ll}](?:\.-?[\p{Lu}\p{Ll}])*$/u;

export function abbreviationBefore(text: string, dot: number, lookup: AbbreviationLookup): AbbreviationClass | null {
  const windowStart = Math.max(0, dot - MAX_WORD);
  // The word cannot reach past a character that is no letter, mark, period or hyphen: searching from there gives the
  // same word as searching the whole window, without trying the expression at every offset before it.
  let from = dot;
  while (from > windowStart && mayBeInWord(text.charCodeAt(from - 1))) from--;
  const word = WORD_BEFORE_PERIOD.exec(text.slice(from, dot))?.[0];
  if (word === undefined) return null;
  // A match cut short by the window is part of a longer word, not an abbreviation.
  if (word.length === dot - windowStart && dot - MAX_WORD > 0) return null;
  const known = lookup.get(word);
  if (known !== undefined) return known;
  if (INITIALS.test(word)) return "trailing";
  // "Lt.-Gen", "Brig.-Gen": the rank after the hyphen decides.
  const lastPart = word.slice(word.lastIndexOf("-") + 1);
  if (lastPart !== word) return lookup.get(lastPart) ?? null;
  return null;
}
