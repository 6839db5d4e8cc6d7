/**
 * The gates against chrono itself: each gated parser, alone, finds nothing
 * in a text its gate rules out, and the gated casual parser returns what
 * chrono's does, on the written sentences, their pieces, and texts generated
 * from the words the parsers read.
 */
import * as chrono from "chrono-node";
import type { ParsedResult } from "chrono-node";
import { describe, expect, it } from "vitest";
import { DATE_SENTENCES } from "../../test-support/date-sentences.js";
import type { TimesLanguage } from "../lexicon.js";
import { chronoText } from "./chrono.js";
import { CHRONO_GATES, gatedChrono, gatesFit } from "./chrono-parsers.js";

const CASUAL: Readonly<Record<TimesLanguage, chrono.Chrono>> = { fr: chrono.fr.casual, en: chrono.en.casual, ar: chrono.ar.casual };
const REFERENCE = { instant: new Date(Date.UTC(2015, 4, 15, 12)), timezone: 0 };
const LANGUAGES: readonly TimesLanguage[] = ["fr", "en", "ar"];

/** Words the gated parsers read, and words around them. */
const WORDS: Readonly<Record<TimesLanguage, readonly string[]>> = {
  en: (
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec sept. " +
    "sunday monday tuesday wednesday thursday friday saturday sun mon tue wed thu thur thurs fri sat weekend weekday " +
    "now today tonight tomorrow overmorrow tmr tmrw yesterday night morning afternoon evening midnight midday noon " +
    "second minute hour day week month year days weeks months years one two three a an the few several half couple of " +
    "first third tenth twenty-first in for within this last past next after + - ago before earlier later from out forward henceforth end on at " +
    "12 3 2015 10:30 5/12 5/2015 2015-05-13 2015/05/13 pm am o'clock they said market"
  ).split(" "),
  fr: (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre janv. " +
    "dimanche lundi mardi mercredi jeudi vendredi samedi dim lun mar mer jeu ven sam dernier prochain ce cet cette " +
    "maintenant aujourd'hui demain hier nuit veille matin soir après-midi aprem midi minuit à a il y " +
    "jour jours semaine mois an ans année heure heures h un une deux trois quelques dans en pour pendant de le la les du des " +
    "12 3 2015 10h30 1er 5/12 2015-05-13 marché armée"
  ).split(" "),
  ar: (
    "يناير مارس أيار تشرين الثاني الأحد الاثنين الخميس الجمعة السبت الآن اليوم أمس غدا البارحة مساء صباحا الليلة منتصف الليل " +
    "يوم يومين أيام أسبوع شهر سنة عام ساعة منذ قبل بعد خلال غضون في الماضي المقبل 12 ٣ 2015 10:30 ١٢ 5/12 2015-05-13 قال الجيش"
  ).split(" "),
};

function texts(language: TimesLanguage): string[] {
  const written = DATE_SENTENCES[language].flatMap((sentence) => [sentence, ...sentence.split(/[,;.]\s*/u)]);
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const words = WORDS[language];
  const generated = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + next(5) }, () => {
      const word = words[next(words.length)] as string;
      return next(5) === 0 ? word.toUpperCase() : word;
    }).join(["", " ", " ", ", ", "-"][next(5)]),
  );
  return [...written, ...generated].map(chronoText);
}

const summary = (results: readonly ParsedResult[]): unknown[] =>
  results.map((result) => [result.index, result.text, result.start.date().toISOString(), result.end?.date().toISOString() ?? null, result.tags()]);

describe("chrono's parsers behind their gates", () => {
  it.each(LANGUAGES)("%s: a gate for every parser of chrono's casual configuration, in its order", (language) => {
    expect(gatesFit(CASUAL[language].parsers, CHRONO_GATES[language])).toBe(true);
  });

  it.each(LANGUAGES)("%s: a parser finds nothing where its gate fails", (language) => {
    const all = texts(language);
    CHRONO_GATES[language].forEach(([name, needs], i) => {
      if (needs === null) return;
      const alone = new chrono.Chrono({ parsers: [CASUAL[language].parsers[i] as chrono.Parser], refiners: [] });
      const read = all.filter((text) => alone.parse(text, REFERENCE).length > 0);
      expect(read.length, `${name}: no text to try it on`).toBeGreaterThan(0);
      for (const text of read) expect(needs.test(text), `${name}: ${JSON.stringify(text)}`).toBe(true);
    });
  });

  it.each(LANGUAGES)("%s: the gated parser reads what chrono reads", (language) => {
    const gated = gatedChrono(CASUAL[language], CHRONO_GATES[language]);
    let read = 0;
    for (const text of texts(language)) {
      const expected = summary(CASUAL[language].parse(text, REFERENCE));
      if (expected.length > 0) read++;
      expect(summary(gated.parse(text, REFERENCE)), JSON.stringify(text)).toEqual(expected);
    }
    expect(read).toBeGreaterThan(500);
  });
});
