/**
 * Arabic dates in all three month-naming systems, with ASCII or
 * Arabic-Indic digits: "١٣ أيار", "13 مايو 2015", "13 جوان 2015" (Algeria,
 * Tunisia), "13 يوليوز" (Morocco), the Levantine press's doubled names
 * "13 أيار (مايو) 2015" and "أيار/مايو", "في شهر آذار", "آذار الماضي", with
 * a weekday in front if there is one ("الثلاثاء 12 أيار"). Chrono knows the
 * Levantine and Egyptian names but not the Maghreb ones, and splits the
 * doubled names so that the year goes to the second month alone.
 *
 * A month without a day or a year needs a cue: a preposition before it
 * ("في", "منذ", "خلال"…), "شهر", or "الماضي"/"المقبل" after it. آب and مارس,
 * which are also everyday words, need "شهر", a day, a year or such a modifier.
 */
import { dayInMonth } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import { AMBIGUOUS_ARABIC_MONTHS, ARABIC_MONTHS, type TimesLanguage, WEEKDAYS, yearOf } from "../lexicon.js";
import { anyOf, ARABIC_CLITICS, prefilter, prefiltered, DAY_NUMBER, END, findMatches, groupRange, regex, START, wordBefore, YEAR } from "../patterns.js";
import { foldKey } from "../../text/normalise/index.js";

const RULE = "arabic-date";

const MONTHS = anyOf(ARABIC_MONTHS.words);
export const PATTERN = regex(
  `${START}${ARABIC_CLITICS}(?<t>` +
    `(?:(?:${anyOf(["يوم"])}\\s+)?${anyOf(WEEKDAYS.ar.words)}\\s*[،,]?\\s*)?` +
    `(?:(?<d>${DAY_NUMBER})\\s*(?:${anyOf(["من"])}\\s+)?)?` +
    `(?:(?<shahr>${anyOf(["شهر"])})\\s+)?` +
    `(?<mo>${MONTHS})(?:\\s*(?:/|\\(|-)\\s*(?<mo2>${MONTHS})\\s*\\)?)?` +
    `(?:\\s+(?<mod>${anyOf(["الماضي", "المنصرم", "الفائت", "المقبل", "القادم", "الجاري"])}))?` +
    `(?:\\s*[،,]?\\s*(?:(?:${anyOf(["من"])}\\s+)?${anyOf(["عام", "العام", "سنة"])}\\s+)?(?<y>${YEAR})(?:\\s*م)?)?` +
    `)${END}`,
);

const CUES: ReadonlySet<string> = new Set(["في", "منذ", "خلال", "حتى", "مطلع", "بداية", "أوائل", "منتصف", "أواسط", "أواخر", "نهاية", "مع", "قبل", "بعد"].map(foldKey));
const PAST: ReadonlySet<string> = new Set(["الماضي", "المنصرم", "الفائت"].map(foldKey));
const FUTURE: ReadonlySet<string> = new Set(["المقبل", "القادم"].map(foldKey));

/** The pattern names a month. */
export const PREFILTERS: Readonly<Partial<Record<TimesLanguage, RegExp>>> = { ar: prefilter(MONTHS) };

export function findArabicDates(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  return findMatches(input, RULE, PATTERN, (match) => {
    const { d, shahr, mo = "", mo2, mod, y } = match.groups ?? {};
    const month = ARABIC_MONTHS.get(mo);
    if (month === undefined || (mo2 !== undefined && ARABIC_MONTHS.get(mo2) !== month)) return null;
    if (d === undefined && y === undefined) {
      const cued = shahr !== undefined || mod !== undefined || CUES.has(foldKey(wordBefore(input.text, groupRange(match, "t")[0]).replace(/^[وف]/u, "")));
      if (!cued) return null;
      if (AMBIGUOUS_ARABIC_MONTHS.has(foldKey(mo)) && shahr === undefined && mod === undefined) return null;
    }
    const folded = foldKey(mod ?? "");
    const direction = PAST.has(folded) ? "past" : FUTURE.has(folded) ? "future" : "nearest";
    const day = d === undefined ? 1 : Number(foldKey(d));
    if (day < 1 || day > 31) return null;
    return dayInMonth(input.reference, month, day, d === undefined ? 3 : 1, yearOf(y), direction);
  });
}
