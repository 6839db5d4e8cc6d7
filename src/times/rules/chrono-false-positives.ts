/**
 * Chrono results that are not dates of anything, found by trying chrono on
 * news sentences in the three languages: clock times alone ("à 10", "at 3",
 * "il a 20 ans" read as 20:00), "now", weekdays without a date (the weekday
 * rule reads those), months without a cue ("the March on Rome", "Black
 * September", "a march"), a word run into a name or cut out of a word
 * ("matin" of "matinée"), days relative to the story ("the next day", "la
 * veille"), "اليوم" meaning "the day"
 * ("اليوم التالي"), vague spans of years ("منذ سنوات"). For languages without
 * rules only ISO-like dates are kept.
 */
import type { ParsedComponents, ParsedResult } from "chrono-node";
import type { RuleInput } from "../candidate.js";
import { arabicDayIsAnaphoric, wordBefore } from "../patterns.js";
import { foldKey } from "../../text/normalise/index.js";

/** Words before an English month alone that make it a date ("in March", "since June"). Source: curated by the project. */
const ENGLISH_MONTH_CUES: ReadonlySet<string> = new Set(["in", "since", "until", "till", "by", "early", "mid", "late", "last", "this", "next", "during", "through", "throughout", "of", "from", "before", "after", "to", "and"]);

/** Days named relative to the story, not to the day of writing: chrono reads them against the publication day. */
const ANAPHORIC_DAY = /^(?:(?:the\s+)?(?:next|following|previous)\s+day|(?:la\s+)?veille|(?:le\s+)?lendemain)$/iu;

const certain = (components: ParsedComponents, ...names: Parameters<ParsedComponents["isCertain"]>[0][]): boolean => names.some((name) => components.isCertain(name));

/** `span` is the result's span in the sentence, trimmed of the spaces and punctuation chrono sometimes takes. */
export function isChronoFalsePositive(result: ParsedResult, span: { start: number; end: number }, input: RuleInput): boolean {
  const { start: components } = result;
  const text = input.text.slice(span.start, span.end);
  if (input.language === "other") return !/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/.test(text);
  if (/[\p{L}\p{N}]/u.test(input.text[span.start - 1] ?? "") || /[\p{L}\p{N}]/u.test(input.text[span.end] ?? "")) return true;
  if (result.tags().has("casualReference/now")) return true;
  if (ANAPHORIC_DAY.test(text)) return true;
  if (certain(components, "hour") && !certain(components, "year", "month", "day", "weekday")) return true;
  if (certain(components, "weekday") && !certain(components, "day")) return true;
  if (certain(components, "month") && !certain(components, "day", "year")) return monthLacksCue(text, span.start, input);
  if (input.language === "ar" && /^اليوم$/u.test(text) && arabicDayIsAnaphoric(input.text, span.end)) return true;
  if (input.language === "ar" && /^(?:منذ|قبل)\s+(?:سنوات|أعوام|أشهر|شهور|عقود|أسابيع)$/u.test(text)) return true;
  if (input.language !== "ar" && isInsideName(text, span, input.text)) return true;
  return false;
}

function monthLacksCue(text: string, start: number, input: RuleInput): boolean {
  // The arabic-date rule reads every Arabic month, with the cues and the ambiguous names it knows.
  if (input.language !== "en") return true;
  if (!/^\p{Lu}/u.test(text)) return true;
  return !ENGLISH_MONTH_CUES.has(foldKey(wordBefore(input.text, start)).replace(/-$/, ""));
}

/** A capitalised one-word result inside a sentence, next to another capitalised word: part of a name ("Black September"). */
function isInsideName(text: string, span: { start: number; end: number }, sentence: string): boolean {
  if (/\s/u.test(text) || !/^\p{Lu}/u.test(text) || sentence.slice(0, span.start).trim() === "") return false;
  const before = /(\S+)\s+$/u.exec(sentence.slice(0, span.start))?.[1] ?? "";
  const beforeIsFirst = sentence.slice(0, span.start).trim() === before;
  return (/^\p{Lu}/u.test(before) && !beforeIsFirst) || /^\s+\p{Lu}/u.test(sentence.slice(span.end));
}
