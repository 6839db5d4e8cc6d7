/**
 * The words the time rules read, per language: numbers, ordinals, weekdays,
 * months and units. Source: curated by the project from the grammar of each
 * language and from the spellings of French, English and Arabic news wires
 * (Levantine, Egyptian and Maghreb month names). Lookups go through
 * `foldKey`, so case, accents, Arabic letter variants and Arabic-Indic digits
 * do not matter; the rules' patterns list the spellings they accept.
 */
import { foldKey } from "../text/normalise/index.js";

export type TimesLanguage = "fr" | "en" | "ar";

export class Lexicon<T> {
  readonly #byKey: ReadonlyMap<string, T>;
  readonly words: readonly string[];

  constructor(entries: Readonly<Record<string, T>>) {
    this.words = Object.keys(entries);
    this.#byKey = new Map(Object.entries(entries).map(([word, value]) => [foldKey(word), value]));
  }

  get(text: string): T | undefined {
    return this.#byKey.get(foldKey(text));
  }
}

export const CARDINALS: Readonly<Record<TimesLanguage, Lexicon<number>>> = {
  fr: new Lexicon({ un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30 }),
  en: new Lexicon({ a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, twenty: 20, thirty: 30 }),
  ar: new Lexicon({
    واحد: 1, واحدة: 1, ثلاثة: 3, ثلاث: 3, أربعة: 4, أربع: 4, خمسة: 5, خمس: 5, ستة: 6, ست: 6, سبعة: 7, سبع: 7, ثمانية: 8, ثماني: 8, ثمان: 8, تسعة: 9, تسع: 9, عشرة: 10, عشر: 10,
    "أحد عشر": 11, "إحدى عشرة": 11, "اثني عشر": 12, "اثنا عشر": 12, "اثنتي عشرة": 12, "خمسة عشر": 15, "خمس عشرة": 15, عشرين: 20, عشرون: 20, ثلاثين: 30, ثلاثون: 30,
  }),
};

/** Ordinal words; numerals with a suffix ("3e", "3rd", "الـ15") are read by `ORDINAL_NUMERALS`. */
export const ORDINALS: Readonly<Record<TimesLanguage, Lexicon<number>>> = {
  fr: new Lexicon({
    premier: 1, première: 1, deuxième: 2, second: 2, seconde: 2, troisième: 3, quatrième: 4, cinquième: 5, sixième: 6, septième: 7, huitième: 8, neuvième: 9, dixième: 10,
    onzième: 11, douzième: 12, treizième: 13, quatorzième: 14, quinzième: 15, seizième: 16, vingtième: 20, trentième: 30,
  }),
  en: new Lexicon({
    first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
    eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, twentieth: 20, thirtieth: 30,
  }),
  ar: new Lexicon({
    الأول: 1, الثاني: 2, الثالث: 3, الرابع: 4, الخامس: 5, السادس: 6, السابع: 7, الثامن: 8, التاسع: 9, العاشر: 10,
    "الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, العشرين: 20, الثلاثين: 30,
  }),
};

export const ORDINAL_NUMERALS: Readonly<Record<TimesLanguage, string>> = {
  fr: "[0-9]{1,2}(?:e|è|ème|eme|er|re)",
  en: "[0-9]{1,2}(?:st|nd|rd|th)",
  ar: "الـ?\\s?(?:[0-9]{1,2}|[٠-٩]{1,2})",
};

/** 0 Sunday … 6 Saturday, as `Date.getUTCDay`. English names are matched capitalised only. */
export const WEEKDAYS: Readonly<Record<TimesLanguage, Lexicon<number>>> = {
  fr: new Lexicon({ dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6 }),
  en: new Lexicon({ Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6 }),
  ar: new Lexicon({ الأحد: 0, الاثنين: 1, الإثنين: 1, الثلاثاء: 2, الأربعاء: 3, الخميس: 4, الجمعة: 5, السبت: 6 }),
};

export const FRENCH_MONTHS = new Lexicon({
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
});

/**
 * Arabic month names of the three naming systems: Levantine and Iraqi
 * (كانون الثاني …), Egyptian and Gulf (يناير …, also Moroccan for most months),
 * and the Maghreb's French-derived names (جانفي …, Moroccan يوليوز, غشت …).
 */
export const ARABIC_MONTHS = new Lexicon({
  "كانون الثاني": 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, حزيران: 6, تموز: 7, آب: 8, أيلول: 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7, أغسطس: 8, سبتمبر: 9, أكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  جانفي: 1, فيفري: 2, أفريل: 4, ماي: 5, جوان: 6, جويلية: 7, أوت: 8,
  يوليوز: 7, غشت: 8, شتنبر: 9, نونبر: 11, دجنبر: 12,
});

/**
 * Arabic month names that are also everyday words or names: آب (father أب once
 * its hamza is folded, and the Yemeni town Ibb), مارس (the verb "practised").
 * Alone they are read as months only with a day, a year or "شهر" (month).
 */
export const AMBIGUOUS_ARABIC_MONTHS: ReadonlySet<string> = new Set(["آب", "مارس"].map(foldKey));

export type Unit = "day" | "week" | "month" | "year";

/** A unit word, and the count it carries by itself (Arabic singular 1, dual 2) or null when it needs a numeral. */
export interface UnitWord {
  unit: Unit;
  count: number | null;
}

const unit = (name: Unit, count: number | null): UnitWord => ({ unit: name, count });

export const UNITS: Readonly<Record<TimesLanguage, Lexicon<UnitWord>>> = {
  fr: new Lexicon({ jour: unit("day", null), jours: unit("day", null), semaine: unit("week", null), semaines: unit("week", null), mois: unit("month", null), an: unit("year", null), ans: unit("year", null), année: unit("year", null), années: unit("year", null) }),
  en: new Lexicon({ day: unit("day", 1), days: unit("day", null), week: unit("week", 1), weeks: unit("week", null), month: unit("month", 1), months: unit("month", null), year: unit("year", 1), years: unit("year", null) }),
  ar: new Lexicon({
    يوم: unit("day", 1), يوما: unit("day", 1), يومين: unit("day", 2), يومان: unit("day", 2), أيام: unit("day", null),
    أسبوع: unit("week", 1), أسبوعا: unit("week", 1), أسبوعين: unit("week", 2), أسبوعان: unit("week", 2), أسابيع: unit("week", null),
    شهر: unit("month", 1), شهرا: unit("month", 1), شهرين: unit("month", 2), شهران: unit("month", 2), أشهر: unit("month", null), شهور: unit("month", null),
    عام: unit("year", 1), عاما: unit("year", 1), عامين: unit("year", 2), عامان: unit("year", 2), أعوام: unit("year", null),
    سنة: unit("year", 1), سنتين: unit("year", 2), سنتان: unit("year", 2), سنوات: unit("year", null),
  }),
};

/** Reads a numeral or a number word; ASCII and Arabic-Indic digits alike. */
export function readNumber(language: TimesLanguage, text: string): number | undefined {
  const folded = foldKey(text);
  if (/^[0-9]+$/.test(folded)) return Number(folded);
  return CARDINALS[language].get(text);
}

export function readOrdinal(language: TimesLanguage, text: string): number | undefined {
  const digits = /[0-9]+/.exec(foldKey(text));
  return digits ? Number(digits[0]) : ORDINALS[language].get(text);
}

/** A four-digit year as a number, whatever its digits; null when none was written. */
export function yearOf(text: string | undefined): number | null {
  return text === undefined ? null : Number(foldKey(text));
}
