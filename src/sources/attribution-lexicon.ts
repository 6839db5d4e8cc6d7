/**
 * The attribution cues (data/lexicons/attribution-cues.tsv): the words by
 * which a text says who said something. `verb`: a verb of saying or
 * reporting ("said", "a déclaré", "commente", قال). `preposition`: a phrase
 * that puts the source before or after what it said ("according to", selon,
 * بحسب, "citing"). `noun`: a noun that names the act ("statement",
 * communiqué, بيان).
 *
 * Forms follow the event lexicons' syntax (data/lexicons/README.md): `|`
 * between alternatives, folded like token keys, split the way the tokeniser
 * splits text, a trailing `*` for a prefix of at least three letters, Arabic
 * written without its proclitics. Verbs are listed as the words the press
 * writes; the auxiliaries and adverbs around them ("a", "ont", "has", "also")
 * are added by the rules, so "déclaré" matches "a déclaré" and "ont déclaré".
 * The file is reviewed by hand, so a row that does not parse stops the build
 * with its line.
 */
import { fileURLToPath } from "node:url";
import { dataFileError, readDataFile, requiredField, type DataRow } from "../gazetteer/data-files.js";
import { LEXICON_LANGUAGES, type LexiconLanguage } from "../events/lexicon.js";
import { phraseWords, PhraseMatcher, type PhraseWord } from "../text/phrases.js";

export const ATTRIBUTION_CUES_FILE = fileURLToPath(new URL("../../data/lexicons/attribution-cues.tsv", import.meta.url));

export type CueKind = "verb" | "preposition" | "noun";
export const CUE_KINDS: readonly CueKind[] = ["verb", "preposition", "noun"];

export interface AttributionCue {
  language: LexiconLanguage;
  /** The alternatives as the file writes them, each with its words. */
  patterns: { form: string; words: PhraseWord[] }[];
  kind: CueKind;
  source: string;
  line: number;
}

const HEADER = ["lang", "forms", "kind", "source"] as const;
/** Shorter prefixes match too much ("dit*" would match "dites", "dits", "ditch"). */
const MIN_PREFIX_LENGTH = 3;

export function readAttributionCues(file: string = ATTRIBUTION_CUES_FILE): AttributionCue[] {
  const listed = new Map<string, number>();
  return readDataFile(file, HEADER).map((row) => {
    const language = oneOf(row, "lang", LEXICON_LANGUAGES);
    const kind = oneOf(row, "kind", CUE_KINDS);
    const patterns = requiredField(row, "forms")
      .split("|")
      .map((alternative) => {
        const form = alternative.trim();
        if (form === "") throw dataFileError(row, `forms: an empty alternative in ${JSON.stringify(row.values.forms)}`);
        const words = phraseWords(form);
        if (words.length === 0) throw dataFileError(row, `forms: ${JSON.stringify(form)} has no word`);
        for (const word of words) {
          if (word.text.includes("*")) throw dataFileError(row, `forms: in ${JSON.stringify(form)}, "*" may only end a word`);
          if (word.prefix && [...word.text].length < MIN_PREFIX_LENGTH) throw dataFileError(row, `forms: in ${JSON.stringify(form)}, a prefix needs at least ${MIN_PREFIX_LENGTH} letters before "*"`);
        }
        const key = [language, ...words.map((word) => (word.prefix ? `${word.text}*` : word.text))].join(" ");
        const first = listed.get(key);
        if (first !== undefined) throw dataFileError(row, `forms: ${JSON.stringify(form)} folds to a form already listed on line ${first}`);
        listed.set(key, row.line);
        return { form, words };
      });
    return { language, patterns, kind, source: requiredField(row, "source"), line: row.line };
  });
}

/** One phrase matcher per language. */
export function compileCueMatchers(cues: readonly AttributionCue[]): Map<LexiconLanguage, PhraseMatcher<AttributionCue>> {
  const matchers = new Map<LexiconLanguage, PhraseMatcher<AttributionCue>>();
  for (const cue of cues) {
    let matcher = matchers.get(cue.language);
    if (!matcher) matchers.set(cue.language, (matcher = new PhraseMatcher()));
    for (const pattern of cue.patterns) matcher.add(pattern.words, cue);
  }
  return matchers;
}

function oneOf<Column extends string, Value extends string>(row: DataRow<Column>, column: Column, values: readonly Value[]): Value {
  const value = requiredField(row, column);
  if (!(values as readonly string[]).includes(value)) {
    throw dataFileError(row, `${column}: unknown ${JSON.stringify(value)}; expected one of ${values.map((known) => JSON.stringify(known)).join(", ")}`);
  }
  return value as Value;
}
