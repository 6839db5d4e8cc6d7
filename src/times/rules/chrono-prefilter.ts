/**
 * Sentences chrono can find nothing in, told apart before chrono runs: most
 * sentences of a report name no date, and chrono tries some twenty patterns
 * on each. A sentence that fails its language's pre-filter gets no chrono
 * result, so skipping it changes nothing.
 *
 * Each pre-filter is the union of what each pattern of chrono's casual
 * parser for the language (chrono-node 2.10, parsed as `chrono.ts` parses:
 * no `forwardDate`) cannot match without. Refiners only merge, extend or drop
 * the parsers' results, so a sentence no parser matches has no result.
 *
 * - A digit: every numeric pattern (ISO, slashes, clock times, years).
 * - A month or weekday name, or a word of the day ("now", "tonight",
 *   "noon", "hier", "demain", "أمس", "الليلة"…), each followed by what the
 *   pattern lets follow it (a sign, a space, the end, or for an English
 *   month an ordinal run on to it: "mayfirst").
 * - A count and a unit ("two days", "the week", "quelques jours"; English
 *   "s", "m", "h", "d", "w", "y" are units too), after the words that open
 *   the relative patterns ("in", "for", "this", "last", "next", "les",
 *   "dans"…) or before the words that close them ("ago", "later"), as the
 *   patterns join them.
 * - Arabic: the prepositions the unit patterns start with (منذ, قبل, بعد,
 *   خلال…) or end with (مضت, لاحقا).
 *
 * Chrono may start a match inside a word (it re-reads the text from where a
 * rejected match began), so nothing is required before a word; what follows
 * a word is, when the pattern requires it: a lookahead sees the text as it is.
 * `chrono-prefilter.test.ts` checks each pre-filter against chrono itself, on
 * written sentences and on thousands of generated ones.
 *
 * Sentences in other languages are read with the English parser and keep
 * only ISO dates (`chrono-false-positives.ts`): a digit is enough to tell.
 */
import type { RuleInput } from "../candidate.js";

/** Not an ASCII letter, digit or underscore next: chrono's `(?=\W|$)` without the `u` flag. */
const NOT_WORD = "(?![A-Za-z0-9_])";
/** Not a letter, digit or underscore next: chrono's Arabic `(?=[^\p{L}\p{N}_]|$)`. */
const NOT_LETTER = "(?![\\p{L}\\p{N}_])";

const EN_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const EN_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty";
const EN_WEEKDAYS = "sunday|sun|monday|mon|tuesday|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|weekend|weekday";
const EN_UNITS = "quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y";
/** Chrono's English count: number words, digits, "half (an)", "a (few)", "few", "several", "the", "(a) couple (of)". */
const EN_COUNT = "(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|[0-9]+|[0-9]+\\.[0-9]+|half(?:\\s{0,2}an?)?|an?\\b(?:\\s{0,2}few)?|few|several|the|a?\\s{0,2}couple\\s{0,2}(?:of)?)";
const EN_COUNTED_UNIT = `(?:(?:about|around)\\s{0,3})?${EN_COUNT}\\s{0,3}(?:${EN_UNITS})`;

/** Where chrono's English parsers can start reading a date, not only a weekday or a time of day: months, days, counted units. */
const ENGLISH_DATE_WORDS = [
  `(?:${EN_MONTHS})(?:${NOT_WORD}|(?=${EN_ORDINALS}))`,
  // A night is a date only as "last night", a month alone only at its end; "now" is none (`ENGLISH_WEEKDAYS_AND_TIMES`).
  `(?:today|tonight|tomorrow|overmorrow|tmrw?|yesterday|last\\s*night|(?:last\\s+day|end)\\s+of\\s+(?:the\\s+)?month)${NOT_WORD}`,
  // "within an hour", "in two weeks", "next few days", "last 3 months": the first unit ends the match or another
  // count and unit follow. "for the <unit>" is a match chrono itself rejects.
  `(?:in|for(?!\\s*the)|this|last|past|next|after|\\+|-)\\s*(?:(?:about|around|roughly|approximately|just)\\s*(?:~\\s*)?)?${EN_COUNTED_UNIT}(?:${NOT_WORD}|(?=\\s{0,5},?(?:\\s*and)?\\s{0,5}${EN_COUNTED_UNIT}))`,
  // A weekday run into "this week", "of next week" leaves "this week" to these lines. "this" dates only a month or a
  // year (chrono's relative-date parser implies the rest), or a week, month or year whose end or last day is asked for.
  `(?:last|past|next|after\\s*this)\\s*(?:${EN_UNITS})${NOT_WORD}`,
  `this\\s*(?:months|month|years|year)${NOT_WORD}`,
  `(?:last\\s+day|end)\\s+of\\s+(?:the\\s+)?this\\s*(?:week|month|year)`,
];
/**
 * Where chrono's parsers can start reading only what is no date alone: a
 * weekday or a time of day, a night or a month; "this week" or a smaller unit,
 * whose day chrono's relative-date parser only implies (it is certain of a
 * month or a year, as "this month", "this year", and of "next week");
 * and "now", the instant of the reference, tagged `casualReference/now`,
 * which `chrono-false-positives.ts` drops. What chrono's English refiners join
 * to them keeps nothing of them or passes by itself: a range dates by its
 * earlier side, which must then be certain of a date on its own, and keeps
 * "now"'s tag; the date-and-time refiner never takes "now" (it is certain of
 * the hour) and gives "this week at 10" no more than the hour; the two that
 * make a new result need a part that passes ("now +2 days": a sign, a count
 * and a unit; "two days before now": a count, a unit and the closing word);
 * "end of this week" passes (`ENGLISH_DATE_WORDS`); and the weekday refiner,
 * which copies "now" without its tag ("Friday, now"), needs a weekday before
 * it (`WEEKDAY_THEN_NOW`).
 */
const ENGLISH_WEEKDAYS_AND_TIMES = [`(?:${EN_WEEKDAYS})${NOT_WORD}`, `(?:now|night|month|morning|afternoon|evening|midday|noon)${NOT_WORD}`, `this\\s*(?:${EN_UNITS})${NOT_WORD}`];

/** What the English pre-filter looks for besides digits, all in one search. */
const ENGLISH_WORDS = new RegExp([...ENGLISH_DATE_WORDS, ...ENGLISH_WEEKDAYS_AND_TIMES].join("|"), "i");
const ENGLISH_DATE_WORDS_ONLY = new RegExp(ENGLISH_DATE_WORDS.join("|"), "i");
/**
 * "Friday, now": chrono's weekday refiner gives "now" the weekday on a copy
 * without its tag (`ENGLISH_WEEKDAYS_AND_TIMES`). Any weekday before "now"
 * in the sentence will do, as chrono reads one ("Friday", "tue.", or run into
 * "this week": "tuethisweek"), searched only in a sentence with "now".
 */
const NOW = new RegExp(`now${NOT_WORD}`, "i");
const WEEKDAY_THEN_NOW = new RegExp(`(?:${EN_WEEKDAYS})(?:${NOT_WORD}|(?=of|this|last|past|next))[\\s\\S]*now${NOT_WORD}`, "i");
/** "two days ago", "a week later": the closing word, then the count and unit before it (a slow search, so second). */
const ENGLISH_CLOSING = new RegExp(`(?:ago|before|earlier|later|after|from now|henceforth|forward|out)${NOT_WORD}`, "i");
const ENGLISH_COUNTED_CLOSING = new RegExp(`${EN_COUNT}\\s{0,3}(?:${EN_UNITS})\\s{0,5}(?:ago|before|earlier|later|after|from now|henceforth|forward|out)${NOT_WORD}`, "i");

const FR_COUNTS = "quatre|treize|trois|douze|deux|cinq|sept|huit|neuf|onze|six|dix|un|une|quelques?|demi-?";
const FR_MODIFIERS = "prochaine?s?|derni[eè]re?s?|pass[ée]e?s?|pr[ée]c[ée]dents?|suivante?s?";
const FR_UNITS = "trimestres|trimestre|secondes|semaines|seconde|minutes|semaine|minute|heures|années|heure|jours|année|mins|jour|mois|sec|min|hrs|ans|hr|h";
const FR_WEEKDAYS = "dimanche|mercredi|vendredi|samedi|lundi|mardi|jeudi|dim|lun|mar|mer|jeu|ven|sam";

/** Months count only with a day number in chrono's French parser: digits, then these. */
const FRENCH_WORDS = new RegExp(
  [
    // "les trois derniers jours", "la semaine prochaine", "il y a deux ans", "dans une heure"; a modifier may run on.
    `(?:les?|la|l['’ʼ]|du|des?|${FR_COUNTS}|${FR_MODIFIERS})\\s*(?:${FR_UNITS})(?:${NOT_WORD}|(?=prochain|derni|pass|pr[ée]c|suivant))`,
    `(?:matin|soir|midi|aprem|minuit|maintenant|hui|demain|hier|nuit|veille)${NOT_WORD}`,
    `(?:${FR_WEEKDAYS})(?:(?![A-Za-z_])|(?=dernier|prochain))`,
  ].join("|"),
  "i",
);

const AR_MONTHS = "كانون الثاني|تشرين الثاني|تشرين الأول|تشرين الاول|كانون الأول|كانون الاول|فبراير|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|حزيران|يناير|أبريل|ابريل|يونيو|يوليو|أغسطس|اغسطس|نيسان|أيلول|ايلول|مارس|مايو|شباط|آذار|اذار|أيار|ايار|تموز|آب|اب";
const AR_WEEKDAYS = "الثلاثاء|الأربعاء|الاربعاء|الإثنين|الاثنين|ثلاثاء|أربعاء|اربعاء|الخميس|الجمعة|الأحد|الاحد|إثنين|اثنين|السبت|خميس|جمعة|أحد|احد|سبت";

const ARABIC_WORDS = new RegExp(
  [
    `(?:${AR_MONTHS})${NOT_LETTER}`,
    `(?:${AR_WEEKDAYS})${NOT_LETTER}`,
    `(?:الشهر|الاسبوع|الأسبوع|العام|السنة|الآن|الان|حاليا|اليوم|غدا?|بكر[ةا])${NOT_LETTER}`,
    // Parts of the day and "yesterday", in every form chrono reads them.
    "أمس|امس|البارحة|مساء|ليل|منتصف|صباح|ظهر|عصر",
    // What opens or closes chrono's patterns of counted units: "منذ يومين", "خلال أسبوع", "بعد ساعة", "ساعتين مضت".
    "منذ|قبل|بعد|خلال|غضون|ظرف|مضت|سابقا|لاحقا|الآن",
  ].join("|"),
  "iu",
);

const DIGIT = /[0-9]/;
const ARABIC_OR_LATIN_DIGIT = /[0-9٠-٩]/;

/** Passes a sentence chrono may find something in. */
export interface ChronoPrefilter {
  test(text: string): boolean;
}

/** Whether an English text has what chrono's patterns other than the numeric ones cannot match without. */
function hasEnglishWords(text: string, words: RegExp): boolean {
  return words.test(text) || (ENGLISH_CLOSING.test(text) && ENGLISH_COUNTED_CLOSING.test(text));
}

/** Digits first: a plain search for them is the quickest way through a sentence. */
export const CHRONO_PREFILTERS: Readonly<Record<RuleInput["language"], ChronoPrefilter>> = {
  en: { test: (text) => DIGIT.test(text) || hasEnglishWords(text, ENGLISH_WORDS) },
  fr: { test: (text) => DIGIT.test(text) || FRENCH_WORDS.test(text) },
  ar: { test: (text) => ARABIC_OR_LATIN_DIGIT.test(text) || ARABIC_WORDS.test(text) },
  other: DIGIT,
};

/**
 * Two digits joined as chrono's English numeric date patterns join them: by
 * a slash, period or hyphen ("5/12", "13.05", "2015-05-13") or by white
 * space ("2015 05 13", year first); or a word run on to a number
 * ("january1999"), which the English words leave to the digits.
 */
const ENGLISH_DATE_DIGITS = /[0-9][/.\-\s][0-9]|[A-Za-z][0-9]/;

/**
 * Sentences in which chrono may find a date that `chrono.ts` keeps, which
 * for English is fewer than those it finds anything in. Chrono reads any
 * number up to 24 as a clock time ("12 people", "a 19-year-old"), so most
 * sentences with a digit pass the pre-filter; but a result certain of nothing
 * but the time of day is dropped (`chrono-false-positives.ts`), and refiners
 * join a clock time to a date without ever making one. Where the English
 * words fail, digits are chrono's only way in, and of its patterns only the
 * numeric dates (ISO, slashes, year-month-day) and words run on to a number
 * give anything kept. Likewise a weekday ("said Monday") or a time of day
 * ("at night") without a date is no date kept: chrono is certain of the
 * weekday or the hour, never of the day, and the weekday and part-of-day
 * rules read them; nor is "now" (`ENGLISH_WEEKDAYS_AND_TIMES`), which most
 * sentences that pass for a word alone have ("is now", "now in its third
 * year"). `chrono-prefilter.test.ts` holds this to the rule itself.
 */
export const CHRONO_DATE_PREFILTERS: Readonly<Record<RuleInput["language"], ChronoPrefilter>> = {
  ...CHRONO_PREFILTERS,
  en: { test: (text) => ENGLISH_DATE_DIGITS.test(text) || hasEnglishWords(text, ENGLISH_DATE_WORDS_ONLY) || (NOW.test(text) && WEEKDAY_THEN_NOW.test(text)) },
};
