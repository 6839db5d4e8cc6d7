/**
 * The rules skip characters by code before asking a regular expression; each
 * shortcut must let through every character the expression accepts.
 */
import { describe, expect, it } from "vitest";
import { ABBREVIATIONS, type AbbreviationClass } from "../data/abbreviations.js";
import { abbreviationBefore, buildAbbreviationLookup, type AbbreviationLookup } from "./abbreviations.js";
import { isTerminalCode, TERMINAL } from "./sentence-ends.js";

const BMP = Array.from({ length: 0x10000 }, (_, code) => code);

describe("scanning shortcuts", () => {
  it("isTerminalCode is TERMINAL, code by code", () => {
    for (const code of BMP) expect(isTerminalCode(code), code.toString(16)).toBe(TERMINAL.test(String.fromCharCode(code)));
  });

  it("no character of the Arabic script lies below U+0600", () => {
    for (let code = 0; code < 0x600; code++) expect(/\p{Script=Arabic}/u.test(String.fromCodePoint(code)), code.toString(16)).toBe(false);
  });

  it("abbreviationBefore answers as it did searching the whole window", () => {
    const lookup = buildAbbreviationLookup([ABBREVIATIONS.fr, ABBREVIATIONS.en, ABBREVIATIONS.ar]);
    const alphabet = "aZé.-. -'’(1\u0301ع𝐀MrGenJ";
    let seed = 9;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 5000; round++) {
      const text = `${Array.from({ length: random(40) }, () => alphabet[random(alphabet.length)]).join("")}.`;
      const dot = text.length - 1;
      expect(abbreviationBefore(text, dot, lookup), JSON.stringify(text)).toBe(searchingTheWholeWindow(text, dot, lookup));
    }
  });
});

/** The rule as it was written before it narrowed the window. */
function searchingTheWholeWindow(text: string, dot: number, lookup: AbbreviationLookup): AbbreviationClass | null {
  const window = text.slice(Math.max(0, dot - 24), dot);
  const word = /[\p{L}\p{M}](?:[\p{L}\p{M}]|[.-]+(?=[\p{L}]))*$/u.exec(window)?.[0];
  if (word === undefined) return null;
  if (word.length === window.length && dot - 24 > 0) return null;
  const known = lookup.get(word);
  if (known !== undefined) return known;
  if (/^[\p{Lu}\p{Ll}](?:\.-?[\p{Lu}\p{Ll}])*$/u.test(word)) return "trailing";
  const lastPart = word.slice(word.lastIndexOf("-") + 1);
  if (lastPart !== word) return lookup.get(lastPart) ?? null;
  return null;
}
