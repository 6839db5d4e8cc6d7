import { describe, expect, it } from "vitest";
import { firstInvalidUtf8Offset } from "./utf8.js";

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("firstInvalidUtf8Offset", () => {
  it("accepts valid text in every sequence length", () => {
    expect(firstInvalidUtf8Offset(utf8("Alep, حلب, 𝔄 €"))).toBe(-1);
    expect(firstInvalidUtf8Offset(bytes())).toBe(-1);
  });

  it("points at the lead byte of the first broken sequence", () => {
    // "Al" then windows-1256 ا (0xC7) followed by an ASCII letter.
    expect(firstInvalidUtf8Offset(bytes(0x41, 0x6c, 0xc7, 0x41))).toBe(2);
    expect(firstInvalidUtf8Offset(bytes(0x41, 0xff))).toBe(1);
    expect(firstInvalidUtf8Offset(bytes(0x41, 0x80))).toBe(1);
  });

  it("rejects what TextDecoder rejects: overlongs, surrogates, beyond U+10FFFF, truncation", () => {
    const cases = [
      bytes(0xc0, 0xaf),
      bytes(0xe0, 0x80, 0xaf),
      bytes(0xed, 0xa0, 0x80),
      bytes(0xf4, 0x90, 0x80, 0x80),
      bytes(0xf0, 0x9f, 0x98),
    ];
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const input of cases) {
      expect(() => decoder.decode(input)).toThrow();
      expect(firstInvalidUtf8Offset(input)).toBe(0);
    }
  });
});
