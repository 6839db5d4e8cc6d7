import { describe, expect, it } from "vitest";
import { alignTextNode, createReferenceDecoder, type Atom } from "./html-source-align.js";

const decode = createReferenceDecoder();
const align = (source: string, data: string, at = 100): Atom[] => alignTextNode(source, data, at, decode);
const atom = (start: number, end: number, source_start: number, source_end: number, divisible: boolean): Atom => ({
  start,
  end,
  source_start,
  source_end,
  divisible,
});

describe("createReferenceDecoder", () => {
  it("decodes as the HTML parser does, legacy references included", () => {
    expect(decode("&eacute;")).toBe("é");
    expect(decode("&#1575;")).toBe("ا");
    expect(decode("&#x1F600;")).toBe("😀");
    expect(decode("&#x80;")).toBe("€");
    expect(decode("&notit;")).toBe("¬it;");
    expect(decode("&unknownthing;")).toBe("&unknownthing;");
  });
});

describe("alignTextNode", () => {
  it("maps literal text character to character", () => {
    expect(align("Alep, حلب", "Alep, حلب")).toEqual([atom(0, 9, 100, 109, true)]);
  });

  it("maps each reference as a whole", () => {
    expect(align("Caf&eacute; &amp; bar", "Café & bar")).toEqual([
      atom(0, 3, 100, 103, true),
      atom(3, 4, 103, 111, false),
      atom(4, 5, 111, 112, true),
      atom(5, 6, 112, 117, false),
      atom(6, 10, 117, 121, true),
    ]);
  });

  it("keeps what a legacy reference leaves as text divisible", () => {
    expect(align("x&notit;", "x¬it;")).toEqual([atom(0, 1, 100, 101, true), atom(1, 2, 101, 105, false), atom(2, 5, 105, 108, true)]);
  });

  it("reads an unknown name as the text it is", () => {
    expect(align("a &foo; b", "a &foo; b")).toEqual([atom(0, 9, 100, 109, true)]);
  });

  it("accounts for CR LF folded to LF", () => {
    expect(align("a\r\nb\rc", "a\nb\nc")).toEqual([
      atom(0, 1, 100, 101, true),
      atom(1, 2, 101, 103, false),
      atom(2, 5, 103, 106, true),
    ]);
  });

  it("skips the line break the parser drops after <pre>", () => {
    expect(align("\n  x", "  x")).toEqual([atom(0, 3, 101, 104, true)]);
    expect(align("\r\n\nx", "\nx")).toEqual([atom(0, 2, 102, 104, true)]);
  });

  it("stops where the source no longer explains the text", () => {
    // Text foster-parented out of a table: the parser reports a range spanning the table's markup.
    expect(align("q<tr><td>x</td></tr>r", "qr")).toEqual([atom(0, 1, 100, 101, true)]);
  });
});
