/**
 * Regular-expression building blocks shared by the rules. Patterns match the
 * raw text, never a folded copy, so that offsets stay exact: Arabic letter
 * variants, optional short vowels and tatweel, apostrophes and runs of white
 * space are written into the pattern instead.
 */
import { eachMatch } from "../text/each-match.js";
import type { Anchoring } from "./calendar.js";
import type { RuleInput, TimeCandidate } from "./candidate.js";
import type { TimesLanguage } from "./lexicon.js";

/** No letter, digit or underscore right before / after. */
export const START = "(?<![\\p{L}\\p{N}_])";
export const END = "(?![\\p{L}\\p{N}_])";

/** Arabic conjunction and preposition clitics that may stick to the first word; kept out of the span. */
export const ARABIC_CLITICS = "(?:وب|فب|ول|فل|و|ف|ب|ل)?";

export const LATIN_DIGITS_YEAR = "(?:19|20)[0-9]{2}";
export const YEAR = "(?:(?:19|20)[0-9]{2}|(?:١٩|٢٠)[٠-٩]{2})";
export const DAY_NUMBER = "(?:[0-9]{1,2}|[٠-٩]{1,2})";

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/u;
const ARABIC_VARIANTS: Readonly<Record<string, string>> = {
  ا: "[اأإآٱ]",
  أ: "[اأإآٱ]",
  إ: "[اأإآٱ]",
  آ: "[اأإآٱ]",
  ة: "[ةه]",
  ى: "[ىي]",
  ي: "[يىئ]",
};
const ARABIC_MARKS = "[\\u064B-\\u0652\\u0670\\u0640]*";

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** The pattern of one word or phrase, tolerant of the variants press spelling uses. */
export function wordPattern(word: string): string {
  let pattern = "";
  for (const char of word) {
    if (/\s/u.test(char)) pattern += "\\s+";
    else if (char === "'" || char === "’") pattern += "['’]";
    else if (char === "-") pattern += "[-‐‑]";
    else if (ARABIC_LETTER.test(char)) pattern += (ARABIC_VARIANTS[char] ?? char) + ARABIC_MARKS;
    else pattern += escape(char);
  }
  return pattern;
}

/** An alternation of words, longest first so that "تشرين الثاني" wins over "تشرين". */
export function anyOf(words: Iterable<string>): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length);
  return `(?:${unique.map(wordPattern).join("|")})`;
}

/**
 * Runs `pattern` (flags must include `d` and `g`) over the sentence; the span
 * is the named group `t` when the pattern has one, else the whole match.
 * `build` dates the match or returns null to reject it.
 */
export function findMatches(input: RuleInput, rule: string, pattern: RegExp, build: (match: RegExpExecArray) => Anchoring | null): TimeCandidate[] {
  if (!pattern.flags.includes("d") || !pattern.global) throw new Error(`times rule ${rule}: pattern needs the "d" and "g" flags, found "${pattern.flags}"`);
  const found: TimeCandidate[] = [];
  eachMatch(pattern, input.text, (match) => {
    const range = match.indices?.groups?.t ?? match.indices?.[0];
    if (range === undefined) return;
    const anchoring = build(match);
    if (anchoring !== null) found.push({ start: input.offset + range[0], end: input.offset + range[1], rule, value: anchoring.value, precision: anchoring.precision });
  });
  return found;
}

export function regex(source: string, caseInsensitive = true): RegExp {
  return new RegExp(source, caseInsensitive ? "giud" : "gud");
}

/**
 * A rule's pre-filter: a pattern, with the flags of the rule's own, that
 * every match of the rule's patterns contains (the unit of "depuis trois
 * jours", the "week" of "last week"), built from the same words and
 * `wordPattern` spellings. Most sentences name no date: one search for the
 * pre-filter rules a sentence out before the rule's slower patterns run, and
 * rules out none they would match. `prefilters.test.ts` holds every rule to it.
 */
export function prefilter(source: string, caseInsensitive = true): RegExp {
  return new RegExp(source, caseInsensitive ? "iu" : "u");
}

/** Whether a rule should search the sentence: it has rules for the sentence's language, and the sentence passes that language's pre-filter. */
export function prefiltered(input: RuleInput, prefilters: Readonly<Partial<Record<TimesLanguage, RegExp>>>): input is RuleInput & { language: TimesLanguage } {
  if (input.language === "other") return false;
  const pattern = prefilters[input.language];
  return pattern !== undefined && pattern.test(input.text);
}

const WORD_CHARACTER = /^[\p{L}\p{N}'’-]$/u;
const WHITE_SPACE = /^\s$/u;

/**
 * The word that ends right before `index` (skipping white space), or "": what
 * `/([\p{L}\p{N}'’-]+)\s*$/u` finds in the text up to `index`, read
 * backwards from there rather than tried at every offset of the text before.
 */
export function wordBefore(text: string, index: number): string {
  let end = index;
  while (end > 0 && WHITE_SPACE.test(text.charAt(end - 1))) end--;
  let start = end;
  for (let width = characterWidthBefore(text, start); width > 0 && WORD_CHARACTER.test(text.slice(start - width, start)); width = characterWidthBefore(text, start)) start -= width;
  return text.slice(start, end);
}

/** How many code units the character ending at `index` takes: 2 for a surrogate pair, 0 at the start of the text. */
function characterWidthBefore(text: string, index: number): number {
  if (index === 0) return 0;
  const last = text.charCodeAt(index - 1);
  const first = index >= 2 ? text.charCodeAt(index - 2) : 0;
  return last >= 0xdc00 && last <= 0xdfff && first >= 0xd800 && first <= 0xdbff ? 2 : 1;
}

/** The word that starts right after `index` (skipping white space), or "". */
export function wordAfter(text: string, index: number): string {
  return /^\s*([\p{L}\p{N}'’-]+)/u.exec(text.slice(index))?.[1] ?? "";
}

/** Where the named group starts and ends in the sentence; the whole match when the group did not take part. */
export function groupRange(match: RegExpExecArray, group: string): [number, number] {
  const range = match.indices?.groups?.[group] ?? match.indices?.[0];
  if (range === undefined) throw new Error(`times: pattern ${String(match)} was not run with the "d" flag`);
  return range;
}

/**
 * "اليوم التالي" (the next day), "اليوم نفسه" (the same day), "اليوم الأول":
 * after "اليوم" an adjective or "نفسه"/"ذاته" makes it "the day" of the story,
 * not today.
 */
export function arabicDayIsAnaphoric(text: string, end: number): boolean {
  return /^\s+(?:ال|[نذ]فسه|ذاته)/u.test(text.slice(end)) && !/^\s+(?:الجاري|الحالي)/u.test(text.slice(end));
}
