/**
 * The framing lexicon (data/lexicons/framing.tsv): words and phrases that do
 * the arguing in a report ("terroristes", "effondrement total", "so-called",
 * "العدو الصهيوني"), each with the persuasion technique it is evidence of and
 * a weight. The file is reviewed by hand, so a row that does not parse stops
 * the build with the file, line and problem.
 *
 * Forms follow the event lexicons' syntax (data/lexicons/README.md): `|`
 * between alternatives, folded with `foldKey`, split the way the tokeniser
 * splits text, a trailing `*` for a prefix, Arabic without the article. The
 * splitting below is the one `src/events/lexicon.ts` applies, which that
 * module keeps to itself.
 */
import { fileURLToPath } from "node:url";
import { dataFileError, readDataFile, requiredField, type DataRow } from "../gazetteer/data-files.js";
import { LEXICON_LANGUAGES, type LexiconLanguage, type LexiconPattern, type LexiconWord } from "../events/lexicon.js";
import { foldKey } from "../text/normalise/index.js";
import { isTechnique, SEMEVAL_TECHNIQUES, type Technique } from "./techniques.js";

export const FRAMING_LEXICON_FILE = fileURLToPath(new URL("../../data/lexicons/framing.tsv", import.meta.url));

export type FramingLanguage = LexiconLanguage;
export const FRAMING_LANGUAGES: readonly FramingLanguage[] = LEXICON_LANGUAGES;

export type FramingWeight = 1 | 2 | 3;

export interface FramingEntry {
  language: FramingLanguage;
  patterns: LexiconPattern[];
  technique: Technique;
  /** 1 charged only in some uses ("régime", "massacre"), 2 charged in most, 3 charged in every use ("takfiristes", "so-called"). */
  weight: FramingWeight;
  source: string;
  line: number;
}

const HEADER = ["lang", "forms", "technique", "weight", "source"] as const;
/** Shorter prefixes match too much ("hon*" matches "honneur" as well as "honte"). */
const MIN_PREFIX_LENGTH = 3;

export function readFramingLexicon(file: string = FRAMING_LEXICON_FILE): FramingEntry[] {
  const listed = new Map<string, number>();
  return readDataFile(file, HEADER).map((row) => {
    const language = requiredField(row, "lang");
    if (!(FRAMING_LANGUAGES as readonly string[]).includes(language)) {
      throw dataFileError(row, `lang: unknown ${JSON.stringify(language)}; expected one of ${FRAMING_LANGUAGES.join(", ")}`);
    }
    const technique = requiredField(row, "technique");
    if (!isTechnique(technique)) throw dataFileError(row, `technique: unknown ${JSON.stringify(technique)}; expected one of ${SEMEVAL_TECHNIQUES.join(", ")}`);
    const patterns = patternsField(row, language as FramingLanguage);
    for (const pattern of patterns) {
      // The same form may be evidence of two techniques, never of one twice.
      const key = [language, technique, patternKey(pattern)].join("\t");
      const first = listed.get(key);
      if (first !== undefined) throw dataFileError(row, `forms: ${JSON.stringify(pattern.form)} is already listed for ${technique} on line ${first}`);
      listed.set(key, row.line);
    }
    return { language: language as FramingLanguage, patterns, technique, weight: weightField(row), source: requiredField(row, "source"), line: row.line };
  });
}

function weightField(row: DataRow<"weight">): FramingWeight {
  const value = row.values.weight;
  if (value !== "1" && value !== "2" && value !== "3") throw dataFileError(row, `weight must be 1, 2 or 3, not ${JSON.stringify(value)}`);
  return Number(value) as FramingWeight;
}

function patternsField(row: DataRow<"forms">, language: FramingLanguage): LexiconPattern[] {
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

function formWords(row: DataRow<string>, form: string, language: FramingLanguage): LexiconWord[] {
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
  const elidedLast = language === "fr" && words.at(-1)?.text.endsWith("'");
  if (elidedLast) throw dataFileError(row, `forms: ${JSON.stringify(form)} ends on an elided word, which never ends a phrase`);
  return words;
}

/** The closed list of French elided words the tokeniser splits off (segment/rules/french-elision.ts), after folding. */
const FRENCH_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=.)/u;
const ENGLISH_POSSESSIVE = /[\p{L}\p{M}]'s$/u;

function splitLikeTokens(word: string, language: FramingLanguage): string[] {
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

function patternKey(pattern: LexiconPattern): string {
  return pattern.words.map((word) => (word.prefix ? `${word.text}*` : word.text)).join(" ");
}
