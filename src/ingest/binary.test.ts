import { describe, expect, it } from "vitest";
import { findControlCharacters, looksBinary, sniffFileFormat } from "./binary.js";

describe("sniffFileFormat", () => {
  it("recognises formats by their first bytes only", () => {
    expect(sniffFileFormat(new TextEncoder().encode("%PDF-1.4"))).toBe("a PDF file");
    expect(sniffFileFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toMatch(/^a ZIP archive/);
    expect(sniffFileFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/Microsoft Office/);
    expect(sniffFileFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("a JPEG image");
    expect(sniffFileFormat(new TextEncoder().encode("GIF89a"))).toBe("a GIF image");
    expect(sniffFileFormat(new TextEncoder().encode("The report cites %PDF-1.4 files"))).toBeNull();
    expect(sniffFileFormat(Uint8Array.from([0x50, 0x4b]))).toBeNull();
  });
});

describe("control characters", () => {
  it("counts C0 controls other than tab, line feed, form feed and carriage return", () => {
    expect(findControlCharacters("a\tb\nc\fd\r\n")).toEqual({ count: 0, first: -1, firstNul: -1 });
    expect(findControlCharacters("ab\u0007c\u0000\u001b")).toEqual({ count: 3, first: 2, firstNul: 4 });
  });

  it("calls text binary on any NUL, or on more than one control character in ten", () => {
    const verdict = (text: string) => looksBinary(findControlCharacters(text), text.length);
    expect(verdict("text\u0000")).toMatch(/NUL bytes/);
    expect(verdict("\u0001\u0002\u0003\u0004abcdef")).toBe("is 40% control characters: looks like binary data, not text");
    expect(verdict("\u001b[1mbold\u001b[0m")).toBeNull();
    expect(verdict(`${"\u0001".repeat(4)}${"a".repeat(40)}`)).toBeNull();
  });
});
