/**
 * "avant-hier", "the day before yesterday", "أول أمس", "أمس الأول", "أول من
 * أمس", with a part of the day if one is named ("avant-hier soir", "مساء أول
 * أمس"): two days before the reference day. Chrono keeps only "hier" of
 * "avant-hier" and only "أمس" of "أمس الأول", which is the day after.
 */
import { addDays, anchor, dated } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import type { TimesLanguage } from "../lexicon.js";
import { anyOf, ARABIC_CLITICS, prefilter, prefiltered, END, findMatches, regex, START, wordPattern } from "../patterns.js";

const RULE = "day-before-yesterday";

export const PATTERNS: Readonly<Record<TimesLanguage, RegExp>> = {
  fr: regex(`${START}(?<t>avant-hier(?:\\s+(?:matin|midi|après-midi|soir))?)${END}`),
  en: regex(`${START}(?<t>the\\s+day\\s+before\\s+yesterday)${END}`),
  ar: regex(`${START}${ARABIC_CLITICS}(?<t>(?:${anyOf(["فجر", "صباح", "ظهر", "عصر", "مساء", "ليل", "ليلة"])}\\s+)?(?:${anyOf(["أول من أمس", "أول أمس", "أمس الأول"])}))${END}`),
};

/** "(avant-)hier", "yesterday", and "أمس" in each Arabic form. */
export const PREFILTERS: Readonly<Record<TimesLanguage, RegExp>> = { fr: prefilter("hier"), en: prefilter("yesterday"), ar: prefilter(wordPattern("أمس")) };

export function findDaysBeforeYesterday(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  return findMatches(input, RULE, PATTERNS[input.language], () => anchor(input.reference, (reference) => dated(addDays(reference, -2), 1)));
}
