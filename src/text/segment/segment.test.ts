import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnalysisDocument } from "../../model/analysis.js";
import { createDoc, toAnalysis, type Doc } from "../../model/document.js";
import { createMessage } from "../../model/message.js";
import { assertValid } from "../../test-support/schema.js";
import { createSegmentStage } from "./segment.js";

function docOf(text: string, language: string): Doc {
  const document: AnalysisDocument = {
    id: "test",
    url: null,
    outlet: null,
    language,
    language_scores: [],
    published: null,
    title: null,
    text,
    metadata_from: {},
    input: { format: "text", encoding: "utf-8", bytes: Buffer.byteLength(text), source_map: null },
  };
  return createDoc(document);
}

const segment = createSegmentStage();
const sentenceTexts = (doc: Doc): string[] => doc.sentences.map((span) => doc.document.text.slice(span.start, span.end));

interface Golden {
  language: string;
  sentences: Array<{ text: string; tokens: string[] }>;
  stems?: Record<string, string>;
  messages: string[];
}

describe("golden fixtures", () => {
  const fixtures = new URL("./fixtures/", import.meta.url);
  const names = readdirSync(fixtures).filter((name) => name.endsWith(".txt"));

  it("exist for French, English and Arabic", () => {
    expect(names.map((name) => name.slice(0, 2)).sort()).toEqual(["ar", "en", "fr"]);
  });

  it.each(names)("%s", (name) => {
    const expected = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/u, ".json"), fixtures), "utf8")) as Golden;
    const text = readFileSync(new URL(name, fixtures), "utf8");
    const doc = segment(docOf(text, expected.language), {});
    const actual: Golden = {
      language: expected.language,
      sentences: doc.sentences.map((span, index) => ({
        text: text.slice(span.start, span.end),
        tokens: doc.tokens.filter((token) => token.sentence === index).map((token) => token.text),
      })),
      messages: doc.messages.map((message) => message.code),
    };
    const stems = doc.tokens.filter((token) => token.stem !== null).map((token) => [token.text, text.slice(token.stem?.start, token.stem?.end)]);
    if (stems.length > 0) actual.stems = Object.fromEntries(stems);
    expect(actual).toEqual(expected);
    assertValid("analysis", toAnalysis(doc));
  });
});

describe("the founding example", () => {
  const text = readFileSync(new URL("../../../examples/qalamoun-fr.txt", import.meta.url), "utf8");
  const doc = segment(docOf(text, "fr"), {});
  const sentences = sentenceTexts(doc);

  it("has 21 sentences", () => {
    // 19 lines, each its own sentence or several: the two headlines ("Nosra: fuite,
    // capitulation", "Des missiles français") stand alone, and two lines hold two
    // sentences each ("… de trahison. Certains …", "… leur manquaient. Des missiles …").
    // 19 + 2 = 21; the quotations of lines 11, 12 and 19 do not split.
    expect(text.split("\n")).toHaveLength(19);
    expect(sentences).toHaveLength(21);
  });

  it("keeps every sentence inside one line, and every line made of whole sentences", () => {
    for (const sentence of sentences) expect(sentence).not.toContain("\n");
    const joined = text.split("\n").map((line) => line.trim());
    let next = 0;
    for (const line of joined) {
      const parts: string[] = [];
      while (parts.join(" ").length < line.length) parts.push(sentences[next++] ?? "");
      expect(parts.join(" ")).toBe(line);
    }
    expect(next).toBe(sentences.length);
  });

  it("makes the headlines sentences of their own", () => {
    expect(sentences).toContain("Nosra: fuite, capitulation");
    expect(sentences).toContain("Des missiles français");
  });

  it("never ends a sentence inside « … »", () => {
    for (const sentence of sentences) expect(sentence.split("«").length).toBe(sentence.split("»").length);
    expect(sentences).toContain("« Il n’y a pas eu de combats », ont confié des résistants pour le correspondant de la chaine de télévision pan arabe al-Mayadeen.");
    expect(doc.messages).toEqual([]);
  });

  it("splits elided articles and hyphenated names the same way throughout", () => {
    const texts = doc.tokens.map((token) => token.text);
    expect(texts.slice(0, 4)).toEqual(["C’", "est", "l’", "effondrement"]);
    const aarsale = texts.indexOf("Aarsale");
    expect(texts[aarsale - 1]).toBe("de");
    const inab = texts.indexOf("Inab");
    expect(texts.slice(inab - 3, inab + 1)).toEqual(["Jor", "al", "-", "Inab"]);
    expect(texts.filter((token, i) => token === "Nosra" && texts[i - 1] === "-" && texts[i - 2] === "al")).toHaveLength(3);
  });
});

describe("titles with a period", () => {
  it("never end a sentence: M. Hollande", () => {
    const doc = segment(docOf("Le président M. Hollande a reçu M. Aoun. Puis M.\nFabius a parlé.", "fr"), {});
    expect(sentenceTexts(doc)).toEqual(["Le président M. Hollande a reçu M. Aoun.", "Puis M.\nFabius a parlé."]);
  });
});

describe("the segment stage", () => {
  it("is a function named segment that leaves its input and the text alone", () => {
    const input = docOf("Un. Deux.", "fr");
    const output = segment(input, {});
    expect(segment.name).toBe("segment");
    expect(input.sentences).toEqual([]);
    expect(input.tokens).toEqual([]);
    expect(output.document).toBe(input.document);
    expect(output.tokens.every((token) => token.keys === null)).toBe(true);
  });

  it("appends its messages to those already there", () => {
    const earlier = createMessage({ code: "language-undetermined", severity: "info", reason: "too short", stage: "language" });
    const input = { ...docOf("« Ouvert. Jamais fermé.", "und"), messages: [earlier] };
    expect(segment(input, {}).messages.map((message) => message.code)).toEqual(["language-undetermined", "segment-unclosed-quote"]);
  });

  it("chooses rules by the document's language", () => {
    const text = "Syria's army, l’armée.";
    expect(segment(docOf(text, "en"), {}).tokens.map((token) => token.text)).toEqual(["Syria", "'s", "army", ",", "l’armée", "."]);
    expect(segment(docOf(text, "fr-FR"), {}).tokens.map((token) => token.text)).toEqual(["Syria's", "army", ",", "l’", "armée", "."]);
  });

  it("takes more abbreviations as an option", () => {
    const text = "Le cpt. Karim est arrivé. Le gal. Haddad aussi.";
    expect(sentenceTexts(segment(docOf(text, "fr"), {}))).toEqual(["Le cpt. Karim est arrivé.", "Le gal.", "Haddad aussi."]);
    const withGal = createSegmentStage({ abbreviations: { title: ["gal"] } });
    expect(sentenceTexts(withGal(docOf(text, "fr"), {}))).toEqual(["Le cpt. Karim est arrivé.", "Le gal. Haddad aussi."]);
  });

  it("gives an empty text no sentences and no tokens", () => {
    const doc = segment(docOf(" \n\u200f\n ", "ar"), {});
    expect(doc.sentences).toEqual([]);
    expect(doc.tokens).toEqual([]);
  });
});

describe("on any text", () => {
  const pieces = [
    "M.", "Hollande", "Mr.", "U.S.", "etc.", "e.g.", "J.", "J.-C.", "p.m.", "No.", "5", "3.5", "1.200", "12\u00a0000", "١٢٬٠٠٠", "٣٫٥",
    "Nosra", "al-", "d’", "l'", "aujourd’hui", "Syria's", "عرسال", "والقلمون", "للرقة", "بـ", "ـ", "د.",
    " ", " ", " ", "\n", "\n\n", "\r\n", "\u2029", "\u00a0", "\t",
    ".", ".", "!", "?", "…", "...", "?!", "،", "؛", "؟", "۔", ",", ":", "-", "—", "(", ")",
    "«", "»", "“", "”", "„", "\"", "'", "’",
    "\u200e", "\u200f", "\u202b", "\u202c", "\u2067", "\u2069", "\u00ad", "\ufeff", "👍🏽", "%",
  ];
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const randomText = (): string => Array.from({ length: 1 + random(60) }, () => pieces[random(pieces.length)] ?? "").join("");
  const invisible = /^[\s\p{Cf}]$/u;

  it("keeps every span on the text, every token in its sentence, every visible character covered", () => {
    for (let round = 0; round < 400; round++) {
      const text = randomText();
      const language = ["fr", "en", "ar", "und"][round % 4] ?? "und";
      const doc = segment(docOf(text, language), {});
      const context = JSON.stringify(text);

      let previousEnd = 0;
      const inSentence = new Array<number>(text.length).fill(-1);
      doc.sentences.forEach((sentence, index) => {
        expect(sentence.start, context).toBeGreaterThanOrEqual(previousEnd);
        expect(sentence.end, context).toBeGreaterThan(sentence.start);
        expect(invisible.test(text[sentence.start] ?? ""), context).toBe(false);
        expect(invisible.test(text[sentence.end - 1] ?? ""), context).toBe(false);
        const lines = text.slice(sentence.start, sentence.end).split(/\r\n|[\n\r\v\u0085\u2028]/u);
        for (const line of lines) expect(line.replace(/[\s\p{Cf}]/gu, ""), context).not.toBe("");
        expect(text.slice(sentence.start, sentence.end), context).not.toMatch(/[\f\u2029]/u);
        for (let i = sentence.start; i < sentence.end; i++) inSentence[i] = index;
        previousEnd = sentence.end;
      });

      previousEnd = 0;
      const inToken = new Array<boolean>(text.length).fill(false);
      for (const token of doc.tokens) {
        const sentence = doc.sentences[token.sentence];
        expect(sentence, context).toBeDefined();
        expect(token.start, context).toBeGreaterThanOrEqual(Math.max(previousEnd, sentence?.start ?? 0));
        expect(token.end, context).toBeLessThanOrEqual(sentence?.end ?? -1);
        expect(text.slice(token.start, token.end), context).toBe(token.text);
        expect(token.text, context).not.toBe("");
        expect(invisible.test(token.text[0] ?? ""), context).toBe(false);
        expect(invisible.test(token.text.at(-1) ?? ""), context).toBe(false);
        if (token.stem !== null) {
          expect(token.stem.start, context).toBeGreaterThan(token.start);
          expect(token.stem.end, context).toBe(token.end);
        }
        for (let i = token.start; i < token.end; i++) inToken[i] = true;
        previousEnd = token.end;
      }

      for (let i = 0; i < text.length; i++) {
        if (invisible.test(text[i] ?? "")) continue;
        expect(inSentence[i], `${context} at ${i}`).toBeGreaterThanOrEqual(0);
        expect(inToken[i], `${context} at ${i}`).toBe(true);
      }
    }
  });
});
