/**
 * French months that chrono's French parser misses: "en mars 2015", "mars
 * 2015", "début mars", "mi-mai", "fin avril", "en mai", "le mois de juin",
 * "juin dernier", and "le premier mai". (Chrono does read "le 13 mai", "1er
 * mai", "13 mai 2015".) A month is dated by its first day, precision 3; one
 * named without a year is the one nearest the reference day ("dernier" the
 * latest before its month, "prochain" the next).
 *
 * A month alone needs a cue: a preposition ("en", "depuis", "dès"…), a
 * qualifier ("début", "mi-"), "dernier"/"prochain" or a year; and in running
 * text it is lower-case, so a capitalised "Mars" or "Mai" inside a sentence
 * is a planet or a name unless a year follows. A month right after a day
 * number is left to chrono, which reads the whole date.
 */
import { dayInMonth } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import { FRENCH_MONTHS, type TimesLanguage, yearOf } from "../lexicon.js";
import { anyOf, prefilter, prefiltered, END, findMatches, groupRange, LATIN_DIGITS_YEAR, regex, START } from "../patterns.js";

const RULE = "french-month";

const MONTH = `(?<mo>${anyOf(FRENCH_MONTHS.words)})`;
const YEAR_AFTER = `(?:\\s+(?<y>${LATIN_DIGITS_YEAR}))?`;

export const FIRST_OF_MONTH = regex(`${START}(?<t>(?:le\\s+)?premier\\s+${MONTH}${YEAR_AFTER})${END}`);
export const MONTH_NAMED = regex(
  `${START}(?:(?<cue>en|depuis|dès|jusqu['’]en|jusqu['’]à|courant|d['’]ici|(?:au|le|du)\\s+mois\\s+de|mois\\s+de)\\s+)?(?<t>(?:(?<q>début|fin|mi|courant|à\\s+la\\s+mi|à\\s+la\\s+fin|au\\s+début)(?:\\s*-\\s*|\\s+)(?:de\\s+|d['’])?)?${MONTH}(?:\\s+(?<mod>dernier|prochain))?${YEAR_AFTER})${END}`,
);

const direction = (modifier: string | undefined): "past" | "future" | "nearest" => (modifier === "dernier" ? "past" : modifier === "prochain" ? "future" : "nearest");

/** Both patterns name a month. */
export const PREFILTERS: Readonly<Partial<Record<TimesLanguage, RegExp>>> = { fr: prefilter(anyOf(FRENCH_MONTHS.words)) };

export function findFrenchMonths(input: RuleInput): TimeCandidate[] {
  if (!prefiltered(input, PREFILTERS)) return [];
  const firsts = findMatches(input, RULE, FIRST_OF_MONTH, (match) => {
    const month = FRENCH_MONTHS.get(match.groups?.mo ?? "");
    return month === undefined ? null : dayInMonth(input.reference, month, 1, 1, yearOf(match.groups?.y), "nearest");
  });
  const months = findMatches(input, RULE, MONTH_NAMED, (match) => {
    const month = FRENCH_MONTHS.get(match.groups?.mo ?? "");
    if (month === undefined) return null;
    const { cue, q, mod, y } = match.groups ?? {};
    const [start] = groupRange(match, "t");
    const before = input.text.slice(0, match.index);
    if (cue === undefined && q === undefined && /(?:[0-9]|\bpremier|\b1er)\s*$/iu.test(before)) return null;
    if (cue === undefined && q === undefined && mod === undefined && y === undefined) return null;
    const capitalised = /^\p{Lu}/u.test(match.groups?.mo ?? "");
    if (capitalised && y === undefined && start > 0 && q === undefined) return null;
    return dayInMonth(input.reference, month, 1, 3, yearOf(y), direction(mod?.toLowerCase()));
  });
  return [...firsts, ...months];
}
