import { fileURLToPath } from "node:url";
import { readDataFile, requiredField } from "../gazetteer/data-files.js";
import { foldKey } from "../text/normalise/index.js";

/** The project's lexicons, relative to this file in src/ and in dist/ alike. */
export const GIVEN_NAMES_FILE = fileURLToPath(new URL("../../data/lexicons/given-names.tsv", import.meta.url));
export const COMMON_WORDS_FILE = fileURLToPath(new URL("../../data/lexicons/common-words.tsv", import.meta.url));

/** Fold keys of the given names in `file` (data/lexicons/given-names.tsv: name, script, source). */
export function readGivenNames(file: string = GIVEN_NAMES_FILE): Set<string> {
  const names = new Set<string>();
  for (const row of readDataFile(file, ["name", "script", "source"] as const)) {
    requiredField(row, "source");
    names.add(foldKey(requiredField(row, "name")));
  }
  return names;
}

/** Fold keys of common words by language, from `file` (data/lexicons/common-words.tsv: lang, words, source). */
export function readCommonWords(file: string = COMMON_WORDS_FILE): Map<string, Set<string>> {
  const byLanguage = new Map<string, Set<string>>();
  for (const row of readDataFile(file, ["lang", "words", "source"] as const)) {
    requiredField(row, "source");
    const words = byLanguage.get(requiredField(row, "lang")) ?? new Set<string>();
    for (const word of requiredField(row, "words").split("|")) words.add(foldKey(word));
    byLanguage.set(requiredField(row, "lang"), words);
  }
  return byLanguage;
}
