/**
 * The `forms` column of the project's lexicons (event triggers, modality
 * cues, framing; data/lexicons/README.md): `|` between alternatives, each
 * folded with `foldKey` and split the way the tokeniser splits text, so that
 * each word compares with a token's `keys.fold` or the fold of its Arabic stem
 * (`text/phrases.ts` matches them): a hyphen joins two words and is no word
 * itself ("cessez-le-feu" is three, and matches "cessez le feu" too), a French
 * elided word keeps its apostrophe ("d'armes" is "d'" "armes"), an English
 * "'s" is a word of its own, a trailing `*` makes a prefix.
 */
import { dataFileError, requiredField, type DataRow } from "../gazetteer/data-files.js";
import { foldKey } from "./normalise/index.js";

export type LexiconLanguage = "en" | "fr" | "ar";

export interface LexiconWord {
  /** The word folded with `foldKey`. */
  text: string;
  /** The form ended in "*": any token whose key starts with `text` matches. */
  prefix: boolean;
}

/** One alternative of a `forms` field: consecutive words. */
export interface LexiconPattern {
  /** The alternative as the file writes it. */
  form: string;
  words: LexiconWord[];
}

/** Shorter prefixes match too much ("arm*" matches "army"). */
const MIN_PREFIX_LENGTH = 3;

/** A 1–3 weight column. */
export function weightField(row: DataRow<"weight">): 1 | 2 | 3 {
  const value = row.values.weight;
  if (value !== "1" && value !== "2" && value !== "3") throw dataFileError(row, `weight must be 1, 2 or 3, not ${JSON.stringify(value)}`);
  return Number(value) as 1 | 2 | 3;
}

/** The patterns of a row's `forms`, refusing empty alternatives, misplaced stars and forms listed twice. */
export function patternsField(row: DataRow<"forms">, language: LexiconLanguage): LexiconPattern[] {
  const seen = new Set<string>();
  return requiredField(row, "forms")
    .split("|")
    .map((alternative) => {
      const form = alternative.trim();
      if (form === "") throw dataFileError(row, `forms: an empty alternative in ${JSON.stringify(row.values.forms)}`);
      const pattern = { form, words: formWords(row, form, language) };
      const key = patternKey(pattern);
      if (seen.has(key)) throw dataFileError(row, `forms: ${JSON.stringify(form)} folds to a form already listed in this row`);
      seen.add(key);
      return pattern;
    });
}

function formWords(row: DataRow<string>, form: string, language: LexiconLanguage): LexiconWord[] {
  const words: LexiconWord[] = [];
  for (const chunk of foldKey(form).split(" ")) {
    const prefix = chunk.endsWith("*");
    const body = prefix ? chunk.slice(0, -1) : chunk;
    if (body.includes("*")) throw dataFileError(row, `forms: in ${JSON.stringify(form)}, "*" may only end a word`);
    const pieces = splitLikeTokens(body, language);
    const last = pieces.at(-1);
    if (prefix && (last === undefined || [...last].length < MIN_PREFIX_LENGTH)) {
      throw dataFileError(row, `forms: in ${JSON.stringify(form)}, a prefix needs at least ${MIN_PREFIX_LENGTH} letters before "*"`);
    }
    pieces.forEach((text, index) => words.push({ text, prefix: prefix && index === pieces.length - 1 }));
  }
  if (words.length === 0) throw dataFileError(row, `forms: ${JSON.stringify(form)} has no word`);
  return words;
}

/** The closed list of French elided words the tokeniser splits off (segment/rules/french-elision.ts), after folding. */
const FRENCH_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=.)/u;
const ENGLISH_POSSESSIVE = /[\p{L}\p{M}]'s$/u;

function splitLikeTokens(word: string, language: LexiconLanguage): string[] {
  const pieces: string[] = [];
  for (const part of word.split("-")) {
    let rest = part;
    const elided = language === "fr" ? FRENCH_ELISION.exec(rest)?.[0] : undefined;
    if (elided !== undefined) {
      pieces.push(elided);
      rest = rest.slice(elided.length);
    }
    if (language === "en" && ENGLISH_POSSESSIVE.test(rest)) pieces.push(rest.slice(0, -2), "'s");
    else if (rest !== "") pieces.push(rest);
  }
  return pieces;
}

export function patternKey(pattern: LexiconPattern): string {
  return pattern.words.map((word) => (word.prefix ? `${word.text}*` : word.text)).join(" ");
}
