/**
 * A year named alone after a preposition: "en 2014", "in 2014", "since
 * 2011", "عام 2014", "في 2014". Dated by 1 January, precision 3 (the month
 * or less). A bare four-digit number is never a year here: "2014 morts" is a
 * count, "résolution 2254" a name.
 */
import { dayInMonth } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import { yearOf, type TimesLanguage } from "../lexicon.js";
import { anyOf, ARABIC_CLITICS, prefilter, prefiltered, END, findMatches, LATIN_DIGITS_YEAR, regex, START, YEAR } from "../patterns.js";

const RULE = "year";

const NOT_A_RANGE = "(?!\\s*[-–/]\\s*[0-9])";

export const PATTERNS: Readonly<Record<TimesLanguage, RegExp>> = {
  fr: regex(`${START}(?:(?:en|depuis|dès|jusqu['’]en|début|fin|courant|durant|pendant)\\s+|mi-)(?<t>(?<y>${LATIN_DIGITS_YEAR}))${END}${NOT_A_RANGE}`),
  en: regex(`${START}(?:(?:in|since|until|by|during|through|throughout|early|late)\\s+|mid-)(?<t>(?<y>${LATIN_DIGITS_YEAR}))${END}${NOT_A_RANGE}`),
  ar: regex(
    `${START}${ARABIC_CLITICS}(?:(?<cue>${anyOf(["في", "منذ", "خلال", "حتى", "مطلع", "أوائل", "منتصف", "أواخر", "بداية", "نهاية"])})\\s+)?(?<t>(?:(?<noun>${anyOf(["عام", "العام", "سنة"])})\\s+)?(?<y>${YEAR})(?:\\s*م)?)${END}`,
  ),
};

/** The year's digits. */
export const PREFILTERS: Readonly<Record<TimesLanguage, RegExp>> = { fr: prefilter(LATIN_DIGITS_YEAR), en: prefilter(LATIN_DIGITS_YEAR), ar: prefilter(YEAR) };

export function findYears(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  return findMatches(input, RULE, PATTERNS[input.language], (match) => {
    if (input.language === "ar" && match.groups?.cue === undefined && match.groups?.noun === undefined) return null;
    return dayInMonth(null, 1, 1, 3, yearOf(match.groups?.y), "nearest");
  });
}
