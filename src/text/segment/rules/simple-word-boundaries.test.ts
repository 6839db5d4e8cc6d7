import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Span } from "../../../model/span.js";
import { trimInvisible } from "./invisible.js";
import { agreesWith, isSimpleText, simpleWordBoundaries } from "./simple-word-boundaries.js";

const segmenters = ["fr", "en", "ar", undefined].map((locale) => new Intl.Segmenter(locale, { granularity: "word" }));

/** What the tokeniser keeps of the segmenter's answer: pieces trimmed of white space, empty ones left out. */
function segmenterPieces(segmenter: Intl.Segmenter, text: string): string[] {
  const pieces: string[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const piece = trimInvisible(text, { start: index, end: index + segment.length });
    if (piece.start < piece.end) pieces.push(text.slice(piece.start, piece.end));
  }
  return pieces;
}

function simplePieces(text: string): string[] {
  const pieces: Span[] = [];
  simpleWordBoundaries(text, 0, text.length, pieces);
  return pieces.map((piece) => text.slice(piece.start, piece.end));
}

describe("simpleWordBoundaries", () => {
  it("agrees with the segmenter of every language the tokeniser builds", () => {
    for (const segmenter of segmenters) expect(agreesWith(segmenter)).toBe(true);
  });

  it.each([
    ["U.S.-led forces", ["U.S", ".", "-", "led", "forces"]],
    ["don't rebels' 3.5 12,000", ["don't", "rebels", "'", "3.5", "12,000"]],
    ["l’armée a:b x_y 12\u202f000 1\u00a0000", ["l’armée", "a:b", "x_y", "12\u202f000", "1", "000"]],
    ["« Nosra », “Nusra”… – ok", ["«", "Nosra", "»", ",", "“", "Nusra", "”", "…", "–", "ok"]],
  ])("splits %j as the segmenter does", (text, expected) => {
    expect(simplePieces(text)).toEqual(expected);
    expect(segmenterPieces(segmenters[1] as Intl.Segmenter, text)).toEqual(expected);
  });

  it("splits random simple text as the segmenter does", () => {
    // Letters, digits and every joining mark weighted up, so that the rules between them are met often.
    const common = "aaaaZé1111.....'''’’:::,,;;__\u202f\u202f   \t\n-\"«»“”…–!?()·ÿĀǅḀ%";
    const all = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).filter((char) => isSimpleText(char, 0, 1));
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 20_000; round++) {
      const length = 1 + random(12);
      const text = Array.from({ length }, () => (random(4) === 0 ? all[random(all.length)] : common[random(common.length)])).join("");
      expect(isSimpleText(text, 0, text.length)).toBe(true);
      const segmenter = segmenters[round % segmenters.length] as Intl.Segmenter;
      expect(simplePieces(text), JSON.stringify(text)).toEqual(segmenterPieces(segmenter, text));
    }
  });

  it("splits the simple lines of real reports as the segmenter does", () => {
    const folders = ["../../../../fixtures/", "../../../../examples/", "../fixtures/"].map((path) => new URL(path, import.meta.url));
    let lines = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((file) => file.endsWith(".txt"))) {
        for (const line of readFileSync(new URL(name, folder), "utf8").split("\n")) {
          if (!isSimpleText(line, 0, line.length)) continue;
          lines++;
          for (const segmenter of segmenters) expect(simplePieces(line), line).toEqual(segmenterPieces(segmenter, line));
        }
      }
    }
    expect(lines).toBeGreaterThan(10);
  });

  it("sees nothing outside the range it is given", () => {
    const text = "a.b 1,2";
    const pieces: Span[] = [];
    simpleWordBoundaries(text, 2, 5, pieces);
    expect(pieces.map((piece) => text.slice(piece.start, piece.end))).toEqual(["b", "1"]);
  });

  it("leaves text with other characters to the segmenter", () => {
    for (const text of ["عرسال", "e\u0301", "a\u200fb", "😀", "\u00ad", "a\u0085b", "a\u00b8b"]) expect(isSimpleText(text, 0, text.length), text).toBe(false);
  });
});
