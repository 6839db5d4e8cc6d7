import { describe, expect, it } from "vitest";
import type { Token } from "../../model/document.js";
import { buildLanguageRules, type SegmentLanguage } from "./languages.js";
import { splitSentences } from "./sentences.js";
import { tokenise } from "./tokens.js";

const rules = {
  fr: buildLanguageRules("fr", {}),
  en: buildLanguageRules("en", {}),
  ar: buildLanguageRules("ar", {}),
  und: buildLanguageRules("und", {}),
};

function tokens(language: SegmentLanguage, text: string): Token[] {
  const { sentences } = splitSentences(text, rules[language].sentences);
  return tokenise(text, sentences, rules[language].tokens);
}

const texts = (language: SegmentLanguage, text: string): string[] => tokens(language, text).map((token) => token.text);

describe("French elision", () => {
  it.each([
    ["d’Aarsale", ["d’", "Aarsale"]],
    ["L’avancée", ["L’", "avancée"]],
    ["l'armée", ["l'", "armée"]],
    ["jusqu’à lorsqu’il puisqu’elle quoiqu’on qu’il", ["jusqu’", "à", "lorsqu’", "il", "puisqu’", "elle", "quoiqu’", "on", "qu’", "il"]],
    ["c’est j’ai m’a n’y s’est t’es", ["c’", "est", "j’", "ai", "m’", "a", "n’", "y", "s’", "est", "t’", "es"]],
    ["aujourd’hui quelqu’un presqu’île", ["aujourd’hui", "quelqu’un", "presqu’île"]],
    ["d’al-Qaïda", ["d’", "al", "-", "Qaïda"]],
    ["plus d’1 million", ["plus", "d’", "1", "million"]],
  ])("%s", (text, expected) => {
    expect(texts("fr", text)).toEqual(expected);
  });

  it("applies to undetermined text but not to English", () => {
    expect(texts("und", "l’armée")).toEqual(["l’", "armée"]);
    expect(texts("en", "O’Brien d’Estaing")).toEqual(["O’Brien", "d’Estaing"]);
  });
});

describe("hyphens", () => {
  it("are their own tokens, whatever the dash, so hyphenated names split alike", () => {
    expect(texts("fr", "al-Nosra al‑Nosra Jor al-Inab elle-même")).toEqual(["al", "-", "Nosra", "al", "‑", "Nosra", "Jor", "al", "-", "Inab", "elle", "-", "même"]);
    expect(texts("en", "the al–Nusra Front")).toEqual(["the", "al", "–", "Nusra", "Front"]);
  });
});

describe("numbers", () => {
  it("keep their separators, and thousands groups joined by no-break spaces", () => {
    expect(texts("fr", "1.200 3,5 12\u00a0000 12\u202f000 1\u00a0200\u00a0000 12 000 2015 300")).toEqual([
      "1.200",
      "3,5",
      "12\u00a0000",
      "12\u202f000",
      "1\u00a0200\u00a0000",
      "12",
      "000",
      "2015",
      "300",
    ]);
    expect(texts("ar", "٣٫٥ و١٢٬٠٠٠")).toEqual(["٣٫٥", "و", "١٢٬٠٠٠"]);
  });

  it("are cut from Arabic letters written against them, not from Latin ones", () => {
    expect(texts("ar", "و١٢ بـ300 عام ٢٠١٥م")).toEqual(["و", "١٢", "بـ", "300", "عام", "٢٠١٥", "م"]);
    expect(texts("fr", "F-16 T4 11h30")).toEqual(["F", "-", "16", "T4", "11h30"]);
  });
});

describe("punctuation and kinds", () => {
  it("makes a token of every mark and none of white space", () => {
    const found = tokens("fr", "« x » “y” (z) — n° 5, 10 % ; a : b ! c ? d … e ... f ?!").map((token) => [token.text, token.kind]);
    expect(found).toEqual([
      ["«", "punctuation"],
      ["x", "word"],
      ["»", "punctuation"],
      ["“", "punctuation"],
      ["y", "word"],
      ["”", "punctuation"],
      ["(", "punctuation"],
      ["z", "word"],
      [")", "punctuation"],
      ["—", "punctuation"],
      ["n", "word"],
      ["°", "symbol"],
      ["5", "number"],
      [",", "punctuation"],
      ["10", "number"],
      ["%", "symbol"],
      [";", "punctuation"],
      ["a", "word"],
      [":", "punctuation"],
      ["b", "word"],
      ["!", "punctuation"],
      ["c", "word"],
      ["?", "punctuation"],
      ["d", "word"],
      ["…", "punctuation"],
      ["e", "word"],
      ["...", "punctuation"],
      ["f", "word"],
      ["?!", "punctuation"],
    ]);
  });

  it("reads Arabic punctuation and a lone tatweel as punctuation", () => {
    const found = tokens("ar", "دمشق ـ قالوا، ثم؛ لماذا؟! انتهى۔").map((token) => [token.text, token.kind]);
    expect(found).toEqual([
      ["دمشق", "word"],
      ["ـ", "punctuation"],
      ["قالوا", "word"],
      ["،", "punctuation"],
      ["ثم", "word"],
      ["؛", "punctuation"],
      ["لماذا", "word"],
      ["؟!", "punctuation"],
      ["انتهى", "word"],
      ["۔", "punctuation"],
    ]);
  });
});

describe("abbreviation periods", () => {
  it("belong to the abbreviation's token", () => {
    expect(texts("fr", "M. Hollande, le gén. Aoun et J. Dupont, etc.")).toEqual(["M.", "Hollande", ",", "le", "gén.", "Aoun", "et", "J.", "Dupont", ",", "etc."]);
    expect(texts("en", "U.S.-backed forces of Lt.-Gen. Ali took No. 5 at 5 p.m.")).toEqual([
      "U.S.",
      "-",
      "backed",
      "forces",
      "of",
      "Lt.",
      "-",
      "Gen.",
      "Ali",
      "took",
      "No.",
      "5",
      "at",
      "5",
      "p.m.",
    ]);
  });

  it("stay apart after a number abbreviation that stands alone, and after an ordinary word", () => {
    expect(texts("en", "Was it? No. It was Homs.")).toEqual(["Was", "it", "?", "No", ".", "It", "was", "Homs", "."]);
  });
});

describe("English possessive", () => {
  it("splits off ’s", () => {
    expect(texts("en", "Syria’s army and Lebanon's border, the rebels’ lines")).toEqual([
      "Syria",
      "’s",
      "army",
      "and",
      "Lebanon",
      "'s",
      "border",
      ",",
      "the",
      "rebels",
      "’",
      "lines",
    ]);
  });
});

describe("right-to-left text", () => {
  it("never makes a token of a bidi control nor starts or ends one with it", () => {
    const text = "قال \u200fعرسال\u200e \u2067(حمص)\u2069 \u200f";
    const found = tokens("ar", text);
    expect(found.map((token) => token.text)).toEqual(["قال", "عرسال", "(", "حمص", ")"]);
    for (const token of found) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it("keeps a word whole around an embedded control, as the segmenter does, and finds its stem", () => {
    const text = "و\u202bالقلمون\u202c";
    const [token] = tokens("ar", text);
    expect(token?.text).toBe("و\u202bالقلمون");
    expect(token?.stem).toEqual({ start: text.indexOf("قلمون"), end: text.indexOf("\u202c") });
  });
});

describe("Arabic stems", () => {
  it("marks the stem after the longest plausible proclitic sequence", () => {
    const text = "والقلمون بالقصير للرقة وبحمص ولبنان بيروت بين حلب";
    const stems = tokens("ar", text).map((token) => (token.stem === null ? null : text.slice(token.stem.start, token.stem.end)));
    expect(stems).toEqual(["قلمون", "قصير", "رقة", "حمص", "بنان", "يروت", null, null]);
  });

  it("finds stems of Arabic words in text of any language, and none in Latin words", () => {
    const text = "La ville de القصير et de Beyrouth";
    const withStem = tokens("fr", text).filter((token) => token.stem !== null);
    expect(withStem.map((token) => token.text)).toEqual(["القصير"]);
  });
});

describe("sentence index", () => {
  it("names the sentence each token lies in", () => {
    expect(tokens("fr", "Un deux. Trois.").map((token) => [token.text, token.sentence])).toEqual([
      ["Un", 0],
      ["deux", 0],
      [".", 0],
      ["Trois", 1],
      [".", 1],
    ]);
  });
});

describe("long sentences", () => {
  it("are tokenised as the sum of their parts", () => {
    const part = "« Un, deux » l’armée al-Nosra 3,5 ١٢٬٠٠٠ عرسال\u200f M. Aoun ";
    const one = texts("fr", part);
    expect(texts("fr", part.repeat(300))).toEqual(Array.from({ length: 300 }, () => one).flat());
  });
});
