/**
 * Chrono's casual parser for a language, each of its parsers run only on
 * texts it can match. Chrono runs every parser of its configuration over the
 * whole of every text, one search each, and most of them need a word that a
 * sentence seldom has: a month, a weekday, "ago", "tonight". Here each
 * parser has a gate, an expression that every text the parser matches
 * contains (a word its pattern cannot match without, with the pattern's own
 * flags); a text is parsed by a Chrono of the parsers whose gates pass and
 * the language's refiners, in chrono's order. A parser left out would have
 * found nothing, and refiners see only the results, so the results are
 * chrono's own. `chrono-parsers.test.ts` holds each gate to its parser.
 *
 * Parsers are told by their place in chrono's list and their class name; if
 * chrono's list is not the one below (another release), every parser runs
 * on every text, as in chrono.
 */
import * as chrono from "chrono-node";
import type { ParsedResult, ParsingReference } from "chrono-node";
import type { TimesLanguage } from "../lexicon.js";

/** A parser of the casual configuration, by class name, and what every text it matches contains; null: no gate. */
type Gate = readonly [parser: string, needs: RegExp | null];

const DIGIT = /[0-9]/;
/** Every English month name and abbreviation chrono reads holds one of these. */
const EN_MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/**
 * Gates in the order of chrono-node 2.10's casual parsers. A parser whose
 * pattern any sentence can meet (French "dans|en|de" before "un" and a unit
 * that may be "h") has none.
 */
export const CHRONO_GATES: Readonly<Record<TimesLanguage, readonly Gate[]>> = {
  en: [
    ["ENYearMonthDayParser", DIGIT],
    ["ISOFormatParser", DIGIT],
    ["SlashDateFormatParser", DIGIT],
    ["ENTimeUnitWithinFormatParser", /in|for/i],
    ["ENMonthNameLittleEndianParser", EN_MONTH],
    ["ENMonthNameMiddleEndianParser", EN_MONTH],
    ["ENWeekdayParser", /sun|mon|tue|wed|thu|fri|sat|week/i],
    ["ENSlashMonthFormatParser", DIGIT],
    ["ENTimeExpressionParser", DIGIT],
    ["ENTimeUnitAgoFormatParser", /ago|before|earlier/i],
    ["ENTimeUnitLaterFormatParser", /later|after|from now|henceforth|forward|out/i],
    ["ENYearMonthNameParser", EN_MONTH],
    ["ENCasualDateParser", /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i],
    ["ENCasualTimeParser", /morning|afternoon|evening|night|midday|noon/i],
    ["ENEndOfCurrentMonthParser", /month/i],
    ["ENMonthNameParser", EN_MONTH],
    ["ENRelativeDateFormatParser", /this|last|past|next/i],
    ["ENTimeUnitCasualRelativeFormatParser", /this|last|past|next|after|[+-]/i],
  ],
  fr: [
    // The relative parser (chrono names its class as the "il y a" one's): an article and a unit, such as "h".
    ["FRTimeUnitAgoFormatParser", null],
    ["FRCasualTimeParser", /matin|soir|aprem|midi|minuit/i],
    ["FRCasualDateParser", /maintenant|aujourd'hui|demain|hier|nuit|veille/i],
    ["ISOFormatParser", DIGIT],
    ["SlashDateFormatParser", DIGIT],
    ["FRMonthNameLittleEndianParser", DIGIT],
    ["FRTimeExpressionParser", DIGIT],
    ["FRSpecificTimeExpressionParser", DIGIT],
    ["FRTimeUnitAgoFormatParser", /il y a/i],
    ["FRTimeUnitWithinFormatParser", null],
    ["FRWeekdayParser", /dim|lun|mar|mer|jeu|ven|sam/i],
  ],
  ar: [
    ["ARRelativeDateFormatParser", null],
    ["ARMonthNameParser", null],
    ["ARCasualTimeParser", null],
    ["ARCasualDateParser", null],
    ["ISOFormatParser", DIGIT],
    ["SlashDateFormatParser", DIGIT],
    ["ARTimeUnitWithinFormatParser", null],
    ["ARMonthNameLittleEndianParser", null],
    ["ARWeekdayParser", null],
    ["ARTimeExpressionParser", /[0-9٠-٩]/u],
    ["ARTimeUnitAgoFormatParser", null],
    ["ARTimeUnitLaterFormatParser", null],
  ],
};

export interface ChronoParser {
  parse(text: string, reference: ParsingReference): ParsedResult[];
}

/** `casual`, with its parsers gated by `gates` when they line up with them. */
export function gatedChrono(casual: chrono.Chrono, gates: readonly Gate[]): ChronoParser {
  const { parsers, refiners } = casual;
  if (!gatesFit(parsers, gates)) return casual;
  // Each distinct gate is tested once per text, however many parsers share it.
  const distinct = [...new Set(gates.flatMap(([, needs]) => (needs === null ? [] : [needs])))];
  const gateOf = gates.map(([, needs]) => (needs === null ? -1 : distinct.indexOf(needs)));
  const byParsers = new Map<number, chrono.Chrono>();
  return {
    parse(text, reference) {
      const passed = distinct.map((needs) => needs.test(text));
      let chosen = 0;
      gateOf.forEach((gate, i) => {
        if (gate === -1 || passed[gate] === true) chosen |= 1 << i;
      });
      let gated = byParsers.get(chosen);
      if (gated === undefined) byParsers.set(chosen, (gated = new chrono.Chrono({ parsers: parsers.filter((_, i) => (chosen & (1 << i)) !== 0), refiners })));
      return gated.parse(text, reference);
    },
  };
}

/** Whether `gates` name chrono's parsers one for one, and few enough for a 31-bit set. */
export function gatesFit(parsers: readonly chrono.Parser[], gates: readonly Gate[]): boolean {
  return parsers.length === gates.length && parsers.length <= 31 && parsers.every((parser, i) => parser.constructor.name === gates[i]?.[0]);
}
