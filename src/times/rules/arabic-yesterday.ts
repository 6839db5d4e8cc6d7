/**
 * Arabic "yesterday" in the forms chrono misses because a clitic or a noun is
 * attached: "بالأمس", "وأمس", "يوم أمس" (chrono keeps only "أمس" of the
 * last). A conjunction is left out of the span; the article and "ب" of
 * "بالأمس" are part of the word.
 */
import { addDays, anchor, dated } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import type { TimesLanguage } from "../lexicon.js";
import { anyOf, prefilter, prefiltered, END, findMatches, regex, START, wordPattern } from "../patterns.js";

const RULE = "arabic-yesterday";

export const PATTERN = regex(`${START}(?:و|ف)?(?<t>${anyOf(["بالأمس", "يوم أمس", "أمس"])})${END}`);

/** "بالأمس", "يوم أمس" and "أمس" all hold "أمس". */
export const PREFILTERS: Readonly<Partial<Record<TimesLanguage, RegExp>>> = { ar: prefilter(wordPattern("أمس")) };

export function findArabicYesterdays(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  return findMatches(input, RULE, PATTERN, () => anchor(input.reference, (reference) => dated(addDays(reference, -1), 1)));
}
