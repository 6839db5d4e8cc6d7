/**
 * A part of a day named relative to the day of writing: "ce matin", "hier
 * soir", "cette nuit", "overnight", "فجر اليوم", "صباح اليوم", "مساء أمس".
 * Chrono finds some of these but keeps only "اليوم" or "أمس" of the Arabic
 * ones and reads "cette nuit" and "ليلة أمس" as the coming night.
 *
 * A night is dated by the evening it begins, the first day of the period:
 * "cette nuit", "overnight", "last night", "la nuit dernière", "ليلة أمس" in
 * a report of the day are the night that ended that morning, so the day
 * before the reference day. "فجر اليوم" (dawn today) is the reference day.
 */
import { addDays, anchor, dated } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import type { TimesLanguage } from "../lexicon.js";
import { anyOf, ARABIC_CLITICS, prefilter, prefiltered, END, findMatches, regex, START, wordBefore } from "../patterns.js";

const RULE = "part-of-day";

const ARABIC_PARTS = anyOf(["فجر", "صباح", "صبيحة", "ظهر", "ظهيرة", "عصر", "مساء", "ليل", "ليلة"]);

/** Each pattern with the day it points to, relative to the reference day. */
export const PATTERNS: Readonly<Record<TimesLanguage, ReadonlyArray<readonly [days: number, pattern: RegExp]>>> = {
  fr: [
    [0, regex(`${START}(?<t>(?:(?:tôt|plus\\s+tôt)\\s+)?(?:ce\\s+matin|cet\\s+après-midi|ce\\s+soir|ce\\s+midi))${END}`)],
    [-1, regex(`${START}(?<t>(?:dans\\s+)?cette\\s+nuit|(?:dans\\s+)?la\\s+nuit\\s+(?:dernière|passée|d['’]hier)|(?:dans\\s+la\\s+)?(?:nuit|soirée|matinée|journée)\\s+d['’]hier|hier\\s+(?:matin|midi|après-midi|soir))${END}`)],
  ],
  en: [
    [0, regex(`${START}(?<t>(?:(?:early|earlier|late|later)\\s+)?this\\s+(?:morning|afternoon|evening)|(?:earlier|later)\\s+today)${END}`)],
    [-1, regex(`${START}(?<t>overnight|(?:late\\s+)?last\\s+night|yesterday\\s+(?:morning|afternoon|evening)|(?:early|late)\\s+yesterday)${END}`)],
  ],
  ar: [
    [0, regex(`${START}${ARABIC_CLITICS}(?<t>${ARABIC_PARTS}\\s+(?:${anyOf(["هذا اليوم", "اليوم"])}))${END}`)],
    [-1, regex(`${START}${ARABIC_CLITICS}(?<t>${ARABIC_PARTS}\\s+${anyOf(["يوم أمس", "الأمس", "أمس", "البارحة"])}|${anyOf(["الليلة الماضية", "ليلة البارحة", "البارحة"])})${END}`)],
  ],
};

/**
 * The part of the day or the day: "matin", "midi" (of "après-midi"), "soir",
 * "nuit", "hier"; "morning", "afternoon", "evening", "today", "night" (of
 * "overnight"), "yesterday"; an Arabic part of the day, or "البارحة".
 */
export const PREFILTERS: Readonly<Record<TimesLanguage, RegExp>> = {
  fr: prefilter("matin|midi|soir|nuit|hier"),
  en: prefilter("morning|afternoon|evening|today|night|yesterday"),
  ar: prefilter(`${ARABIC_PARTS}|${anyOf(["البارحة"])}`),
};

export function findPartsOfDay(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  return PATTERNS[input.language].flatMap(([days, pattern]) =>
    findMatches(input, RULE, pattern, (match) => {
      // "an overnight curfew" is a kind of curfew, not a date.
      if (/^overnight$/i.test(match.groups?.t ?? "") && /^(?:an?|the)$/i.test(wordBefore(input.text, match.index))) return null;
      return anchor(input.reference, (reference) => dated(addDays(reference, days), 1));
    }),
  );
}
