/**
 * The times stage: every expression of a date in the document, dated against
 * the publication day. Rules each read one kind of expression (folder
 * `rules/`, one file each); `choose.ts` keeps one reading per stretch of
 * text. Needs the sentences of the segment stage.
 *
 * A mention's value is the first day of the period it names, as an ISO date,
 * and its precision ACLED's time_precision for that period: 1 a day, 2 a
 * week (or a few days), 3 a month or more ("in March" is 1 March with
 * precision 3, not mid-March: the precision, not the value, says how wide).
 * "Relative" means relative to the publication day, the reference: news
 * writes from the day it appears.
 *
 * Times of day are not dates. A clock time alone ("10 h", "at 3 pm") is
 * dropped; one that chrono reads together with a date ("hier à 10h", "13 mai
 * 2015 à 10h") stays inside that date's span, and the value is the day. One
 * separated from the date by a comma is cut off the span, and one after a
 * weekday is left out ("mardi, vers 10h" → "mardi").
 *
 * Without a publication date,
 * expressions that name their own date keep it; relative ones are kept with
 * null value and precision, and one message says how many there are.
 */
import type { TimeMention } from "../model/analysis.js";
import type { Doc } from "../model/document.js";
import { createMessage, type Message } from "../model/message.js";
import type { Context, Stage } from "../pipeline/stage.js";
import { referenceDay } from "./calendar.js";
import type { RuleInput, TimeCandidate, TimeRule } from "./candidate.js";
import { chooseMentions } from "./choose.js";
import type { TimesLanguage } from "./lexicon.js";
import { findArabicDates } from "./rules/arabic-date.js";
import { findArabicYesterdays } from "./rules/arabic-yesterday.js";
import { findChronoDates } from "./rules/chrono.js";
import { findConsecutiveDays } from "./rules/consecutive-day.js";
import { findDaysBeforeYesterday } from "./rules/day-before-yesterday.js";
import { findFrenchMonths } from "./rules/french-month.js";
import { findPartsOfDay } from "./rules/part-of-day.js";
import { findRecentDays } from "./rules/recent-days.js";
import { findRelativeWeeks } from "./rules/relative-week.js";
import { findSinceDurations } from "./rules/since-duration.js";
import { findWeekdays } from "./rules/weekday.js";
import { findYears } from "./rules/year.js";

const STAGE = "times";

export const TIME_RULES: readonly TimeRule[] = [
  findChronoDates,
  findConsecutiveDays,
  findSinceDurations,
  findRelativeWeeks,
  findRecentDays,
  findPartsOfDay,
  findDaysBeforeYesterday,
  findArabicYesterdays,
  findWeekdays,
  findFrenchMonths,
  findArabicDates,
  findYears,
];

const RULE_LANGUAGES: ReadonlySet<string> = new Set<TimesLanguage>(["fr", "en", "ar"]);

export function createTimesStage(): Stage {
  return function times(doc: Doc, _ctx: Context): Doc {
    const { text, language, published } = doc.document;
    if (doc.sentences.length === 0 && text.trim() !== "") throw new Error("times stage: expected the sentences of the segment stage, found none; run it after segment");
    const reference = referenceDay(published);
    const ruleLanguage = RULE_LANGUAGES.has(language) ? (language as TimesLanguage) : "other";
    const candidates: TimeCandidate[] = [];
    for (const sentence of doc.sentences) {
      const input: RuleInput = { text: text.slice(sentence.start, sentence.end), offset: sentence.start, language: ruleLanguage, reference };
      for (const rule of TIME_RULES) candidates.push(...rule(input));
    }
    const mentions: TimeMention[] = chooseMentions(candidates).map((candidate, i) => ({
      id: `t${i + 1}`,
      text: text.slice(candidate.start, candidate.end),
      start: candidate.start,
      end: candidate.end,
      value: candidate.value,
      precision: candidate.precision,
      by: `${STAGE}:${candidate.rule}`,
    }));
    return { ...doc, times: mentions, messages: [...doc.messages, ...unanchoredMessages(mentions, reference)] };
  };
}

function unanchoredMessages(mentions: readonly TimeMention[], reference: Date | null): Message[] {
  const unanchored = mentions.filter((mention) => mention.value === null).length;
  if (reference !== null || unanchored === 0) return [];
  const expressions = unanchored === 1 ? "1 time expression" : `${unanchored} time expressions`;
  return [
    createMessage({
      code: "time-unanchored",
      severity: "warning",
      stage: STAGE,
      reason: `${expressions} could not be dated because the document has no publication date to anchor them (they are relative to the day of writing, such as "yesterday" or "last Wednesday", or lack a year); pass --published YYYY-MM-DD to date them.`,
    }),
  ];
}
