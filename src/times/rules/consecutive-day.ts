/**
 * "pour le troisième jour consécutif", "for the third straight day",
 * "لليوم الثالث على التوالي": the event has gone on for N days and is still
 * going on the day of writing, so the expression is dated by the reference
 * day, to the day. The ordinal is required (up to the thirtieth, or as a
 * numeral) so that "un jour consécutif" or "the next day" never match.
 */
import { anchor, dated } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import { ORDINAL_NUMERALS, ORDINALS, readOrdinal, type TimesLanguage } from "../lexicon.js";
import { anyOf, prefilter, prefiltered, END, findMatches, regex, START, wordPattern } from "../patterns.js";

const RULE = "consecutive-day";

const ordinal = (language: TimesLanguage): string => `(?<n>${anyOf(ORDINALS[language].words)}|${ORDINAL_NUMERALS[language]})`;

export const PATTERNS: Readonly<Record<TimesLanguage, readonly RegExp[]>> = {
  fr: [regex(`${START}(?<t>(?:(?:pour|durant|pendant)\\s+)?(?:le|la|un|une)\\s+${ordinal("fr")}\\s+(?:jour|journée)\\s+(?:consécuti(?:f|ve)|d['’]affilée|de\\s+suite))${END}`)],
  en: [regex(`${START}(?<t>(?:for\\s+)?(?:the|a)\\s+${ordinal("en")}\\s+(?:(?:consecutive|straight|successive)\\s+day|day\\s+(?:in\\s+a\\s+row|running)))${END}`)],
  ar: [
    regex(`${START}(?<t>${wordPattern("لليوم")}\\s+${ordinal("ar")}(?:\\s+${anyOf(["على التوالي", "توالياً", "تواليا"])})?)${END}`),
    regex(`${START}(?<t>(?:${wordPattern("في")}\\s+)?${wordPattern("اليوم")}\\s+${ordinal("ar")}\\s+${anyOf(["على التوالي", "توالياً", "تواليا"])})${END}`),
  ],
};

/** Every pattern names the day: "jour"/"journée", "day", "(ل)ليوم"/"اليوم". */
export const PREFILTERS: Readonly<Record<TimesLanguage, RegExp>> = { fr: prefilter("jour"), en: prefilter("day"), ar: prefilter(wordPattern("ليوم")) };

export function findConsecutiveDays(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  const language = input.language;
  return PATTERNS[language].flatMap((pattern) =>
    findMatches(input, RULE, pattern, (match) => {
      const count = readOrdinal(language, match.groups?.n ?? "");
      if (count === undefined || count < 1) return null;
      return anchor(input.reference, (reference) => dated(reference, 1));
    }),
  );
}
