/**
 * "depuis trois jours", "for three days", "over the past two weeks",
 * "منذ ثلاثة أيام", "منذ أسبوعين": something has lasted N units up to the day
 * of writing, so it began N units before the reference day, and the unit says
 * how precisely: days to the day (1), weeks to the week (2), months and years
 * to the month or less (3). Arabic منذ also means "ago" ("منذ يومين", two days
 * ago), which points to the same day. A unit without a count needs a word
 * that carries one (Arabic singular and dual, English "the past week").
 */
import { addDays, addMonths, anchor, dated, type Dated } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import { ARABIC_MONTHS, CARDINALS, readNumber, UNITS, type TimesLanguage, type Unit } from "../lexicon.js";
import { anyOf, ARABIC_CLITICS, prefilter, prefiltered, END, findMatches, groupRange, regex, START, wordPattern } from "../patterns.js";

const RULE = "since-duration";

const number = (language: TimesLanguage): string => `(?<n>[0-9]{1,3}|[٠-٩]{1,3}|${anyOf(CARDINALS[language].words)})`;
const unit = (language: TimesLanguage): string => `(?<u>${anyOf(UNITS[language].words)})`;

export const PATTERNS: Readonly<Record<TimesLanguage, readonly RegExp[]>> = {
  fr: [
    regex(`${START}(?<t>depuis\\s+${number("fr")}\\s+${unit("fr")})${END}`),
    regex(`${START}(?<t>(?:(?:au\\s+cours|pendant|durant|lors)\\s+)?(?:des|les|ces)\\s+${number("fr")}\\s+derni(?:er|ère)s\\s+${unit("fr")})${END}`),
  ],
  en: [
    regex(`${START}(?<t>for\\s+(?:the\\s+(?:past|last)\\s+)?${number("en")}\\s+${unit("en")})${END}`),
    regex(`${START}(?<t>(?:over|in|during)\\s+the\\s+(?:past|last)\\s+(?:${number("en")}\\s+)?${unit("en")})${END}`),
  ],
  ar: [
    regex(`${START}${ARABIC_CLITICS}(?<t>${wordPattern("منذ")}\\s+(?:${number("ar")}\\s+)?${unit("ar")})${END}`),
    regex(`${START}${ARABIC_CLITICS}(?<t>${anyOf(["خلال", "في"])}\\s+(?:الـ?\\s?)?${number("ar")}\\s+${unit("ar")}\\s+${anyOf(["الماضية", "الأخيرة", "المنصرمة"])})${END}`),
  ],
};

/** After "منذ عام", "منذ شهر", "منذ يوم" comes a date ("منذ عام 2011", "منذ شهر آذار", "منذ يوم الأربعاء"), not a count. */
const ARABIC_DATE_AFTER = new RegExp(`^\\s+(?:[0-9٠-٩]|ال|${anyOf(ARABIC_MONTHS.words)})`, "u");

const PRECISION: Readonly<Record<Unit, 1 | 2 | 3>> = { day: 1, week: 2, month: 3, year: 3 };

function backFrom(reference: Date, count: number, unit: Unit): Dated {
  const start = unit === "day" ? addDays(reference, -count) : unit === "week" ? addDays(reference, -7 * count) : addMonths(reference, -(unit === "month" ? count : 12 * count));
  return dated(start, PRECISION[unit]);
}

/**
 * French: "depuis" or "dernier(s)/dernière(s)" (the units "an"/"ans" would
 * let most sentences through); English: a unit as a word after white space,
 * as the patterns have it (not the "day" of "Monday" or "today"); Arabic: a unit.
 */
export const PREFILTERS: Readonly<Record<TimesLanguage, RegExp>> = {
  fr: prefilter("depuis|derni"),
  en: prefilter(`\\s${anyOf(UNITS.en.words)}${END}`),
  ar: prefilter(anyOf(UNITS.ar.words)),
};

export function findSinceDurations(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  const language = input.language;
  return PATTERNS[language].flatMap((pattern) =>
    findMatches(input, RULE, pattern, (match) => {
      const unitWord = UNITS[language].get(match.groups?.u ?? "");
      if (unitWord === undefined) return null;
      const counted = match.groups?.n;
      if (counted === undefined && language === "ar" && ARABIC_DATE_AFTER.test(input.text.slice(groupRange(match, "t")[1]))) return null;
      const count = counted === undefined ? unitWord.count : readNumber(language, counted);
      if (count === null || count === undefined || count < 1) return null;
      return anchor(input.reference, (reference) => backFrom(reference, count, unitWord.unit));
    }),
  );
}
