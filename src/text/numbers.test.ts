import { describe, expect, it } from "vitest";
import { foldKey } from "./normalise/index.js";
import { asciiWordEnd, createNumberFinder, createNumberScanner, findNumbers, type NumberExpression } from "./numbers.js";

type Expected = [text: string, low: number, high: number, by: string];

/** Every expression found, as [text, low, high, by], after checking that each span slices to its text. */
function found(text: string, language: string): Expected[] {
  const numbers = findNumbers(text, language);
  for (const number of numbers) expect(text.slice(number.start, number.end)).toBe(number.text);
  return numbers.map((n: NumberExpression) => [n.text, n.low, n.high, n.by]);
}

describe("findNumbers: digits", () => {
  it.each<[string, string, string, Expected[]]>([
    ["English thousands and decimals", "en", "Some 1,200 fled and 3.5 million more were at risk.", [["Some 1,200", 1200, 1440, "numbers:approximate"], ["3.5 million", 3_500_000, 3_500_000, "numbers:digits"]]],
    ["French spaces, points and decimal commas", "fr", "Les 1 200 réfugiés, les 1.200 déplacés et 2,5 millions d’habitants.", [["1 200", 1200, 1200, "numbers:digits"], ["1.200", 1200, 1200, "numbers:digits"], ["2,5 millions", 2_500_000, 2_500_000, "numbers:digits"]]],
    ["French narrow no-break space", "fr", "Près de 3\u202f000 manifestants.", [["Près de 3\u202f000", 3000, 3600, "numbers:approximate"]]],
    ["Arabic-Indic digits and separators", "ar", "نزح ١٢٬٥٠٠ شخص و٣ آلاف آخرون.", [["١٢٬٥٠٠", 12500, 12500, "numbers:digits"], ["٣ آلاف", 3000, 3000, "numbers:digits"]]],
    ["Persian digits", "ar", "قتل ۱۵ شخصا.", [["۱۵", 15, 15, "numbers:digits"]]],
  ])("%s", (_what, language, text, expected) => {
    expect(found(text, language)).toEqual(expected);
  });
});

describe("findNumbers: number words", () => {
  it.each<[string, string, Expected[]]>([
    ["en", "Twenty-three soldiers and one hundred and five civilians; two thousand five hundred fled.", [["Twenty-three", 23, 23, "numbers:words"], ["one hundred and five", 105, 105, "numbers:words"], ["two thousand five hundred", 2500, 2500, "numbers:words"]]],
    ["en", "A dozen rebels, two dozen soldiers and a hundred villagers.", [["A dozen", 12, 12, "numbers:words"], ["two dozen", 24, 24, "numbers:words"], ["a hundred", 100, 100, "numbers:words"]]],
    ["fr", "Vingt-trois soldats, soixante et onze civils, quatre-vingt-dix-sept blessés et vingt et un morts.", [["Vingt-trois", 23, 23, "numbers:words"], ["soixante et onze", 71, 71, "numbers:words"], ["quatre-vingt-dix-sept", 97, 97, "numbers:words"], ["vingt et un", 21, 21, "numbers:words"]]],
    ["fr", "Deux mille trois cents personnes et cinq pour cent des habitants.", [["Deux mille trois cents", 2300, 2300, "numbers:words"], ["cinq", 5, 5, "numbers:words"]]],
    ["ar", "قتل ثلاثة وعشرون شخصا وخمس نساء واثنان من الجنود.", [["ثلاثة وعشرون", 23, 23, "numbers:words"], ["خمس", 5, 5, "numbers:words"], ["اثنان", 2, 2, "numbers:words"]]],
    ["ar", "أحد عشر جنديا ومئة وخمسون مدنيا وثلاثة آلاف نازح.", [["أحد عشر", 11, 11, "numbers:words"], ["مئة وخمسون", 150, 150, "numbers:words"], ["ثلاثة آلاف", 3000, 3000, "numbers:words"]]],
    ["ar", "مقتل أحد الجنود يوم الأحد الماضي.", [["أحد", 1, 1, "numbers:words"]]],
  ])("%s: %s", (language, text, expected) => {
    expect(found(text, language)).toEqual(expected);
  });

  it("reads a/an/un/une as one only before a counted noun", () => {
    expect(found("A soldier was killed in an ambush.", "en")).toEqual([["A", 1, 1, "numbers:article"]]);
    expect(found("Un mort et une attaque.", "fr")).toEqual([["Un", 1, 1, "numbers:article"]]);
    expect(found("No one saw one another.", "en")).toEqual([]);
  });

  it("takes the caller's counted nouns", () => {
    const finder = createNumberFinder({ countedNouns: ["préfet"] });
    expect(finder("Un gendarme et un préfet.", "fr").map((n) => n.text)).toEqual(["Un", "un"]);
    expect(findNumbers("Un gendarme et un préfet.", "fr").map((n) => n.text)).toEqual(["Un"]);
  });
});

describe("findNumbers: vague quantities (low as ACLED codes them)", () => {
  it.each<[string, string, Expected[]]>([
    ["en", "Several were hurt, dozens fled, hundreds protested and a few hid.", [["Several", 10, 19, "numbers:vague"], ["dozens", 12, 99, "numbers:vague"], ["hundreds", 100, 999, "numbers:vague"], ["a few", 3, 9, "numbers:vague"]]],
    ["en", "Tens of thousands marched; several hundred were detained.", [["Tens of thousands", 10_000, 99_999, "numbers:vague"], ["several hundred", 200, 999, "numbers:vague"]]],
    ["fr", "Une dizaine de morts, des dizaines de blessés, une centaine d’otages, plusieurs civils, quelques soldats.", [["Une dizaine", 10, 12, "numbers:approximate"], ["des dizaines", 10, 99, "numbers:vague"], ["une centaine", 100, 120, "numbers:approximate"], ["plusieurs", 10, 19, "numbers:vague"], ["quelques", 3, 9, "numbers:vague"]]],
    ["fr", "Des centaines de milliers de déplacés.", [["Des centaines de milliers", 100_000, 999_999, "numbers:vague"]]],
    ["ar", "عشرات القتلى ومئات الجرحى وعدة منازل وبضعة أشخاص وعشرات الآلاف من النازحين.", [["عشرات", 10, 99, "numbers:vague"], ["مئات", 100, 999, "numbers:vague"], ["عدة", 10, 19, "numbers:vague"], ["بضعة", 3, 9, "numbers:vague"], ["عشرات الآلاف", 10_000, 99_999, "numbers:vague"]]],
  ])("%s: %s", (language, text, expected) => {
    expect(found(text, language)).toEqual(expected);
  });
});

describe("findNumbers: modifiers and ranges", () => {
  it.each<[string, string, Expected[]]>([
    ["en", "At least 12 died, more than 20 fled, up to 30 hid, fewer than 10 stayed.", [["At least 12", 12, 12, "numbers:at-least"], ["more than 20", 21, 21, "numbers:more-than"], ["up to 30", 1, 30, "numbers:up-to"], ["fewer than 10", 1, 9, "numbers:less-than"]]],
    ["en", "About a hundred, nearly 50, 12 or more, between 5 and 12, 5 to 7, 10-15.", [["About a hundred", 100, 120, "numbers:approximate"], ["nearly 50", 50, 50, "numbers:approximate"], ["12 or more", 12, 12, "numbers:at-least"], ["between 5 and 12", 5, 12, "numbers:range"], ["5 to 7", 5, 7, "numbers:range"], ["10-15", 10, 15, "numbers:range"]]],
    ["fr", "Au moins cinq, plus de 20, plus d’une centaine, jusqu’à 30, entre 5 et 12, 5 à 7, environ 40.", [["Au moins cinq", 5, 5, "numbers:at-least"], ["plus de 20", 21, 21, "numbers:more-than"], ["plus d’une centaine", 101, 120, "numbers:more-than"], ["jusqu’à 30", 1, 30, "numbers:up-to"], ["entre 5 et 12", 5, 12, "numbers:range"], ["5 à 7", 5, 7, "numbers:range"], ["environ 40", 40, 48, "numbers:approximate"]]],
    ["ar", "أكثر من 20، بين 5 و12، حتى 30، نحو مئة، ما لا يقل عن 7، و12 على الأقل، بين خمسة وعشرة.", [["أكثر من 20", 21, 21, "numbers:more-than"], ["بين 5 و12", 5, 12, "numbers:range"], ["حتى 30", 1, 30, "numbers:up-to"], ["نحو مئة", 100, 120, "numbers:approximate"], ["ما لا يقل عن 7", 7, 7, "numbers:at-least"], ["12 على الأقل", 12, 12, "numbers:at-least"], ["بين خمسة وعشرة", 5, 10, "numbers:range"]]],
  ])("%s: %s", (language, text, expected) => {
    expect(found(text, language)).toEqual(expected);
  });
});

describe("findNumbers: numbers that are not quantities", () => {
  it.each<[string, string, string]>([
    ["names and identifiers", "en", "M23 rebels, the G5 Sahel force, F-16 jets, COVID-19 and Resolution 2254."],
    ["years", "en", "In 2015, after the 2012 coup, and since March 2014."],
    ["dates", "en", "On March 12 and 3 June, on 12/03/2015, 2015-03-12 and 12.03.2015."],
    ["times of day", "en", "At 3 p.m., at 14:30 and at 6 o'clock."],
    ["ordinals and units glued to digits", "en", "The 5th brigade, 3rd time, 5km away, 12h30."],
    ["French dates, times and ordinals", "fr", "Le 12 mars 2015 à 14 h, le 1er mai, la 3e région, de 12 au 15 juin."],
    ["Arabic dates and years", "ar", "في 12 مارس/آذار عام 2015 و١٥ نيسان، الساعة 3، القرار 2254."],
    ["a word that introduces an identifier", "en", "Chapter 5, article 12 and flight 370."],
  ])("%s", (_what, language, text) => {
    expect(found(text, language)).toEqual([]);
  });

  it("does not join words across a blank line", () => {
    expect(found("twenty\n\nthree", "en")).toEqual([["twenty", 20, 20, "numbers:words"], ["three", 3, 3, "numbers:words"]]);
  });

  it("keeps a year-like number that counts people", () => {
    expect(found("At least 2000 fled and 1950 people were displaced in 2015.", "en")).toEqual([
      ["At least 2000", 2000, 2000, "numbers:at-least"],
      ["1950", 1950, 1950, "numbers:digits"],
    ]);
  });
});

describe("findNumbers: range and language", () => {
  it("searches only the range, with offsets into the whole text", () => {
    const text = "5 dead. Then 7 wounded.";
    const numbers = findNumbers(text, "en", { start: 8, end: text.length });
    expect(numbers).toEqual([{ start: 13, end: 14, text: "7", low: 7, high: 7, by: "numbers:digits" }]);
  });

  it("tries every grammar for an undetermined language", () => {
    expect(found("twelve, douze, اثنا عشر", "und").map(([text, low]) => [text, low])).toEqual([["twelve", 12], ["douze", 12], ["اثنا عشر", 12]]);
  });

  it("says what range it expected when given one outside the text", () => {
    expect(() => findNumbers("five", "en", { start: 2, end: 10 })).toThrow(/expected a range within the text \(0–4\), found 2–10/);
  });
});

describe("scanning", () => {
  it("folds a word of ASCII letters to its lower case, as foldKey does, which the scan counts on", () => {
    for (const word of ["killed", "KILLED", "Killed", "a", "Z", "dOzEnS", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"]) expect(foldKey(word)).toBe(word.toLowerCase());
  });

  it("finds a word of ASCII letters where the word pattern would, and leaves anything else to it", () => {
    expect(asciiWordEnd("killed, 12", 0)).toBe(6);
    expect(asciiWordEnd("killed", 0)).toBe(6);
    expect(asciiWordEnd("d'assaut", 0)).toBe(-1);
    expect(asciiWordEnd("d’assaut", 0)).toBe(-1);
    expect(asciiWordEnd("tués", 0)).toBe(-1);
    expect(asciiWordEnd("M23", 0)).toBe(1);
    expect(asciiWordEnd(" killed", 0)).toBe(-1);
  });

  it("gives the keys it read, and the numbers when asked", () => {
    const scan = createNumberScanner()("Twelve Soldiers, والمسلحين 3", "ar");
    expect(scan.keys).toEqual(expect.arrayContaining(["twelve", "soldiers", ",", "والمسلحين", "مسلحين", "3"]));
    expect(scan.numbers().map((number) => number.text)).toEqual(["3"]);
  });
});
