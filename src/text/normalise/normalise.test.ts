import { describe, expect, it } from "vitest";
import type { AnalysisDocument } from "../../model/analysis.js";
import { createDoc, type Doc } from "../../model/document.js";
import { createSegmentStage } from "../segment/index.js";
import { tokenKeys } from "./keys.js";
import { createNormaliseStage } from "./normalise.js";

function segmented(text: string, language: string): Doc {
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
  return createSegmentStage()(createDoc(document), {});
}

describe("tokenKeys", () => {
  it("gives both keys of a text", () => {
    expect(tokenKeys("Ersāl")).toEqual({ fold: "ersal", skeleton: "rsl" });
    expect(tokenKeys("عَرْسال")).toEqual({ fold: "عرسال", skeleton: "rsl" });
  });
});

describe("the normalise stage", () => {
  const normalise = createNormaliseStage();

  it("is a function named normalise", () => {
    expect(normalise.name).toBe("normalise");
  });

  it("sets keys on every token, punctuation included, and nothing else", () => {
    const input = segmented("Les combattants d’al-Nosra ont fui vers Aarsale (Liban) ; والقلمون.", "fr");
    const output = normalise(input, {});
    expect(output.tokens.map((token) => [token.text, token.keys?.fold, token.keys?.skeleton])).toEqual([
      ["Les", "les", "ls"],
      ["combattants", "combattants", "kmbtnts"],
      ["d’", "d'", "d"],
      ["al", "al", "l"],
      ["-", "-", ""],
      ["Nosra", "nosra", "nsr"],
      ["ont", "ont", "nt"],
      ["fui", "fui", "f"],
      ["vers", "vers", "frs"],
      ["Aarsale", "aarsale", "rsl"],
      ["(", "(", ""],
      ["Liban", "liban", "lbn"],
      [")", ")", ""],
      [";", ";", ""],
      ["والقلمون", "والقلمون", "lklmn"],
      [".", ".", ""],
    ]);
    expect(output.tokens.map(({ keys: _keys, ...rest }) => rest)).toEqual(input.tokens.map(({ keys: _keys, ...rest }) => rest));
    expect(output.sentences).toEqual(input.sentences);
    expect(input.tokens.every((token) => token.keys === null)).toBe(true);
  });

  it("leaves the stem's keys to tokenKeys, which finds the name behind the clitics", () => {
    const doc = normalise(segmented("وبالقلمون", "ar"), {});
    const [token] = doc.tokens;
    expect(token?.keys?.skeleton).toBe("blklmn");
    const stem = token?.stem;
    expect(stem).not.toBeNull();
    expect(tokenKeys(doc.document.text.slice(stem?.start, stem?.end)).skeleton).toBe(tokenKeys("القلمون").skeleton);
  });
});
