/**
 * Weeks named relative to the day of writing: "la semaine dernière", "last
 * week", "الأسبوع الماضي"; "cette semaine", "earlier this week", "مطلع
 * الأسبوع"; and weekends. Chrono reads "last week" as the day seven days back,
 * to the day; the expression only gives the week, so precision 2, dated by
 * the week's Monday (ISO weeks everywhere: the precision, not the value, says
 * the period is a week). A weekend is dated by its Saturday.
 */
import { addDays, anchor, dated, type Dated, weekStart } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import type { TimesLanguage } from "../lexicon.js";
import { anyOf, ARABIC_CLITICS, prefilter, prefiltered, END, findMatches, regex, START } from "../patterns.js";

const RULE = "relative-week";

type Which = "last-week" | "this-week" | "last-weekend" | "this-weekend" | "past-weekend";

export const WEEKS: Readonly<Record<TimesLanguage, ReadonlyArray<readonly [Which, RegExp]>>> = {
  fr: [
    ["last-week", regex(`${START}(?<t>la\\s+semaine\\s+(?:dernière|passée))${END}`)],
    ["this-week", regex(`${START}(?<t>(?:(?:plus\\s+tôt|en\\s+début\\s+de|au\\s+début\\s+de|depuis\\s+le\\s+début\\s+de)\\s+)?cette\\s+semaine|(?:en|depuis\\s+le)\\s+début\\s+de\\s+semaine)${END}`)],
    ["last-weekend", regex(`${START}(?<t>le\\s+week-?end\\s+(?:dernier|passé))${END}`)],
    ["this-weekend", regex(`${START}(?<t>ce\\s+week-?end)${END}`)],
  ],
  en: [
    ["last-week", regex(`${START}(?<t>(?:(?:early|late|earlier)\\s+)?last\\s+week)${END}`)],
    ["this-week", regex(`${START}(?<t>(?:earlier\\s+)?this\\s+week|earlier\\s+in\\s+the\\s+week)${END}`)],
    ["last-weekend", regex(`${START}(?<t>last\\s+weekend)${END}`)],
    ["this-weekend", regex(`${START}(?<t>this\\s+weekend)${END}`)],
    ["past-weekend", regex(`${START}(?:over|during|at)\\s+(?<t>the\\s+weekend)${END}`)],
  ],
  ar: [
    ["last-week", regex(`${START}${ARABIC_CLITICS}(?<t>${anyOf(["الأسبوع"])}\\s+${anyOf(["الماضي", "المنصرم", "الفائت"])})${END}`)],
    [
      "this-week",
      regex(`${START}${ARABIC_CLITICS}(?<t>(?:${anyOf(["في وقت سابق من", "في وقت سابق", "منذ مطلع", "منذ بداية", "مطلع", "بداية", "أوائل"])}\\s+)?(?:${anyOf(["هذا الأسبوع"])}|${anyOf(["الأسبوع"])}\\s+${anyOf(["الجاري", "الحالي"])})|(?:${anyOf(["منذ"])}\\s+)?${anyOf(["مطلع", "بداية"])}\\s+${anyOf(["الأسبوع"])})${END}`),
    ],
  ],
};

function weekOf(which: Which, reference: Date): Dated {
  const monday = weekStart(reference);
  const saturday = addDays(monday, 5);
  switch (which) {
    case "last-week":
      return dated(addDays(monday, -7), 2);
    case "this-week":
      return dated(monday, 2);
    case "last-weekend":
      return dated(addDays(monday, -2), 2);
    case "this-weekend":
      return dated(saturday, 2);
    case "past-weekend":
      // "over the weekend" reports the weekend just gone unless it is still going on.
      return dated(saturday <= reference ? saturday : addDays(monday, -2), 2);
  }
}

/** Every pattern names the week: "semaine" or "week(-end)", "week(end)", "الأسبوع". */
export const PREFILTERS: Readonly<Record<TimesLanguage, RegExp>> = { fr: prefilter("semaine|week"), en: prefilter("week"), ar: prefilter(anyOf(["الأسبوع"])) };

export function findRelativeWeeks(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  return WEEKS[input.language].flatMap(([which, pattern]) => findMatches(input, RULE, pattern, () => anchor(input.reference, (reference) => weekOf(which, reference))));
}
