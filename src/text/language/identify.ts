/**
 * Language identification: franc's trigram ranking, checked against the share
 * of function words for the languages sitrep analyses. When the evidence is
 * thin the answer is `und` with the ranked guesses, never an exception.
 */
import { iso6393To1 } from "iso-639-3";
import type { LanguageScore } from "../../model/analysis.js";
import { foldKey } from "../normalise/index.js";
import { arabicScriptEvidence, readsAsArabic } from "./arabic-script.js";
import { functionWordShare } from "./function-words.js";
import { trigramRanking } from "./trigram-ranking.js";

export const SUPPORTED_LANGUAGES = ["fr", "en", "ar"] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export function isSupportedLanguage(language: string): language is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language);
}

export interface Identification {
  language: string;
  scores: LanguageScore[];
  /** The rule that decided, for provenance and for the message when undetermined. */
  rule: "too-short" | "arabic-script" | "trigram+function-words" | "function-words" | "trigram" | "ambiguous";
  reason: string;
}

/** Fewer letters than this and no identifier is trustworthy. */
const MIN_LETTERS = 12;
/** Longer samples change nothing in the ranking (checked with `sitrep eval language-id`) and cost time. */
const SAMPLE_LENGTH = 1000;
/** A supported language whose function words make up this share of the words is confirmed. */
const CONFIRMING_SHARE = 0.12;
/** A supported language this far ahead in function words overrides a trigram guess. */
const OVERRIDING_SHARE = 0.25;
const ALTERNATIVES = 5;

const LETTER = /\p{L}+/gu;

export function identifyLanguage(text: string): Identification {
  const sample = text.slice(0, SAMPLE_LENGTH);
  // Folding the sample once is four times cheaper than folding word by word.
  const words = foldKey(sample).match(LETTER) ?? [];
  const letters = words.reduce((sum, word) => sum + word.length, 0);
  const ranking = trigramRanking(sample, MIN_LETTERS)
    .filter(([code]) => code !== "und")
    .slice(0, ALTERNATIVES)
    .map(([code, score]): LanguageScore => ({ language: toIso6391(code), score: round(score) }));

  if (letters < MIN_LETTERS || ranking.length === 0) {
    return { language: "und", scores: ranking, rule: "too-short", reason: `too little text to tell (${letters} letters)` };
  }

  if (readsAsArabic(arabicScriptEvidence(sample))) {
    return { language: "ar", scores: promote(ranking, "ar"), rule: "arabic-script", reason: "" };
  }

  const shares = new Map(SUPPORTED_LANGUAGES.map((language) => [language, functionWordShare(words, language)]));
  const best = ranking[0] as LanguageScore;
  const bestShare = isSupportedLanguage(best.language) ? (shares.get(best.language) ?? 0) : 0;
  if (isSupportedLanguage(best.language) && bestShare >= CONFIRMING_SHARE) {
    return { language: best.language, scores: ranking, rule: "trigram+function-words", reason: "" };
  }

  const [leader, leaderShare] = [...shares].sort((a, b) => b[1] - a[1])[0] as [SupportedLanguage, number];
  if (leaderShare >= OVERRIDING_SHARE) {
    return { language: leader, scores: promote(ranking, leader), rule: "function-words", reason: "" };
  }
  if (!isSupportedLanguage(best.language)) {
    return { language: best.language, scores: ranking, rule: "trigram", reason: "" };
  }
  return {
    language: "und",
    scores: ranking,
    rule: "ambiguous",
    reason: `trigrams suggest ${best.language} but few of its function words occur (${percent(bestShare)} of words)`,
  };
}

function toIso6391(code: string): string {
  // franc names Standard Arabic "arb"; ISO 639-1 "ar" is the macrolanguage users expect.
  if (code === "arb") return "ar";
  return iso6393To1[code] ?? code;
}

/** Put the language chosen on function-word evidence first, keeping the trigram scores it had. */
function promote(ranking: LanguageScore[], language: string): LanguageScore[] {
  const found = ranking.find((entry) => entry.language === language) ?? { language, score: 0 };
  return [found, ...ranking.filter((entry) => entry.language !== language)];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
