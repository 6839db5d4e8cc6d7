/**
 * Chrono-node's casual parser for the document's language, against the
 * reference day at 12:00 UTC with time zone 0, so that every component chrono
 * computes is in the publication's calendar whatever the machine's zone;
 * values are read from the components, never from a `Date` chrono builds.
 * Languages without a parser get chrono's English one, for ISO-like dates
 * only (see `chrono-false-positives.ts`).
 *
 * Precision: 1 when chrono is certain of the day; 3, dated by the 1st, when
 * only the month is certain ("le mois dernier", "in March"); 3, dated by
 * 1 January, when only the year is ("last year"). A result certain of none
 * of them is dropped: chrono dates a bare "evening", "le soir", "صباحا" or
 * "this week" as today, and the rules read the ones that mean it. A range is dated by its start and widened to 2
 * when it spans more than two days, 3 more than a week. A clock time joined
 * to a date by chrono ("hier à 10h") stays in the span; alone it is dropped.
 *
 * Without a reference day, chrono still needs one: each sentence is parsed
 * against two distant days, and a result that dates the same under both
 * names its own date ("13 mai 2015"); the others are unanchored.
 *
 * A sentence in which chrono can find no date kept here
 * (`chrono-prefilter.ts`) is not parsed at all, and one that passes meets
 * only the parsers that can match it (`chrono-parsers.ts`).
 */
import * as chrono from "chrono-node";
import type { ParsedComponents, ParsedResult } from "chrono-node";
import { daysBetween, type Anchoring, type Dated, dated, type Precision, utcDay } from "../calendar.js";
import type { RuleInput, TimeCandidate } from "../candidate.js";
import { isChronoFalsePositive } from "./chrono-false-positives.js";
import { CHRONO_GATES, gatedChrono, type ChronoParser } from "./chrono-parsers.js";
import { CHRONO_DATE_PREFILTERS } from "./chrono-prefilter.js";

const RULE = "chrono";

const ENGLISH = gatedChrono(chrono.en.casual, CHRONO_GATES.en);
const PARSERS: Readonly<Record<RuleInput["language"], ChronoParser>> = {
  fr: gatedChrono(chrono.fr.casual, CHRONO_GATES.fr),
  en: ENGLISH,
  ar: gatedChrono(chrono.ar.casual, CHRONO_GATES.ar),
  other: ENGLISH,
};

/** Two far-apart days of different years, months and weekdays, to tell absolute results from relative ones. */
const PROBES = [utcDay(2001, 3, 10), utcDay(2011, 8, 23)] as const;

const CHRONO_TYPOGRAPHY = /[’ʼ\u00a0\u202f\u2009]/u;

/**
 * Typography chrono's patterns do not expect, replaced one code unit by one so
 * that offsets stay those of the text: curly apostrophes ("aujourd’hui") and
 * non-breaking spaces.
 */
export function chronoText(text: string): string {
  // Most sentences have none: they are passed on as they are, without two passes of replacing.
  if (!CHRONO_TYPOGRAPHY.test(text)) return text;
  return text.replace(/[’ʼ]/gu, "'").replace(/[\u00a0\u202f\u2009]/gu, " ");
}

/** A chrono result and where its text lies in the sentence. */
interface Found {
  index: number;
  text: string;
  result: ParsedResult;
}

function parse(input: RuleInput, day: Date): Found[] {
  const reference = { instant: new Date(day.getTime() + 12 * 3_600_000), timezone: 0 };
  const parser = PARSERS[input.language];
  const text = chronoText(input.text);
  return parser.parse(text, reference).flatMap((result): Found[] => {
    if (!namesTwoDays(result)) return [{ index: result.index, text: result.text, result }];
    // Chrono joined two expressions across a comma ("mercredi dernier, hier"): read each piece alone.
    return [...result.text.matchAll(/[^,،]+/gu)].flatMap((piece) =>
      parser.parse(piece[0], reference).map((alone) => ({ index: result.index + piece.index + alone.index, text: alone.text, result: alone })),
    );
  });
}

/** A weekday and a day that falls on another weekday: two expressions chrono merged into one. */
function namesTwoDays(result: ParsedResult): boolean {
  const start = result.start;
  if (!start.isCertain("weekday") || !start.isCertain("day")) return false;
  return utcDay(start.get("year") ?? 0, start.get("month") ?? 1, start.get("day") ?? 1).getUTCDay() !== start.get("weekday");
}

function dayOf(components: ParsedComponents, precision: Precision): Date {
  const year = components.get("year") ?? 0;
  if (precision === 1) return utcDay(year, components.get("month") ?? 1, components.get("day") ?? 1);
  return components.isCertain("month") ? utcDay(year, components.get("month") ?? 1, 1) : utcDay(year, 1, 1);
}

function dateOf(result: ParsedResult): Dated | null {
  const start = result.start;
  let precision: Precision;
  if (start.isCertain("day")) precision = 1;
  else if (start.isCertain("month") || start.isCertain("year")) precision = 3;
  else return null;
  const first = dayOf(start, precision);
  // chrono sets `end` to null, not undefined, when there is no range.
  if (result.end && precision === 1) {
    const width = daysBetween(first, dayOf(result.end, 1));
    if (width > 7) precision = 3;
    else if (width > 2) precision = 2;
  }
  return dated(first, precision);
}

/** A piece of a result that only tells the time: "at 10 am", "10:30", "vers 10 h", "الساعة 10". */
const CLOCK_TIME = /^(?:at|around|about|à|vers|aux\s+alentours\s+de|الساعة|حوالي|نحو)?\s*[0-9٠-٩]{1,2}(?:\s*[:.hH]\s*[0-9٠-٩]{0,2})?\s*(?:am|pm|a\.m\.|p\.m\.|h|heures?|GMT|UTC)?$/iu;

/**
 * The result's span in the sentence, without the white space and punctuation
 * chrono sometimes takes at its edges, and without a clock time that chrono
 * joined to a date across a comma ("the past few days, at 10 am", "10:30,
 * yesterday"): the date stays, the time of day is not a date.
 */
function trimmed(found: Found): { start: number; end: number } {
  const pieces = [...found.text.matchAll(/[^,،]+/gu)].map((piece) => ({ start: found.index + piece.index, end: found.index + piece.index + piece[0].length, text: piece[0].trim() }));
  while (pieces.length > 1 && CLOCK_TIME.test(pieces[pieces.length - 1]?.text ?? "")) pieces.pop();
  while (pieces.length > 1 && CLOCK_TIME.test(pieces[0]?.text ?? "")) pieces.shift();
  let start = pieces[0]?.start ?? found.index;
  let end = pieces[pieces.length - 1]?.end ?? found.index;
  const at = (offset: number): string => found.text[offset - found.index] ?? "";
  while (end > start && /[\s,;:.(]/u.test(at(end - 1))) end--;
  while (start < end && /[\s,;:(]/u.test(at(start))) start++;
  // Chrono's Arabic patterns take the preposition "في" in; the rules leave prepositions out.
  const preposition = /^في\s+/u.exec(found.text.slice(start - found.index));
  if (preposition && start + preposition[0].length < end) start += preposition[0].length;
  return { start, end };
}

function candidates(input: RuleInput, founds: readonly Found[], anchoring: (found: Found, dated: Dated) => Anchoring): TimeCandidate[] {
  const candidates: TimeCandidate[] = [];
  for (const found of founds) {
    const span = trimmed(found);
    if (span.end <= span.start || isChronoFalsePositive(found.result, span, input)) continue;
    const date = dateOf(found.result);
    if (date === null) continue;
    const { value, precision } = anchoring(found, date);
    candidates.push({ start: input.offset + span.start, end: input.offset + span.end, rule: RULE, value, precision });
  }
  return candidates;
}

export function findChronoDates(input: RuleInput): TimeCandidate[] {
  return CHRONO_DATE_PREFILTERS[input.language].test(input.text) ? readChronoDates(input) : [];
}

/** What `findChronoDates` finds, without the pre-filter: chrono run on every sentence. */
export function readChronoDates(input: RuleInput): TimeCandidate[] {
  if (input.reference !== null) return candidates(input, parse(input, input.reference), (_found, date) => date);
  const key = (found: Found): string => `${found.index}:${found.text}`;
  // The second probe only matters for a result the first kept: most sentences are parsed once.
  let other: Map<string, Found> | null = null;
  return candidates(input, parse(input, PROBES[0]), (found, date) => {
    other ??= new Map(parse(input, PROBES[1]).map((twin) => [key(twin), twin]));
    const twin = other.get(key(found));
    const twinDate = twin === undefined ? null : dateOf(twin.result);
    return twinDate !== null && twinDate.value === date.value && twinDate.precision === date.precision ? date : { value: null, precision: null };
  });
}
