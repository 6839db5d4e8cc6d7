/**
 * The chrono pre-filters against chrono itself: whenever chrono finds
 * anything at all in a text, the text passes the pre-filter of its language.
 * Checked on the written sentences and on texts generated from chrono's
 * vocabulary, glued and spaced in every way its patterns allow, so that a
 * chrono release that reads new words fails here rather than losing dates.
 */
import * as chrono from "chrono-node";
import { describe, expect, it } from "vitest";
import { DATE_SENTENCES } from "../../test-support/date-sentences.js";
import { utcDay } from "../calendar.js";
import type { TimesLanguage } from "../lexicon.js";
import { chronoText, readChronoDates } from "./chrono.js";
import { CHRONO_DATE_PREFILTERS, CHRONO_PREFILTERS } from "./chrono-prefilter.js";
import { seededRandom } from "../../model/seeded-random.js";

const PARSERS: Readonly<Record<TimesLanguage, chrono.Chrono>> = { fr: chrono.fr.casual, en: chrono.en.casual, ar: chrono.ar.casual };
const REFERENCE = { instant: new Date(Date.UTC(2015, 4, 15, 12)), timezone: 0 };

function chronoFinds(language: TimesLanguage, text: string): boolean {
  return PARSERS[language].parse(chronoText(text), REFERENCE).length > 0;
}

/** Words chrono reads and words around them, by language; digits are left out so that the words are what passes. */
const VOCABULARY: Readonly<Record<TimesLanguage, readonly string[]>> = {
  en: [
    ..."january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec jan. sept.".split(" "),
    ..."sunday monday tuesday wednesday thursday friday saturday sun mon tue wed thu thur thurs fri sat sun. thurs. weekend weekday".split(" "),
    ..."now today tonight tomorrow overmorrow tmr tmrw yesterday night morning afternoon evening midnight midday noon".split(" "),
    ..."second seconds minute minutes hour hours day days week weeks month months quarter quarters year years sec min mins hr hrs mo mos qtr yr s m h d w y".split(" "),
    ..."one two three four five six seven eight nine ten eleven twelve a an the few several half couple of about around roughly just ~".split(" "),
    ..."first second third fourth tenth twelfth twentieth twenty-first twenty thirty thirty-first".split(" "),
    ..."in for within this last past next after + - ago before earlier later out forward henceforth from on end".split(" "),
    ..."they them these know snow market statement said and was is Omar Hamas showed".split(" "),
  ],
  fr: [
    ..."janvier février mars avril mai juin juillet août septembre octobre novembre décembre janv. févr. sept.".split(" "),
    ..."dimanche lundi mardi mercredi jeudi vendredi samedi dim lun mar mer jeu ven sam ce cet cette".split(" "),
    ..."maintenant aujourd'hui aujourd’hui demain hier nuit veille matin soir après-midi aprem midi minuit à a".split(" "),
    ..."seconde secondes minute minutes heure heures jour jours semaine semaines mois an ans année années trimestre sec min hr hrs h".split(" "),
    ..."un une deux trois quatre cinq six sept huit neuf dix onze douze treize quelque quelques demi demi-".split(" "),
    ..."le les la l' l’ du de des dans en pour pendant il y prochain prochaine prochains derniers dernière passé passée précédent suivant suivante".split(" "),
    ..."dans sans grand marché armée ils ont Omar Amar enjeu".split(" "),
  ],
  ar: [
    ..."كانون الثاني تشرين الأول شباط آذار اذار نيسان أيار حزيران تموز آب اب أيلول يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(" "),
    ..."الأحد الاحد أحد الاثنين الإثنين اثنين الثلاثاء الأربعاء الخميس خميس الجمعة جمعة السبت سبت".split(" "),
    ..."الآن الان حالياً حاليا اليوم أمس امس البارحة غداً غدا غد بكرة بعد أول من قبل مساء مساءً ليلة ليلاً الليلة الليل الماضية منتصف النهار هذا هذه الصباح صباحا صباحاً الظهر ظهر ظهرا العصر عصرا المساء".split(" "),
    ..."ثانية دقيقة دقائق ساعة ساعات ساعتين يوم يوما أيام يومين أسبوع أسبوعين أسابيع شهر شهرين أشهر شهور سنة سنوات عام أعوام الشهر الأسبوع العام السنة".split(" "),
    ..."واحد اثنان ثلاثة أربعة خمسة عشرة نصف ربع خلال غضون ظرف في منذ مضت سابقاً لاحقاً لاحقا و الماضي المقبل القادم".split(" "),
    ..."الإرهاب كتاب انسحاب قال الجيش المدينة".split(" "),
  ],
};

const SEPARATORS = [" ", " ", " ", " ", "", "", ", ", "-", ". ", "\u00a0", "  ", "(", ") ", "/"];


function generated(language: TimesLanguage, count: number, seed: number): string[] {
  return generatedFrom(VOCABULARY[language], count, seed);
}

function generatedFrom(vocabulary: readonly string[], count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(next() * 5);
    let text = next() < 0.5 ? "" : pick(["x ", "Les ", "The ", "وقال "]);
    for (let k = 0; k < length; k++) {
      let word = pick(vocabulary);
      const shape = next();
      if (shape < 0.1) word = word.toUpperCase();
      else if (shape < 0.2) word = word.charAt(0).toUpperCase() + word.slice(1);
      text += (k === 0 ? "" : pick(SEPARATORS)) + word;
    }
    texts.push(text + pick(["", ".", " ", ",", "x"]));
  }
  return texts;
}

/** Each alone, so that no other word lets it through: one case for each way in of each pre-filter, glued forms included. */
const SINGLE_EXPRESSIONS: Readonly<Record<TimesLanguage, readonly string[]>> = {
  en: [
    "mayfirst", "May-first", "maysecond", "Sept.", "sept", "Fridaylast week", "fridaythis week", "friday, next week", "thu.", "thurs", "the weekend",
    "tonight", "tmrw", "overmorrow", "noon", "now", "end of the month", "lasts", "pastd", "pastmonth", "this month", "in the s-bahn", "inthe day",
    "for about the day", "within the hour", "in a few days", "next few days", "a couple of days ago", "several years ago", "the day after",
    "a week later", "half an hour later",
  ],
  fr: [
    "aujourd'hui", "aujourd’hui", "lundidernier", "lundiprochain", "lundi2", "ven", "sam", "la semaine prochaine", "les jourprochain", "le moisdernier",
    "la semainepassée", "le trimestre prochain", "ce soir", "à minuit", "a midi", "la veille", "cette nuit", "dans une heure", "dans demi-heure",
    "il y a quelques jours",
  ],
  ar: [
    "في غضون يومين", "في ظرف ساعة", "ساعتين مضت", "يومين لاحقاً", "خلال أسبوع", "حالياً", "غداً", "بعد غد", "بكرة", "قبل أمس", "الشهر المقبل",
    "منتصف الليل", "هذا الصباح", "ظهراً", "عصرا", "السبت", "الاثنين القادم", "في شهر آب",
  ],
};

describe("chrono pre-filters", () => {
  it.each<TimesLanguage>(["fr", "en", "ar"])("%s: each expression chrono reads alone passes", (language) => {
    for (const expression of SINGLE_EXPRESSIONS[language]) {
      expect(chronoFinds(language, expression), `chrono no longer reads ${expression}`).toBe(true);
      expect(CHRONO_PREFILTERS[language].test(expression), expression).toBe(true);
    }
  });

  it.each<TimesLanguage>(["fr", "en", "ar"])("%s: every written sentence chrono reads passes, and some that it does not read are ruled out", (language) => {
    const sentences = DATE_SENTENCES[language].flatMap((sentence) => [sentence, ...sentence.split(/[,;.]\s*/u)]);
    let read = 0;
    for (const sentence of sentences) {
      if (!chronoFinds(language, sentence)) continue;
      read++;
      expect(CHRONO_PREFILTERS[language].test(sentence), sentence).toBe(true);
    }
    expect(read).toBeGreaterThan(20);
    expect(sentences.some((sentence) => !CHRONO_PREFILTERS[language].test(sentence))).toBe(true);
  });

  it.each<[TimesLanguage, number]>([
    ["en", 1],
    ["fr", 2],
    ["ar", 3],
  ])("%s: every generated text chrono reads passes", (language, seed) => {
    let read = 0;
    for (const text of generated(language, 6000, seed)) {
      if (!chronoFinds(language, text)) continue;
      read++;
      expect(CHRONO_PREFILTERS[language].test(text), JSON.stringify(text)).toBe(true);
    }
    // Enough of them for the test to say something: chrono reads a good share of these texts.
    expect(read).toBeGreaterThan(1000);
  });

  it("lets through a language without rules only with digits, the only dates kept there", () => {
    expect(CHRONO_PREFILTERS.other.test("Der Angriff fand am 2015-05-13 statt.")).toBe(true);
    expect(CHRONO_PREFILTERS.other.test("Der Angriff fand gestern statt.")).toBe(false);
  });
});

/** Numbers as reports write them and as chrono's numeric patterns read them, and the words that join them to times. */
const NUMBERS = "12 3 7 24 30 2015 1999 10:30 9.30 5/12 12/2015 2015-05-13 2015/05/13 13.05 3.5 1-0 19-year-old am pm a.m. p.m. o'clock at from to until GMT EST".split(" ");
const PLAIN_WORDS = "they them these know snow market statement said and was is Omar Hamas showed people killed police".split(" ");
/** Days chrono reads in more than one word, and the words of the day that are no date alone. */
const DAY_PHRASES = ["last night", "lastnight", "end of the month", "last day of month", "from now", "right now", "now", "night", "tonight", "overnight"];

/** "now", and what chrono's refiners may join to it: weekdays, ranges, a sign or a closing word with a count and a unit. */
const NOW_JOINS = "now now now right Friday fri sat weekend Monday, to until - – + , 2 two days weeks before after since from later".split(" ");
/** "this week" and the rest of chrono's "this", and what may run into it. */
const THIS_UNITS = "this this this week weeks month year day hour end of last day the after next at 10 am Friday to - + 2 two days before".split(" ");

describe("the date pre-filters", () => {
  const reference = utcDay(2015, 5, 15);
  const keepsADate = (text: string, anchored: boolean): boolean => readChronoDates({ text, offset: 0, language: "en", reference: anchored ? reference : null }).length > 0;

  it.each<[string, readonly string[], number, number]>([
    ["numbers", [...NUMBERS, ...PLAIN_WORDS], 5, 300],
    ["numbers and chrono's words", [...NUMBERS, ...VOCABULARY.en], 6, 300],
    ["days and times of day", [...DAY_PHRASES, ...VOCABULARY.en.slice(40), ...PLAIN_WORDS], 7, 300],
    // Few of these keep a date: that is the point of ruling "now" out.
    ["\"now\" and what chrono joins to it", [...NOW_JOINS, ...PLAIN_WORDS], 8, 40],
    ["\"this week\" and what chrono joins to it", [...THIS_UNITS, ...PLAIN_WORDS], 9, 40],
  ])("en: every generated text of %s in which the rule keeps a date from chrono passes", (_name, vocabulary, seed, keptAtLeast) => {
    let kept = 0;
    let ruledOut = 0;
    for (const [n, text] of generatedFrom(vocabulary, 6000, seed).entries()) {
      if (keepsADate(text, n % 2 === 0)) {
        kept++;
        expect(CHRONO_DATE_PREFILTERS.en.test(text), JSON.stringify(text)).toBe(true);
      } else if (CHRONO_PREFILTERS.en.test(text) && !CHRONO_DATE_PREFILTERS.en.test(text)) ruledOut++;
    }
    // Enough texts on each side for the test to say something.
    expect(kept).toBeGreaterThan(keptAtLeast);
    expect(ruledOut).toBeGreaterThan(100);
  });

  it("en: every written sentence in which the rule keeps a date from chrono passes", () => {
    for (const sentence of DATE_SENTENCES.en.flatMap((sentence) => [sentence, ...sentence.split(/[,;.]\s*/u)])) {
      if (keepsADate(sentence, true) || keepsADate(sentence, false)) expect(CHRONO_DATE_PREFILTERS.en.test(sentence), sentence).toBe(true);
    }
  });

  it('en: "now" alone keeps no date, and what chrono joins to it passes by itself', () => {
    for (const anchored of [true, false]) {
      expect(keepsADate("The group is now led by a new emir.", anchored)).toBe(false);
      expect(keepsADate("Now, and right now, the talks go on.", anchored)).toBe(false);
    }
    expect(CHRONO_DATE_PREFILTERS.en.test("The group is now led by a new emir.")).toBe(false);
    // Ranges keep "now"'s tag; a weekday before it, "+2 days" and "two days before" pass on their own.
    for (const sentence of ["from now to Friday", "Friday, now", "this(tuethisweek now", "now at 10 am", "now +2 days", "now - 3 days", "two days before now", "3 days from now", "now until tomorrow", "Monday - now"]) {
      if (keepsADate(sentence, true) || keepsADate(sentence, false)) expect(CHRONO_DATE_PREFILTERS.en.test(sentence), sentence).toBe(true);
    }
    expect(keepsADate("now +2 days", true)).toBe(true);
    expect(keepsADate("Friday, now", true)).toBe(true);
  });

  it('en: "this week" keeps no date, unless asked for its end; "this month", "after this week" pass', () => {
    for (const anchored of [true, false]) expect(keepsADate("Talks resume this week in Geneva.", anchored)).toBe(false);
    expect(CHRONO_DATE_PREFILTERS.en.test("Talks resume this week in Geneva.")).toBe(false);
    for (const sentence of ["by the end of this week", "the last day of this month", "after this week", "this month", "this year", "Friday this week", "this week to Friday", "two days after this week", "this week +2 days", "this week at 10 am"]) {
      if (keepsADate(sentence, true) || keepsADate(sentence, false)) expect(CHRONO_DATE_PREFILTERS.en.test(sentence), sentence).toBe(true);
    }
    expect(keepsADate("by the end of this week", true)).toBe(true);
  });

  it.each<TimesLanguage>(["fr", "ar"])("%s: the same as the pre-filter", (language) => {
    expect(CHRONO_DATE_PREFILTERS[language]).toBe(CHRONO_PREFILTERS[language]);
  });
});
