/**
 * A weekday named alone: "mercredi", "mercredi dernier", "jeudi soir", "on
 * Wednesday", "late on Monday", "يوم الأربعاء", "مساء الثلاثاء". News reports
 * what has happened, so a bare weekday is the latest such day on or before
 * the reference day; "dernier", "last", "الماضي" the latest strictly before
 * it; "prochain", "next", "المقبل" the first after it. Chrono dates a bare
 * weekday forwards ("on Sunday" written on a Friday becomes the coming
 * Sunday) and reads "أحد" (one), "اثنين" (two) and the name "خميس" as
 * weekdays; this rule replaces chrono for weekdays without a date, and keeps
 * a clock time that follows out of the span.
 *
 * English weekdays count only capitalised; in Arabic only the forms with the
 * article. Words before or after that make a weekday part of a name ("Good
 * Friday", "the Sunday Times", "سوق الأحد") reject it.
 */
import { anchor, dated, nextWeekday, previousWeekday } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import { WEEKDAYS, type TimesLanguage } from "../lexicon.js";
import { anyOf, ARABIC_CLITICS, prefilter, prefiltered, END, findMatches, groupRange, regex, START, wordAfter, wordBefore } from "../patterns.js";
import { foldKey } from "../../text/normalise/index.js";

const RULE = "weekday";

const weekdays = (language: TimesLanguage): string => `(?<w>${anyOf(WEEKDAYS[language].words)})`;

export const PATTERNS: Readonly<Record<TimesLanguage, RegExp>> = {
  fr: regex(
    `${START}(?<t>(?:(?:dans\\s+)?la\\s+(?:nuit|matinée|soirée|journée)\\s+(?:de|du)\\s+)?${weekdays("fr")}(?:\\s+(?<m1>dernier|passé|prochain))?(?:\\s+(?:matin|midi|après-midi|soir))?(?:\\s+(?<m2>dernier|passé|prochain))?)${END}`,
  ),
  en: regex(
    `${START}(?<t>(?:(?:[Oo]n|[Ee]arly|[Ll]ate)\\s+(?:on\\s+)?)?(?:(?:(?:[Oo]n|[Dd]uring)\\s+)?the\\s+(?:night|morning|evening)\\s+of\\s+|(?:[Ii]n\\s+)?the\\s+early\\s+hours\\s+of\\s+)?(?:(?<m1>[Ll]ast|[Nn]ext|[Pp]ast|[Tt]his)\\s+)?${weekdays("en")}(?:\\s+(?:morning|afternoon|evening|night))?)${END}`,
    false,
  ),
  ar: regex(
    `${START}${ARABIC_CLITICS}(?<t>(?:${anyOf(["يوم", "ليلة", "ليل", "فجر", "صباح", "صبيحة", "ظهر", "ظهيرة", "عصر", "مساء", "نهار"])}\\s+)?${weekdays("ar")}(?:\\s+(?<m1>${anyOf(["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "المقبل", "المقبلة", "القادم", "القادمة"])}))?)${END}`,
  ),
};

const PAST = new Set(["dernier", "passe", "last", "past", "الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته"]);
const FUTURE = new Set(["prochain", "next", "المقبل", "المقبله", "القادم", "القادمه"]);

/** Words that make a weekday part of a name or another word. Source: curated by the project. */
const NAMES_BEFORE: Readonly<Record<TimesLanguage, ReadonlySet<string>>> = {
  fr: new Set(["mardi-gras"]),
  en: new Set(["good", "black", "bloody", "holy", "palm", "easter", "ash", "super", "cyber", "maundy", "shrove"]),
  ar: new Set(["سوق", "مسجد", "جامع", "كنيسه", "كلا", "بين", "هذين", "هاتين"].map(foldKey)),
};
const NAMES_AFTER: Readonly<Record<TimesLanguage, ReadonlySet<string>>> = {
  fr: new Set(["gras"]),
  en: new Set(["times", "telegraph", "post", "mirror", "express", "herald", "observer", "school", "league"]),
  ar: new Set<string>(),
};

/** A weekday; English ones capitalised, as the pattern reads them. */
export const PREFILTERS: Readonly<Record<TimesLanguage, RegExp>> = { fr: prefilter(anyOf(WEEKDAYS.fr.words)), en: prefilter(anyOf(WEEKDAYS.en.words), false), ar: prefilter(anyOf(WEEKDAYS.ar.words)) };

export function findWeekdays(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  const language = input.language;
  return findMatches(input, RULE, PATTERNS[language], (match) => {
    const weekday = WEEKDAYS[language].get(match.groups?.w ?? "");
    if (weekday === undefined) return null;
    const [start, end] = groupRange(match, "t");
    if (NAMES_BEFORE[language].has(foldKey(wordBefore(input.text, start))) || NAMES_AFTER[language].has(foldKey(wordAfter(input.text, end)))) return null;
    // "the Sunday Times", "Friday Mosque": a capitalised weekday run into another capitalised word is a name.
    if (language === "en" && /^\s[A-Z]/.test(input.text.slice(end, end + 2)) && start === groupRange(match, "w")[0]) return null;
    const modifier = foldKey(match.groups?.m1 ?? match.groups?.m2 ?? "");
    return anchor(input.reference, (reference) => {
      if (FUTURE.has(modifier)) return dated(nextWeekday(reference, weekday), 1);
      return dated(previousWeekday(reference, weekday, PAST.has(modifier)), 1);
    });
  });
}
