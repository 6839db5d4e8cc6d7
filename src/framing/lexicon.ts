/**
 * The framing lexicon (data/lexicons/framing.tsv): words and phrases that do
 * the arguing in a report ("terroristes", "effondrement total", "so-called",
 * "العدو الصهيوني"), each with the persuasion technique it is evidence of and
 * a weight. The file is reviewed by hand, so a row that does not parse stops
 * the build with the file, line and problem.
 *
 * Forms follow the event lexicons' syntax (data/lexicons/README.md), read by
 * `text/lexicon-forms.ts`; a French form may not end on an elided word.
 */
import { fileURLToPath } from "node:url";
import { dataFileError, readDataFile, requiredField } from "../gazetteer/data-files.js";
import { LEXICON_LANGUAGES } from "../events/lexicon.js";
import { patternKey, patternsField, weightField, type LexiconLanguage, type LexiconPattern } from "../text/lexicon-forms.js";
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
      if (language === "fr" && pattern.words.at(-1)?.text.endsWith("'")) throw dataFileError(row, `forms: ${JSON.stringify(pattern.form)} ends on an elided word, which never ends a phrase`);
      // The same form may be evidence of two techniques, never of one twice.
      const key = [language, technique, patternKey(pattern)].join("\t");
      const first = listed.get(key);
      if (first !== undefined) throw dataFileError(row, `forms: ${JSON.stringify(pattern.form)} is already listed for ${technique} on line ${first}`);
      listed.set(key, row.line);
    }
    return { language: language as FramingLanguage, patterns, technique, weight: weightField(row), source: requiredField(row, "source"), line: row.line };
  });
}
