/**
 * "ces derniers jours", "in recent days", "a few days ago", "منذ أيام",
 * "خلال الأيام الماضية": a few days before the day of writing, no more
 * precisely than the week. Dated by the first day of the seven days that end
 * on the reference day, precision 2. Chrono reads some of these ("a few days
 * ago", "منذ أيام") as one exact day.
 */
import { addDays, anchor, dated } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import type { TimesLanguage } from "../lexicon.js";
import { anyOf, ARABIC_CLITICS, prefilter, prefiltered, END, findMatches, regex, START, wordPattern } from "../patterns.js";

const RULE = "recent-days";

export const PATTERNS: Readonly<Record<TimesLanguage, readonly RegExp[]>> = {
  fr: [regex(`${START}(?<t>(?:(?:au\\s+cours|lors)\\s+)?(?:de\\s+ces|des|ces)\\s+(?:(?:tout\\s+)?derniers|quelques\\s+derniers)\\s+jours|ces\\s+jours-ci|il\\s+y\\s+a\\s+(?:quelques|plusieurs)\\s+jours)${END}`)],
  en: [regex(`${START}(?<t>(?:(?:in|over|during)\\s+)?recent\\s+days|(?:(?:in|over|during)\\s+)?the\\s+(?:past|last)\\s+(?:few|several)\\s+days|(?:a\\s+few|several)\\s+days\\s+ago)${END}`)],
  ar: [
    regex(`${START}${ARABIC_CLITICS}(?<t>(?:${anyOf(["في", "خلال"])}\\s+)?${anyOf(["الأيام"])}\\s+(?:${anyOf(["القليلة"])}\\s+)?${anyOf(["الماضية", "الأخيرة", "المنصرمة"])}|${anyOf(["منذ", "قبل"])}\\s+(?:${anyOf(["بضعة", "عدة"])}\\s+)?${anyOf(["أيام"])}(?:\\s+${anyOf(["قليلة"])})?)${END}`),
  ],
};

/** Every alternative names the days: "jours", "days", "(ال)أيام". */
export const PREFILTERS: Readonly<Record<TimesLanguage, RegExp>> = { fr: prefilter("jours"), en: prefilter("days"), ar: prefilter(wordPattern("يام")) };

export function findRecentDays(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  return PATTERNS[input.language].flatMap((pattern) => findMatches(input, RULE, pattern, () => anchor(input.reference, (reference) => dated(addDays(reference, -6), 2))));
}
