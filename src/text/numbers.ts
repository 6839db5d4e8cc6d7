/**
 * Number expressions in English, French and Arabic: digits in either script
 * with the language's separators ("1,200", "1 200", "1.200" in French, "١٢"),
 * number words and their compounds ("twenty-three", "quatre-vingt-dix",
 * "ثلاثة وعشرون"), vague quantities ("dozens", "une dizaine", "عشرات") and
 * the modifiers that turn a number into a range or a floor ("at least",
 * "plus de", "بين … و…").
 *
 * Every expression is a range [low, high]. For vague and approximate wording
 * `low` is the figure ACLED's coders record, which is its most conservative
 * reading: 10 for "tens", 12 for "dozens", 100 for "hundreds" (ACLED's
 * "Fatalities" FAQ), and 10 for "several" and "many" (ACLED's figure for
 * fatalities reported without a number, as the project applies it). So `low`
 * is a coding convention, not always a floor: "several" may be three. `high` is the
 * largest figure the wording allows; when the wording only gives a floor
 * ("at least 12", "more than 20") nothing bounds it, so `high` equals `low`
 * and `by` says it is a floor. Choices of the project, where ACLED has none,
 * are documented beside VAGUE and MODIFIERS.
 *
 * Not quantities, and so not returned: years, days of the month, times of
 * day, ordinals ("5th", "1er"), digits glued to letters (M23, G5, F-16, 5km),
 * numbers after a word that introduces an identifier ("Resolution 2254") and
 * dates written with slashes or colons.
 */
import type { Span } from "../model/span.js";
import { foldKey } from "./normalise/index.js";
import { arabicStemCandidates } from "./segment/index.js";

export interface NumberExpression extends Span {
  text: string;
  low: number;
  high: number;
  by: string;
}

export interface NumberFinderOptions {
  /**
   * Nouns, in any form and language, that make the word before them a count:
   * "a"/"an"/"un"/"une" directly before one reads as 1 ("a soldier"), and a
   * four-digit number before one is a count, not a year ("2000 displaced").
   * Added to a small built-in list of words for people and casualties.
   */
  countedNouns?: Iterable<string>;
}

export type NumberFinder = (text: string, language: string, range?: Span) => NumberExpression[];

/** A text read into pieces, and its number expressions. */
export interface NumberScan {
  /**
   * The key of every reading of every piece read (a run of letters, of
   * digits, a sign): for a word its fold key, and an Arabic word's without
   * each of its proclitics. A caller that looks words up next can tell from
   * these alone that none of its words is there, and need not ask for the
   * numbers.
   */
  keys: string[];
  /** The number expressions, worked out on the first call. */
  numbers(): NumberExpression[];
}

export type NumberScanner = (text: string, language: string, range?: Span) => NumberScan;

/** Builds a finder once (folding its word lists) for repeated use. */
export function createNumberFinder(options: NumberFinderOptions = {}): NumberFinder {
  const scanNumbers = createNumberScanner(options);
  return (text, language, range) => scanNumbers(text, language, range).numbers();
}

/** Like `createNumberFinder`, and gives the keys of what it read first. */
export function createNumberScanner(options: NumberFinderOptions = {}): NumberScanner {
  const counted = new Set([...COUNTED_NOUNS, ...(options.countedNouns ?? [])].map(foldKey));
  return (text, language, range) => {
    const langs = languagesOf(language);
    const pieces = scan(text, checkedRange(text, range), langs.length === 1 ? (langs[0] as Lang) : "en");
    const keys: string[] = [];
    for (const piece of pieces) for (const reading of piece.readings) keys.push(reading.key);
    let numbers: NumberExpression[] | null = null;
    return { keys, numbers: () => (numbers ??= numbersIn(text, langs, pieces, counted)) };
  };
}

/** Every number expression in `text`, or within `range` of it; offsets are into `text`. */
export function findNumbers(text: string, language: string, range?: Span): NumberExpression[] {
  return defaultFinder(text, language, range);
}

// ---------------------------------------------------------------------------
// Word lists. Keys are written naturally and folded when the tables are built.

type Lang = "en" | "fr" | "ar";
const LANGS: readonly Lang[] = ["en", "fr", "ar"];

type WordType =
  /** "a", "un": one, but only before a multiplier ("a hundred", "un million"). */
  | "article"
  | "unit"
  /** Ten: "ten", "dix", "عشرة"; French "dix" takes 7–9 after it, Arabic "عشر" makes teens after a unit. */
  | "ten"
  | "teen"
  | "tens"
  /** Arabic أحد/اثنا: one and two, only before عشر ("أحد عشر"). */
  | "teen-unit"
  | "hundred"
  /** Arabic hundreds written as one word: مئتان, ثلاثمئة. */
  | "hundreds"
  | "scale"
  /** Arabic duals of a scale: ألفان, مليونان. */
  | "scale-dual"
  | "dozen";

interface NumberWord {
  value: number;
  type: WordType;
}

const words = (type: WordType, entries: Record<string, number>): Array<[string, NumberWord]> =>
  Object.entries(entries).map(([word, value]) => [word, { value, type }]);

const NUMBER_WORDS: Record<Lang, ReadonlyMap<string, NumberWord>> = {
  en: foldedMap([
    ...words("article", { a: 1, an: 1 }),
    ...words("unit", { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 }),
    ...words("ten", { ten: 10 }),
    ...words("teen", { eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 }),
    ...words("tens", { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }),
    ...words("hundred", { hundred: 100 }),
    ...words("scale", { thousand: 1e3, million: 1e6, billion: 1e9 }),
    ...words("dozen", { dozen: 12 }),
  ]),
  fr: foldedMap([
    ...words("article", { un: 1, une: 1 }),
    ...words("unit", { zéro: 0, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9 }),
    ...words("ten", { dix: 10 }),
    ...words("teen", { onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16 }),
    ...words("tens", { vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90 }),
    ...words("hundred", { cent: 100, cents: 100 }),
    ...words("scale", { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 }),
  ]),
  ar: foldedMap([
    ...words("unit", {
      واحد: 1, واحدة: 1, اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2, ثلاث: 3, ثلاثة: 3, أربع: 4, أربعة: 4, خمس: 5, خمسة: 5,
      ست: 6, ستة: 6, سبع: 7, سبعة: 7, ثمان: 8, ثماني: 8, ثمانية: 8, تسع: 9, تسعة: 9,
    }),
    ...words("ten", { عشر: 10, عشرة: 10 }),
    ...words("teen-unit", { أحد: 1, إحدى: 1, اثنا: 2, اثني: 2, اثنتا: 2, اثنتي: 2 }),
    ...words("tens", {
      عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, أربعون: 40, أربعين: 40, خمسون: 50, خمسين: 50,
      ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
    }),
    ...words("hundred", { مئة: 100, مائة: 100 }),
    ...words("hundreds", {
      مئتان: 200, مئتين: 200, مائتان: 200, مائتين: 200, مئتا: 200, مائتا: 200, مئتي: 200, مائتي: 200,
      ثلاثمئة: 300, ثلاثمائة: 300, أربعمئة: 400, أربعمائة: 400, خمسمئة: 500, خمسمائة: 500, ستمئة: 600, ستمائة: 600,
      سبعمئة: 700, سبعمائة: 700, ثمانمئة: 800, ثمانمائة: 800, ثمانيمئة: 800, ثمانيمائة: 800, تسعمئة: 900, تسعمائة: 900,
    }),
    ...words("scale", { ألف: 1e3, ألفا: 1e3, آلاف: 1e3, مليون: 1e6, مليونا: 1e6, ملايين: 1e6, مليار: 1e9, مليارا: 1e9, مليارات: 1e9 }),
    ...words("scale-dual", { ألفان: 2e3, ألفين: 2e3, مليونان: 2e6, مليونين: 2e6 }),
  ]),
};

/** Scale words after digits: "1.5 million", "3 000 milliards", "10 آلاف". */
const DIGIT_SCALES: Record<Lang, ReadonlyMap<string, number>> = {
  en: foldedMap(Object.entries({ thousand: 1e3, million: 1e6, billion: 1e9 })),
  fr: foldedMap(Object.entries({ mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 })),
  ar: foldedMap(Object.entries({ ألف: 1e3, ألفا: 1e3, آلاف: 1e3, مليون: 1e6, مليونا: 1e6, ملايين: 1e6, مليار: 1e9, مليارات: 1e9 })),
};

/**
 * Vague quantities: [phrase, low, high, kind]. A `quantifier` ("several",
 * "quelques", "بضع") before a scale noun multiplies it ("several hundred" is
 * 200–999); a `plural` ("tens", "des centaines", "عشرات") before "thousands"
 * is multiplied by it ("tens of thousands" is 10 000–99 999).
 *
 * low: ACLED codes 10 for "tens", 12 for "dozens", 100 for "hundreds", "and
 * so on" (so 1 000 for "thousands"); 10 for "several" and "many" (see the
 * file's head). French
 * "des dizaines" and Arabic "عشرات" are literally "tens", so 10, not 12.
 * The project's choices where ACLED gives none: "a few"/"quelques"/"بضعة"
 * 3–9; "a couple" 2–3; "scores" 40–99 (at least two score). high: the most
 * the word allows before a larger one takes over ("dozens" ends where
 * "hundreds" begins, at 99); "several" 19, under a score.
 * French nouns of approximation ("une dizaine", "une centaine") are counted
 * from their number up by a fifth (10–12, 100–120), as "about N" is.
 */
type VagueKind = "quantifier" | "plural" | "approximate" | "single";
type VagueEntry = readonly [phrase: string, low: number, high: number, kind: VagueKind];

const APPROXIMATE_NOUNS: Record<string, number> = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100,
};

const VAGUE: Record<Lang, readonly VagueEntry[]> = {
  en: [
    ["a few", 3, 9, "quantifier"], ["several", 10, 19, "quantifier"], ["many", 10, 99, "quantifier"], ["numerous", 10, 99, "single"],
    ["multiple", 10, 19, "single"], ["a number", 10, 19, "single"], ["a couple", 2, 3, "single"], ["a handful", 3, 9, "single"],
    ["half a dozen", 6, 6, "single"], ["tens", 10, 99, "plural"], ["dozens", 12, 99, "plural"], ["scores", 40, 99, "plural"],
    ["hundreds", 100, 999, "plural"], ["thousands", 1e3, 9999, "plural"], ["millions", 1e6, 1e7 - 1, "plural"],
  ],
  fr: [
    ["quelques", 3, 9, "quantifier"], ["plusieurs", 10, 19, "quantifier"], ["de nombreux", 10, 99, "single"], ["de nombreuses", 10, 99, "single"],
    ["nombreux", 10, 99, "single"], ["nombreuses", 10, 99, "single"],
    ["des dizaines", 10, 99, "plural"], ["dizaines", 10, 99, "plural"], ["des douzaines", 12, 99, "plural"], ["douzaines", 12, 99, "plural"],
    ["des centaines", 100, 999, "plural"], ["centaines", 100, 999, "plural"], ["des milliers", 1e3, 9999, "plural"], ["milliers", 1e3, 9999, "plural"],
    ["des millions", 1e6, 1e7 - 1, "plural"],
    ...Object.entries(APPROXIMATE_NOUNS).flatMap(([noun, n]): VagueEntry[] => [[`une ${noun}`, n, aboutHigh(n), "approximate"], [noun, n, aboutHigh(n), "approximate"]]),
    ["un millier", 1e3, 1200, "approximate"], ["millier", 1e3, 1200, "approximate"],
  ],
  ar: [
    ["بضعة", 3, 9, "quantifier"], ["بضع", 3, 9, "quantifier"], ["عدة", 10, 19, "quantifier"], ["عدد من", 10, 19, "single"],
    ["العديد من", 10, 99, "single"], ["الكثير من", 10, 99, "single"],
    ["عشرات", 10, 99, "plural"], ["مئات", 100, 999, "plural"], ["آلاف", 1e3, 9999, "plural"], ["ملايين", 1e6, 1e7 - 1, "plural"],
  ],
};

/** Nouns a `quantifier` multiplies, and their value. */
const SCALE_NOUNS: Record<Lang, ReadonlyMap<string, number>> = {
  en: foldedMap(Object.entries({ dozen: 12, hundred: 100, hundreds: 100, thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6 })),
  fr: foldedMap(Object.entries({ dizaines: 10, douzaines: 12, centaines: 100, milliers: 1e3, millions: 1e6 })),
  ar: foldedMap(Object.entries({ عشرات: 10, مئات: 100, آلاف: 1e3, ملايين: 1e6 })),
};
/** Nouns that multiply a `plural` ("tens of thousands"). */
const PLURAL_SCALES: Record<Lang, ReadonlyMap<string, number>> = {
  en: foldedMap(Object.entries({ thousands: 1e3, millions: 1e6 })),
  fr: foldedMap(Object.entries({ milliers: 1e3, millions: 1e6 })),
  ar: foldedMap(Object.entries({ آلاف: 1e3, ملايين: 1e6 })),
};
const OF: Record<Lang, readonly string[]> = { en: ["of"], fr: ["de", "d'"], ar: [] };

/**
 * Words around a number that change what it says. Effects:
 * - at-least: a floor; high = low ("at least 12" is 12–12).
 * - more-than: low + 1, a floor too ("more than 20" is 21–21).
 * - less-than: 1 up to one less ("fewer than 10" is 1–9).
 * - up-to: 1 up to the number ("up to 30" is 1–30).
 * - about: the number up by a fifth ("about 100" is 100–120); ACLED codes
 *   the figure given, so low stays the number.
 * - nearly: the number itself; "nearly 100" is below 100, but ACLED codes 100.
 */
type Effect = "at-least" | "more-than" | "less-than" | "up-to" | "about" | "nearly";

const MODIFIERS_BEFORE: Record<Lang, Record<Effect, string[]>> = {
  en: {
    "at-least": ["at least", "no fewer than", "no less than", "a minimum of", "at the very least"],
    "more-than": ["more than", "over", "upwards of", "in excess of", "just over"],
    "less-than": ["fewer than", "less than", "under"],
    "up-to": ["up to"],
    about: ["about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "an approximate"],
    nearly: ["nearly", "almost", "close to", "as many as", "just under"],
  },
  fr: {
    "at-least": ["au moins", "pas moins de", "pas moins d'", "au minimum"],
    "more-than": ["plus de", "plus d'", "au-dela de", "au-dela d'"],
    "less-than": ["moins de", "moins d'"],
    "up-to": ["jusqu'a"],
    about: ["environ", "quelque", "approximativement", "autour de", "autour d'", "pres de", "pres d'", "a peu pres"],
    nearly: ["presque", "pas loin de", "pas loin d'", "quasiment"],
  },
  ar: {
    "at-least": ["ما لا يقل عن", "لا يقل عن", "ما لا يقل على"],
    "more-than": ["أكثر من", "ما يزيد عن", "ما يزيد على", "أزيد من", "يزيد عن", "ما يربو على", "ما يفوق"],
    "less-than": ["أقل من"],
    "up-to": ["حتى", "ما يصل إلى", "يصل إلى"],
    about: ["نحو", "حوالي", "حوالى", "زهاء", "ما يقارب", "ما يقرب من", "قرابة"],
    nearly: [],
  },
};
const MODIFIERS_AFTER: Record<Lang, Partial<Record<Effect, string[]>>> = {
  en: { "at-least": ["or more"], about: ["or so"] },
  fr: { about: ["environ"] },
  ar: { "at-least": ["على الأقل"], about: ["تقريبا"] },
};

/** Range words: "between A and B"; "A to B", "A-B", "A or B". */
const BETWEEN: Record<Lang, { start: string; and: string }> = {
  en: { start: "between", and: "and" },
  fr: { start: "entre", and: "et" },
  ar: { start: "بين", and: "و" },
};
const RANGE_LINKS: Record<Lang, readonly string[]> = {
  en: ["to", "or", "-", "–", "—"],
  fr: ["à", "a", "ou", "-", "–", "—"],
  ar: ["إلى", "الى", "أو", "او", "-", "–", "—"],
};
/** Links inside a compound number word: "hundred and five", "vingt et un", "ثلاثة وعشرون". */
const AND: Record<Lang, string> = { en: "and", fr: "et", ar: "و" };
const HYPHENS = new Set(["-", "‐", "‑"]);

/** Month names, to tell days ("12 March", "March 12") and years ("mars 2015") from counts. */
const MONTHS = new Set(
  [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
    "جانفي", "فيفري", "أفريل", "ماي", "جوان", "جويلية", "أوت",
  ].map(foldKey),
);
/** English month names are capitalised; "may" and "march" in lower case are a verb and a noun. */
const ENGLISH_MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]);

/** Words after which a number names something ("Resolution 2254", "article 5", "القرار 2254"). */
const IDENTIFIER_WORDS = new Set(
  [
    "resolution", "résolution", "article", "articles", "decree", "décret", "law", "loi", "number", "numéro", "no", "nº", "flight", "vol",
    "route", "highway", "road", "rn", "page", "chapter", "chapitre", "section", "paragraph", "paragraphe", "room", "line", "ligne",
    "brigade", "battalion", "bataillon", "regiment", "régiment", "division", "unit", "unité", "sector", "secteur", "zone", "phase", "level",
    "niveau", "code", "item", "point", "platform", "gate", "checkpoint", "kilometre", "kilometer", "kilomètre", "km", "pk",
    "قرار", "رقم", "المادة", "مادة", "طريق", "الطريق", "اللواء", "لواء", "الفرقة", "الكتيبة", "الفوج", "القطاع", "الكيلو", "الكيلومتر", "البند", "الفقرة",
  ].map(foldKey),
);

/**
 * Words for people and casualties, in every form: after "a"/"un"/"une" they
 * make a count of one, after a year-like number a count. The casualty stage
 * adds its own lexicon; this list keeps `findNumbers` useful alone.
 */
const COUNTED_NOUNS = [
  "person", "persons", "people", "man", "men", "woman", "women", "child", "children", "boy", "boys", "girl", "girls", "soldier", "soldiers",
  "civilian", "civilians", "policeman", "policemen", "officer", "officers", "fighter", "fighters", "militant", "militants", "rebel", "rebels",
  "gunman", "gunmen", "attacker", "attackers", "resident", "residents", "villager", "villagers", "protester", "protesters", "journalist",
  "journalists", "worker", "workers", "dead", "killed", "wounded", "injured", "deaths", "fatalities", "casualties", "victims", "bodies",
  "refugees", "displaced",
  "personne", "personnes", "homme", "hommes", "femme", "femmes", "enfant", "enfants", "soldat", "soldats", "militaire", "militaires", "civil",
  "civils", "policier", "policiers", "gendarme", "gendarmes", "combattant", "combattants", "rebelle", "rebelles", "assaillant", "assaillants",
  "habitant", "habitants", "villageois", "manifestant", "manifestants", "journaliste", "journalistes", "mort", "morts", "blessé", "blessés",
  "tué", "tués", "victime", "victimes", "décès", "réfugiés", "déplacés",
  "شخص", "شخصا", "أشخاص", "مدني", "مدنيا", "مدنيين", "جندي", "جنديا", "جنود", "عسكريا", "عسكريين", "طفل", "طفلا", "أطفال", "امرأة", "نساء",
  "رجل", "رجلا", "رجال", "قتيل", "قتيلا", "قتلى", "جريح", "جريحا", "جرحى", "شهيد", "شهيدا", "شهداء", "مصابا", "مصابين", "مواطن", "مواطنا",
  "مواطنين", "مسلحا", "مسلحين", "عنصرا", "عناصر", "لاجئ", "لاجئا", "لاجئين", "نازح", "نازحا", "نازحين",
];

// ---------------------------------------------------------------------------
// Pieces: words, digit groups and single signs, with Arabic proclitic readings.

interface Reading {
  key: string;
  /** Where this reading starts: after و ف ب ك ل when they were cut, at the article ال when it was. */
  start: number;
  /** A conjunction و or ف was cut: in a compound it links ("ثلاثة وعشرون"). */
  conjunction: boolean;
  /** The article was cut: "الخمسة" is still five, but "الأحد" is Sunday. */
  article: boolean;
}

interface Piece extends Span {
  kind: "word" | "digits" | "sign";
  text: string;
  key: string;
  readings: Reading[];
  /** Value of a digit group. */
  value: number;
}

const WESTERN_DIGITS: Record<"en" | "fr", RegExp> = {
  en: /[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?/y,
  fr: /[0-9]{1,3}(?:[ \u00a0\u202f.][0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?/y,
};
const EASTERN_DIGITS = /[٠-٩]{1,3}(?:[٬,][٠-٩]{3})+(?:[٫.][٠-٩]+)?|[٠-٩]+(?:[٫.][٠-٩]+)?|[۰-۹]{1,3}(?:[٬,][۰-۹]{3})+(?:[٫.][۰-۹]+)?|[۰-۹]+(?:[٫.][۰-۹]+)?/y;
/** A word; a French elided article or pronoun keeps its apostrophe ("l'", "d'", "jusqu'"), also at the end of a listed phrase. */
const WORD = /[\p{L}\p{M}]+(?:['’](?=\p{L}|$))?/uy;
const SIGN = /[^\s\p{L}\p{M}0-9٠-٩۰-۹]/uy;
const WHITE_SPACE = /\s+/uy;
const ARABIC = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;

function scan(text: string, range: Span, lang: Lang): Piece[] {
  const pieces: Piece[] = [];
  const digits = WESTERN_DIGITS[lang === "fr" ? "fr" : "en"];
  for (let at = range.start; at < range.end; ) {
    // An ASCII letter starts neither white space nor digits: most pieces of English and French text skip three patterns.
    const found = isAsciiLetter(text.charCodeAt(at)) ? null : (stickyMatch(WHITE_SPACE, text, at) ?? stickyMatch(digits, text, at) ?? stickyMatch(EASTERN_DIGITS, text, at));
    if (found !== null && /\s/u.test(found.charAt(0))) {
      at += found.length;
      continue;
    }
    let kind: Piece["kind"] = "digits";
    let matched = found;
    const asciiEnd = matched === null ? asciiWordEnd(text, at) : -1;
    if (asciiEnd !== -1) {
      kind = "word";
      matched = text.slice(at, asciiEnd);
    } else if (matched === null) {
      kind = "word";
      matched = stickyMatch(WORD, text, at);
    }
    if (matched === null) {
      kind = "sign";
      matched = stickyMatch(SIGN, text, at) ?? text.charAt(at);
    }
    const end = Math.min(at + matched.length, range.end);
    const pieceText = text.slice(at, end);
    // ASCII letters fold to their lower case (`foldKey` only lower-cases plain ASCII, numbers.test.ts holds it to that):
    // no look-up in its memo, which the gazetteer's names fill to tens of thousands of keys, and no Arabic to cut.
    const key = kind === "digits" ? pieceText : asciiEnd !== -1 ? pieceText.toLowerCase() : foldKey(pieceText);
    const readings: Reading[] = [{ key, start: at, conjunction: false, article: false }];
    if (kind === "word" && asciiEnd === -1 && ARABIC.test(pieceText)) {
      // Candidates come shortest prefix first, so a cut before the article has been seen when the article is cut.
      let beforeArticle = at;
      for (const stem of arabicStemCandidates(text, { start: at, end })) {
        const prefix = foldKey(text.slice(at, stem.start));
        const article = /ال$|^[وف]?لل$/u.test(prefix);
        if (!article) beforeArticle = stem.start;
        // The article stays in an expression's span ("الثلاثة"); only و ف ب ك ل are left out.
        readings.push({ key: foldKey(text.slice(stem.start, end)), start: article ? beforeArticle : stem.start, conjunction: /^[وف]/u.test(prefix), article });
      }
    }
    pieces.push({ start: at, end, kind, text: pieceText, key, readings, value: kind === "digits" ? digitValue(pieceText, lang) : Number.NaN });
    at = end;
  }
  return pieces;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Where `WORD` at `at` ends when it is a run of ASCII letters that ends the
 * text or meets ASCII other than an apostrophe, found without running the
 * Unicode pattern; -1 for anything else, left to the pattern.
 */
export function asciiWordEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  return end > at && (end === text.length || (text.charCodeAt(end) < 0x80 && text.charCodeAt(end) !== 0x27)) ? end : -1;
}

function stickyMatch(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

function digitValue(raw: string, lang: Lang): number {
  const eastern = /[٠-٩۰-۹]/u.test(raw);
  let ascii = raw.replace(/[٠-٩]/gu, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/gu, (d) => String(d.charCodeAt(0) - 0x06f0));
  ascii = ascii.replace(/٬/gu, ",").replace(/٫/gu, ".");
  if (lang === "fr" && !eastern) ascii = ascii.replace(/[ \u00a0\u202f.]/gu, "").replace(",", ".");
  else ascii = ascii.replace(/,/gu, "");
  return Number(ascii);
}

// ---------------------------------------------------------------------------
// Finding.

interface Item {
  /** Index of the first and last piece. */
  first: number;
  last: number;
  /** Offset where the expression starts, after any Arabic proclitic. */
  start: number;
  low: number;
  high: number;
  by: string;
  /** Written in digits, without separators: the only form a year or a day takes here. */
  plainDigits: boolean;
  /** The first word carried a conjunction (و12 is split, وخمسة is not): "بين 5 وخمسة". */
  conjunction: boolean;
}

interface Context {
  text: string;
  pieces: Piece[];
  lang: Lang;
  counted: ReadonlySet<string>;
}

function numbersIn(text: string, langs: readonly Lang[], pieces: Piece[], counted: ReadonlySet<string>): NumberExpression[] {
  const lang = langs.length === 1 ? (langs[0] as Lang) : undefined;
  // An undetermined language tries each grammar at each position.
  const contexts = (lang ? [lang] : LANGS).map((l): Context => ({ text, pieces, lang: l, counted }));
  const items: Item[] = [];
  for (let i = 0; i < pieces.length; ) {
    let best: Item | null = null;
    for (const context of contexts) {
      best = longer(best, vagueAt(context, i));
      best = longer(best, wordsAt(context, i));
      best = longer(best, digitsAt(context, i));
      best = longer(best, articleAt(context, i));
    }
    if (best && isQuantity(contexts[0] as Context, best)) {
      items.push(best);
      i = best.last + 1;
    } else i = best ? best.last + 1 : i + 1;
  }
  const combined = withModifiers(contexts, withRanges(items, contexts));
  return combined.map((item) => {
    const end = (pieces[item.last] as Piece).end;
    return { start: item.start, end, text: text.slice(item.start, end), low: item.low, high: item.high, by: item.by };
  });
}

/** The item that reaches further; the one found first on a tie. */
function longer(best: Item | null, item: Item | null): Item | null {
  return item && (!best || item.last > best.last) ? item : best;
}

function digitsAt(context: Context, i: number): Item | null {
  const { pieces, text } = context;
  const piece = pieces[i];
  if (piece?.kind !== "digits" || !Number.isFinite(piece.value)) return null;
  if (gluedToLetters(text, piece)) return null;
  let value = piece.value;
  let last = i;
  const next = pieces[i + 1];
  const scale = next && adjacent(context, piece, next) ? readingIn(next, DIGIT_SCALES[context.lang]) : undefined;
  if (scale !== undefined) {
    value *= scale;
    last = i + 1;
  }
  const plain = last === i && /^[0-9٠-٩۰-۹]+$/u.test(piece.text);
  return { first: i, last, start: piece.start, low: value, high: value, by: "numbers:digits", plainDigits: plain, conjunction: false };
}

/**
 * Digits glued to letters are part of a name or a unit (M23, G5, F-16, 5km,
 * 3e, 12h30) — except an Arabic proclitic alone before them ("و12", "ب5").
 */
function gluedToLetters(text: string, piece: Span): boolean {
  const before = text.charAt(piece.start - 1);
  const after = text.charAt(piece.end);
  if (LETTER.test(after)) return true;
  if (LETTER.test(before)) return !(/[وفبلك]/u.test(before) && !LETTER.test(text.charAt(piece.start - 2)));
  if (/[-‐‑/]/u.test(before) && LETTER.test(text.charAt(piece.start - 2))) return true;
  return false;
}

function wordsAt(context: Context, i: number): Item | null {
  const { pieces, lang } = context;
  const table = NUMBER_WORDS[lang];
  const firstPiece = pieces[i];
  if (firstPiece?.kind !== "word") return null;
  const reading = firstPiece.readings.find((r) => table.has(r.key));
  if (!reading) return null;
  let state: ParseState = { total: 0, group: 0, last: "none", part: 0, scale: Infinity };
  let best: { state: ParseState; last: number } | null = null;
  for (let j = i, link: Link = "none"; j < pieces.length; ) {
    const piece = pieces[j] as Piece;
    const wordReading = j === i ? reading : piece.readings.find((r) => table.has(r.key) && (r.start === piece.start || r.conjunction));
    const word = wordReading ? table.get(wordReading.key) : undefined;
    if (!wordReading || !word) break;
    if (j > i && wordReading.start !== piece.start) {
      if (link !== "none") break;
      link = "and";
    }
    const next = attach(state, word, link, lang);
    if (!next) break;
    state = next;
    if (isComplete(state)) best = { state, last: j };
    // The link to the next word: a hyphen sign, "and"/"et"/"و" alone, or nothing.
    const after = pieces[j + 1];
    if (!after || !adjacent(context, piece, after)) break;
    if (after.kind === "sign" && HYPHENS.has(after.text)) {
      link = "hyphen";
      j += 2;
    } else if (after.kind === "word" && after.key === foldKey(AND[lang])) {
      link = "and";
      j += 2;
    } else {
      link = "none";
      j += 1;
    }
    const target = pieces[j];
    if (!target || (link !== "none" && !adjacent(context, pieces[j - 1] as Piece, target))) break;
  }
  if (!best && isOneOfThe(context, i, reading)) return { first: i, last: i, start: reading.start, low: 1, high: 1, by: "numbers:words", plainDigits: false, conjunction: reading.conjunction };
  if (!best) return null;
  const value = best.state.total + best.state.group;
  const single = best.last === i;
  if (single && !standaloneWordIsNumber(context, i, reading.key)) return null;
  return { first: i, last: best.last, start: reading.start, low: value, high: value, by: "numbers:words", plainDigits: false, conjunction: reading.conjunction };
}

/** Arabic أحد/إحدى before a definite noun: "one of" ("مقتل أحد الجنود"); "الأحد" is Sunday. */
function isOneOfThe(context: Context, i: number, reading: Reading): boolean {
  const word = NUMBER_WORDS.ar.get(reading.key);
  const next = context.pieces[i + 1];
  if (context.lang !== "ar" || reading.article || word?.type !== "teen-unit" || word.value !== 1 || !next) return false;
  return adjacent(context, context.pieces[i] as Piece, next) && next.readings.some((r) => r.article);
}

/** A lone number word that often is something else: "no one", "one another", "pour cent", Arabic أحد outside "one of the". */
function standaloneWordIsNumber(context: Context, i: number, key: string): boolean {
  const previous = context.pieces[i - 1]?.key ?? "";
  const next = context.pieces[i + 1];
  if (context.lang === "en" && key === "one") {
    return !["no", "any", "every", "each", "the", "this", "that", "which", "some"].includes(previous) && next?.key !== "another";
  }
  if (context.lang === "fr" && (key === "cent" || key === "cents")) return previous !== "pour";
  return true;
}

type Link = "none" | "hyphen" | "and";

interface ParseState {
  total: number;
  /** The group below the last scale word: 0–999. */
  group: number;
  last: WordType | "none" | "quatre-vingt";
  /** The last additive part of the group, for what may follow it. */
  part: number;
  /** The last scale used; scales must fall ("mille" after "million"). */
  scale: number;
}

function isComplete(state: ParseState): boolean {
  return state.last !== "article" && state.last !== "teen-unit" && state.last !== "none";
}

/** The state after one more number word, or null when the word does not continue the number. */
function attach(state: ParseState, word: NumberWord, link: Link, lang: Lang): ParseState | null {
  const { group, last, part } = state;
  const start = last === "none";
  const afterMultiplier = last === "hundred" || last === "hundreds" || last === "scale" || last === "scale-dual";
  const add = (value: number, type: WordType | "quatre-vingt"): ParseState => ({ ...state, group: group + value, last: type, part: value });
  switch (word.type) {
    case "article": {
      if (start) return link === "none" ? { ...state, group: 1, last: "article", part: 1 } : null;
      // "vingt et un" … "soixante et un", "quatre-vingt-un"
      const frenchOne = lang === "fr" && ((link === "and" && part >= 20 && part <= 60 && last === "tens") || (link === "hyphen" && last === "quatre-vingt"));
      return frenchOne ? add(1, "unit") : null;
    }
    case "unit":
    case "ten":
    case "teen":
    case "tens": {
      if (start) return link === "none" ? add(word.value, word.type) : null;
      if (afterMultiplier) return linkAfterMultiplier(lang, link) && group % 100 === 0 ? add(word.value, word.type) : null;
      if (lang === "en") return last === "tens" && word.type === "unit" && word.value > 0 && link !== "and" ? add(word.value, "unit") : null;
      if (lang === "fr") return frenchAddition(state, word, link);
      // Arabic: units come before tens, joined by و; a unit before عشر makes a teen.
      if ((last === "unit" || last === "teen-unit") && word.type === "ten" && link === "none" && part >= 1 && part <= 9) return { ...state, group: group + 10, last: "teen", part: part + 10 };
      if (last === "unit" && word.type === "tens" && link === "and" && part >= 1 && part <= 9) return add(word.value, "tens");
      return null;
    }
    case "teen-unit":
      return start && link === "none" ? add(word.value, "teen-unit") : afterMultiplier && link === "and" ? add(word.value, "teen-unit") : null;
    case "hundred":
      if (link !== "none" && !(lang === "fr" && link === "hyphen")) return null;
      if (start || last === "article") return { ...state, group: 100, last: "hundred", part: 0 };
      if (last === "unit" && group === part && part >= 1 && part <= 9) return { ...state, group: part * 100, last: "hundred", part: 0 };
      return null;
    case "hundreds":
      return (start && link === "none") || (afterMultiplier && group === 0 && linkAfterMultiplier(lang, link)) ? { ...state, group: word.value, last: "hundreds", part: 0 } : null;
    case "scale":
    case "scale-dual": {
      if (word.value >= state.scale || (link !== "none" && !(lang === "fr" && link === "hyphen"))) return null;
      if (word.type === "scale-dual") return start ? { total: word.value, group: 0, last: "scale-dual", part: 0, scale: word.value } : null;
      const multiplier = start ? 1 : group;
      if (multiplier === 0 || last === "scale" || last === "scale-dual") return null;
      return { total: state.total + multiplier * word.value, group: 0, last: "scale", part: 0, scale: word.value };
    }
    case "dozen":
      if (link !== "none" || !(start || last === "article" || (last === "unit" && group === part))) return null;
      return { ...state, group: (start ? 1 : group) * 12, last: "dozen", part: 0 };
  }
}

function linkAfterMultiplier(lang: Lang, link: Link): boolean {
  if (lang === "ar") return link === "and";
  if (lang === "en") return link === "none" || link === "and";
  return link === "none" || link === "hyphen";
}

/** French tens: vingt-trois, vingt et un, soixante-dix, soixante et onze, quatre-vingt-dix, dix-sept. */
function frenchAddition(state: ParseState, word: NumberWord, link: Link): ParseState | null {
  const { group, last, part } = state;
  const add = (value: number, type: ParseState["last"]): ParseState => ({ ...state, group: group + value, last: type, part: value });
  if (last === "unit" && part === 4 && word.type === "tens" && word.value === 20 && link !== "and") {
    return { ...state, group: group - 4 + 80, last: "quatre-vingt", part: 80 };
  }
  if (last === "ten" && word.type === "unit" && word.value >= 7 && link !== "and") return add(word.value, "teen");
  if (last !== "tens" && last !== "quatre-vingt") return null;
  // Sixty and eighty count on to nineteen: soixante-dix, soixante et onze, quatre-vingt-seize.
  const takesTeens = part === 60 || part === 80;
  if (link === "and") return word.type === "teen" && word.value === 11 && part === 60 ? add(11, "teen") : null;
  if (word.type === "unit" && word.value > 0) return add(word.value, "unit");
  if (takesTeens && word.type === "ten") return add(10, "ten");
  if (takesTeens && word.type === "teen") return add(word.value, "teen");
  return null;
}

function vagueAt(context: Context, i: number): Item | null {
  const { pieces, lang } = context;
  // Most pieces start no vague phrase: one look-up per reading says so before every phrase is tried.
  const first = VAGUE_FIRST_KEYS[lang];
  if (!pieces[i]?.readings.some((reading) => first.has(reading.key))) return null;
  let best: { entry: VagueEntry; length: number; start: number } | null = null;
  for (const entry of VAGUE_PHRASES[lang]) {
    const start = phraseAt(context, i, entry.keys);
    if (start !== null && (!best || entry.keys.length > best.length)) best = { entry: entry.entry, length: entry.keys.length, start };
  }
  if (!best) return null;
  const [, low0, high0, kind] = best.entry;
  let low = low0;
  let high = high0;
  let last = i + best.length - 1;
  const next = pieces[last + 1];
  if (kind === "quantifier" && next && adjacent(context, pieces[last] as Piece, next)) {
    const scale = readingIn(next, SCALE_NOUNS[lang]);
    if (scale !== undefined) {
      low = 2 * scale;
      high = 10 * scale - 1;
      last += 1;
    }
  } else if (kind === "plural") {
    let j = last + 1;
    if (pieces[j] && OF[lang].includes(pieces[j]?.key ?? "")) j += 1;
    const scalePiece = pieces[j];
    const scale = scalePiece && adjacent(context, pieces[j - 1] as Piece, scalePiece) ? readingIn(scalePiece, PLURAL_SCALES[lang]) : undefined;
    if (scale !== undefined) {
      low *= scale;
      high = (high + 1) * scale - 1;
      last = j;
    }
  }
  const by = kind === "approximate" ? "numbers:approximate" : "numbers:vague";
  return { first: i, last, start: best.start, low, high, by, plainDigits: false, conjunction: false };
}

/** "a"/"an"/"un"/"une" directly before a counted noun: "a soldier was killed", "un mort". */
function articleAt(context: Context, i: number): Item | null {
  const { pieces, lang, counted } = context;
  const piece = pieces[i];
  const next = pieces[i + 1];
  if (lang === "ar" || piece?.kind !== "word" || NUMBER_WORDS[lang].get(piece.key)?.type !== "article") return null;
  if (!next || !adjacent(context, piece, next) || !counted.has(next.key)) return null;
  return { first: i, last: i, start: piece.start, low: 1, high: 1, by: "numbers:article", plainDigits: false, conjunction: false };
}

// ---------------------------------------------------------------------------
// What is not a quantity.

function isQuantity(context: Context, item: Item): boolean {
  if (item.by !== "numbers:digits") return true;
  const { text, pieces } = context;
  const piece = pieces[item.first] as Piece;
  if (partOfDateOrIdentifier(text, piece) || isTimeOfDay(text, piece) || afterIdentifierWord(context, item.first)) return false;
  // Days and years are written as plain digits; "1,950" and "2.5 million" are neither.
  return !item.plainDigits || (!isDay(context, item) && !isYear(context, item));
}

/** "12/03/2015", "24/7", "12:30", "2015-03-12": a run of digits and separators with a slash, a colon or two dashes. */
function partOfDateOrIdentifier(text: string, piece: Span): boolean {
  let from = piece.start;
  let to = piece.end;
  while (from > 0 && /[0-9٠-٩۰-۹/:.-]/u.test(text.charAt(from - 1))) from--;
  while (to < text.length && /[0-9٠-٩۰-۹/:.-]/u.test(text.charAt(to))) to++;
  const run = text.slice(from, to).replace(/[.:-]+$/u, "").replace(/^[.:-]+/u, "");
  return /[/:]/u.test(run) || (run.match(/-/gu)?.length ?? 0) >= 2 || /\d\.\d+\.\d/u.test(run);
}

const TIME_AFTER = /^\s*(?:[ap]\.?\s?m\b\.?|o['’]clock\b|gmt\b|utc\b|صباحا|صباحاً|مساء|مساءً|ظهرا|ظهراً|فجرا|فجراً|عصرا|عصراً|ليلا|ليلاً)/iu;
const HOURS_AFTER = /^\s*(?:h\b|heures?\b|hours?\b)/iu;
const AT_BEFORE = /(?:^|[\s(])(?:à|vers|dès|at|jusqu['’]à)\s*$/iu;

function isTimeOfDay(text: string, piece: Span): boolean {
  const after = text.slice(piece.end, piece.end + 12);
  const before = text.slice(Math.max(0, piece.start - 12), piece.start);
  if (TIME_AFTER.test(after)) return true;
  if (/(?:الساعة|الساعه)\s*$/u.test(before)) return true;
  return AT_BEFORE.test(before) && HOURS_AFTER.test(after);
}

function afterIdentifierWord(context: Context, i: number): boolean {
  const previous = context.pieces[i - 1];
  if (!previous || !adjacent(context, previous, context.pieces[i] as Piece)) return false;
  if (previous.kind === "sign") {
    // "n° 5", "#5", "No. 5"
    if (previous.text === "#" || previous.text === "°" || previous.text === "º") return true;
    return previous.text === "." && context.pieces[i - 2]?.key === "no";
  }
  return previous.readings.some((r) => IDENTIFIER_WORDS.has(r.key));
}

function isMonth(piece: Piece | undefined): boolean {
  if (piece?.kind !== "word") return false;
  if (ENGLISH_MONTHS.has(piece.key) && !/^\p{Lu}/u.test(piece.text)) return false;
  return piece.readings.some((r) => MONTHS.has(r.key));
}

/** A day of the month: 1–31 next to a month name, or before "-12 March" in a range of days. */
function isDay(context: Context, item: Item): boolean {
  const { pieces } = context;
  if (item.low < 1 || item.low > 31 || !Number.isInteger(item.low)) return false;
  const before = pieces[item.first - 1];
  const after = pieces[item.last + 1];
  if (isMonth(after) || isMonth(before)) return true;
  // "12-15 March", "du 12 au 15 mars", "12 and 13 March"
  const link = after?.key ?? "";
  const day = pieces[item.last + 2];
  const month = pieces[item.last + 3];
  return DAY_RANGE_LINKS.has(link) && day?.kind === "digits" && isMonth(month);
}

const DAY_RANGE_LINKS = new Set(["-", "–", "au", "to", "and", "et", "و", "الى", "إلى"].map(foldKey));

/**
 * A four-digit number from 1900 to 2100 is a year unless a counted noun
 * follows it ("2000 soldiers", "2000 of them" is not enough) or a word of
 * quantity precedes it ("at least 2000"). After a month it is always a year.
 */
function isYear(context: Context, item: Item): boolean {
  const { pieces, counted, lang } = context;
  if (item.first !== item.last || item.low < 1900 || item.low > 2100) return false;
  const before = pieces[item.first - 1];
  if (isMonth(before)) return true;
  const after = pieces[item.last + 1];
  if (after && after.readings.some((r) => counted.has(r.key))) return false;
  return !QUANTITY_BEFORE_KEYS[lang].some((keys) => endsAt(context, item.first, keys)) && !(before && before.key === foldKey(BETWEEN[lang].start));
}

// ---------------------------------------------------------------------------
// Ranges and modifiers.

function withRanges(items: Item[], contexts: Context[]): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const a = items[k] as Item;
    const b = items[k + 1];
    const link = b ? rangeLink(contexts, a, b) : null;
    const between = link ? betweenBefore(contexts, a) : null;
    if (b && (link === "link" || (link === "and" && between !== null))) {
      const first = between === null ? a.first : a.first - 1;
      const start = between ?? a.start;
      out.push({ first, last: b.last, start, low: a.low, high: b.high, by: "numbers:range", plainDigits: false, conjunction: false });
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Start of "between"/"entre"/"بين" just before item a, or null. */
function betweenBefore(contexts: Context[], a: Item): number | null {
  for (const context of contexts) {
    const before = context.pieces[a.first - 1];
    if (!before || !adjacent(context, before, context.pieces[a.first] as Piece)) continue;
    const reading = before.readings.find((r) => r.key === foldKey(BETWEEN[context.lang].start));
    if (reading) return reading.start;
  }
  return null;
}

/** How b follows a as the end of a range: "and" (which needs "between" before a), "link" ("to", "-", "or"), or null. */
function rangeLink(contexts: Context[], a: Item, b: Item): "and" | "link" | null {
  if (!(a.low < b.low) || a.low !== a.high || b.low !== b.high) return null;
  for (const context of contexts) {
    const { pieces, lang } = context;
    const linkPieces = pieces.slice(a.last + 1, b.first);
    if (linkPieces.length === 0 && b.conjunction && lang === "ar") return "and";
    const link = linkPieces[0];
    if (linkPieces.length !== 1 || !link) continue;
    if (!adjacent(context, pieces[a.last] as Piece, link) || !adjacent(context, link, pieces[b.first] as Piece)) continue;
    if (link.key === foldKey(BETWEEN[lang].and)) return "and";
    if (RANGE_LINKS[lang].some((word) => foldKey(word) === link.key)) return "link";
  }
  return null;
}

const MODIFIERS_BEFORE_KEYS = mapLangs((lang) => mapEffects(MODIFIERS_BEFORE[lang], phraseKeys));
const MODIFIERS_AFTER_KEYS = mapLangs((lang) => mapEffects(MODIFIERS_AFTER[lang], phraseKeys));
/** Every modifier before a number, whatever its effect: words of quantity that make "2000" a count. */
const QUANTITY_BEFORE_KEYS = mapLangs((lang) => Object.values(MODIFIERS_BEFORE_KEYS[lang]).flat());

/** The modifier around each item, in whichever of the languages it is written; the longest before it wins. */
function withModifiers(contexts: readonly Context[], items: Item[]): Item[] {
  return items.map((item) => {
    if (item.by === "numbers:range") return item;
    let result = item;
    let before: { effect: Effect; keys: string[]; context: Context } | null = null;
    for (const context of contexts) {
      for (const [effect, phrases] of modifierEntries(MODIFIERS_BEFORE_KEYS[context.lang])) {
        for (const keys of phrases) {
          if ((!before || keys.length > before.keys.length) && endsAt(context, item.first, keys)) before = { effect, keys, context };
        }
      }
    }
    if (before) {
      const first = item.first - before.keys.length;
      const start = phraseAt(before.context, first, before.keys) ?? (before.context.pieces[first] as Piece).start;
      result = { ...applyEffect(item, before.effect), first, start };
    }
    for (const context of contexts) {
      const { pieces } = context;
      const next = pieces[item.last + 1];
      if (!next || !adjacent(context, pieces[item.last] as Piece, next)) return result;
      for (const [effect, phrases] of modifierEntries(MODIFIERS_AFTER_KEYS[context.lang])) {
        const keys = phrases.find((candidate) => phraseAt(context, item.last + 1, candidate) !== null);
        // A modifier on each side ("at least 12 or more") says no more than the one before.
        if (keys) return { ...(before ? result : applyEffect(result, effect)), last: item.last + keys.length };
      }
    }
    return result;
  });
}

function modifierEntries(table: Partial<Record<Effect, string[][]>>): Array<[Effect, string[][]]> {
  return Object.entries(table) as Array<[Effect, string[][]]>;
}

function applyEffect(item: Item, effect: Effect): Item {
  switch (effect) {
    case "at-least":
      return { ...item, high: item.low, by: "numbers:at-least" };
    case "more-than":
      // A floor for an exact number; a vague one keeps its top ("plus d'une centaine": 101–120).
      return { ...item, low: item.low + 1, high: item.low === item.high ? item.low + 1 : Math.max(item.high, item.low + 1), by: "numbers:more-than" };
    case "less-than":
      return item.low <= 1 ? item : { ...item, low: 1, high: Math.max(1, Math.ceil(item.low) - 1), by: "numbers:less-than" };
    case "up-to":
      return { ...item, low: Math.min(1, item.low), high: item.high, by: "numbers:up-to" };
    case "about":
      return { ...item, high: Math.max(item.high, aboutHigh(item.low)), by: "numbers:approximate" };
    case "nearly":
      return { ...item, by: "numbers:approximate" };
  }
}

function aboutHigh(n: number): number {
  return Math.ceil(n * 1.2);
}

// ---------------------------------------------------------------------------
// Helpers.

const VAGUE_PHRASES = mapLangs((lang) => VAGUE[lang].map((entry) => ({ entry, keys: phraseKeys(entry[0]) })));
/** The key a vague phrase's first piece must have a reading of (`phraseAt`). */
const VAGUE_FIRST_KEYS = mapLangs((lang): ReadonlySet<string> => new Set(VAGUE_PHRASES[lang].map((phrase) => phrase.keys[0] ?? "")));

/** A phrase split and folded as text is: "jusqu'à" → ["jusqu'", "a"], "ما لا يقل عن" → four keys. */
function phraseKeys(phrase: string): string[] {
  return scan(phrase, { start: 0, end: phrase.length }, "en").map((piece) => piece.key);
}

/** Start offset of `keys` matched from piece i (the first word may carry an Arabic proclitic), or null. */
function phraseAt(context: Context, i: number, keys: readonly string[]): number | null {
  const { pieces } = context;
  let start: number | null = null;
  for (let k = 0; k < keys.length; k++) {
    const piece = pieces[i + k];
    if (!piece || (k > 0 && !adjacent(context, pieces[i + k - 1] as Piece, piece))) return null;
    const reading = k === 0 ? piece.readings.find((r) => r.key === keys[k]) : piece.key === keys[k] ? piece.readings[0] : undefined;
    if (!reading) return null;
    if (k === 0) start = reading.start;
  }
  return start;
}

/** Whether `keys` match the pieces that end just before piece i. */
function endsAt(context: Context, i: number, keys: readonly string[]): boolean {
  const first = i - keys.length;
  if (first < 0) return false;
  if (phraseAt(context, first, keys) === null) return false;
  return adjacent(context, context.pieces[i - 1] as Piece, context.pieces[i] as Piece);
}

/** Two pieces read together: nothing between them but white space without a blank line. */
function adjacent(context: Context, a: Span, b: Span): boolean {
  // Most pieces touch or stand one space apart; the patterns below say the same of those.
  if (b.start <= a.end || (b.start === a.end + 1 && context.text.charCodeAt(a.end) === 0x20)) return true;
  const gap = context.text.slice(a.end, b.start);
  return /^\s*$/u.test(gap) && !/\n\s*\n/u.test(gap);
}

function readingIn(piece: Piece, table: ReadonlyMap<string, number>): number | undefined {
  for (const reading of piece.readings) {
    const value = table.get(reading.key);
    if (value !== undefined) return value;
  }
  return undefined;
}

function foldedMap<V>(entries: Iterable<readonly [string, V]>): ReadonlyMap<string, V> {
  return new Map([...entries].map(([key, value]) => [foldKey(key), value]));
}

function mapLangs<V>(build: (lang: Lang) => V): Record<Lang, V> {
  return { en: build("en"), fr: build("fr"), ar: build("ar") };
}

function mapEffects<V>(table: Partial<Record<Effect, string[]>>, build: (phrase: string) => V): Partial<Record<Effect, V[]>> {
  return Object.fromEntries(Object.entries(table).map(([effect, phrases]) => [effect, (phrases ?? []).map(build)]));
}

function languagesOf(language: string): readonly Lang[] {
  const base = language.toLowerCase().split(/[-_]/u)[0];
  return base === "en" || base === "fr" || base === "ar" ? [base] : LANGS;
}

function checkedRange(text: string, range: Span | undefined): Span {
  if (!range) return { start: 0, end: text.length };
  if (!(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= text.length)) {
    throw new Error(`expected a range within the text (0–${text.length}), found ${range.start}–${range.end}`);
  }
  return range;
}

/** Built last: it folds the tables above. */
const defaultFinder = createNumberFinder();
