/**
 * The rules each document language gets. French, English and Arabic have
 * their own abbreviations and sentence starters; any other language, and
 * "und", gets the union of all three and the language-neutral rules, so that
 * an undetermined French text still keeps "M. Hollande" whole. Elision
 * splitting is French (and neutral) only, possessive "’s" English (and
 * neutral) only.
 */
import { ABBREVIATIONS, type AbbreviationTable } from "./data/abbreviations.js";
import { SENTENCE_STARTERS } from "./data/sentence-starters.js";
import { buildAbbreviationLookup } from "./rules/abbreviations.js";
import type { SentenceEndRules } from "./rules/sentence-ends.js";
import type { TokenRules } from "./tokens.js";

export type SegmentLanguage = "fr" | "en" | "ar" | "und";

export interface LanguageRules {
  readonly sentences: SentenceEndRules;
  readonly tokens: TokenRules;
}

/** "fr", "fr-CA", "FR" → "fr"; anything not French, English or Arabic → "und". */
export function segmentLanguage(code: string): SegmentLanguage {
  const primary = code.toLowerCase().split(/[-_]/u)[0];
  return primary === "fr" || primary === "en" || primary === "ar" ? primary : "und";
}

export function buildLanguageRules(language: SegmentLanguage, extra: AbbreviationTable): LanguageRules {
  const languages = language === "und" ? (["fr", "en", "ar"] as const) : [language];
  const abbreviations = buildAbbreviationLookup([...languages.map((code) => ABBREVIATIONS[code]), extra]);
  const starters = new Set(languages.flatMap((code) => (code === "ar" ? [] : SENTENCE_STARTERS[code])));
  return {
    sentences: { abbreviations, starters },
    tokens: {
      segmenter: new Intl.Segmenter(language === "und" ? undefined : language, { granularity: "word" }),
      abbreviations,
      frenchElision: language === "fr" || language === "und",
      englishPossessive: language === "en" || language === "und",
    },
  };
}
