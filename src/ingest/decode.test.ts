import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { SitrepError } from "../model/errors.js";
import { decodeBytes } from "./decode.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array, encoding?: string) =>
  decodeBytes(bytes, encoding === undefined ? { label: "report.txt" } : { label: "report.txt", encoding });

function refusal(run: () => unknown): SitrepError {
  try {
    run();
  } catch (error) {
    if (error instanceof SitrepError) return error;
    throw error;
  }
  throw new Error("expected a SitrepError, nothing was thrown");
}

describe("decodeBytes", () => {
  it("decodes valid UTF-8 exactly, whitespace and all", () => {
    const text = "  Alep\r\n\tحلب  \u00a0Qalamoun 𝔄\n\n";
    expect(decode(utf8(text))).toEqual({ text, encoding: "utf-8", messages: [] });
  });

  it("strips byte order marks", () => {
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Idlib")])).text).toBe("Idlib");
    const le = decode(Uint8Array.from([0xff, 0xfe, ...iconv.encode("إدلب", "utf-16le")]));
    expect(le).toMatchObject({ text: "إدلب", encoding: "utf-16le" });
    const be = decode(Uint8Array.from([0xfe, 0xff, ...iconv.encode("Idlib", "utf-16be")]));
    expect(be).toMatchObject({ text: "Idlib", encoding: "utf-16be" });
  });

  it("refuses empty input and input that is only whitespace", () => {
    expect(refusal(() => decode(new Uint8Array()))).toMatchObject({
      code: "input-empty",
      message: "report.txt is empty: there is no text to analyse",
    });
    expect(refusal(() => decode(utf8(" \n\t\u00a0\n"))).code).toBe("input-empty");
    expect(refusal(() => decode(Uint8Array.from([0xef, 0xbb, 0xbf]))).code).toBe("input-empty");
  });

  it("names the binary format it recognises", () => {
    const pdf = refusal(() => decode(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj")));
    expect(pdf).toMatchObject({ code: "input-binary", message: "report.txt looks like a PDF file, not text" });
    expect(refusal(() => decode(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).message).toContain(
      "a PNG image",
    );
    expect(refusal(() => decode(Uint8Array.from([0x1f, 0x8b, 8, 0]))).message).toContain("gzip");
  });

  it("refuses NUL bytes and control-character soup as binary, before complaining about the encoding", () => {
    expect(refusal(() => decode(Uint8Array.from([0x41, 0x00, 0x42, 0xff])))).toMatchObject({
      code: "input-binary",
      message: "report.txt contains NUL bytes: looks like binary data, not text",
    });
    const soup = Uint8Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x41 + (i % 26)));
    expect(refusal(() => decode(soup)).code).toBe("input-binary");
    expect(refusal(() => decode(iconv.encode("ab\u0000cd", "utf-16le"), "utf-16le")).code).toBe("input-binary");
  });

  it("keeps a few stray control characters and warns about the first", () => {
    const text = "Homs: \u001b[1mclashes\u001b[0m reported";
    const decoded = decode(utf8(text));
    expect(decoded.text).toBe(text);
    expect(decoded.messages).toEqual([
      expect.objectContaining({
        code: "input-control-characters",
        severity: "warning",
        stage: "ingest",
        rule: "decode/control-characters",
        start: 6,
        end: 7,
      }),
    ]);
    expect(decoded.messages[0]?.reason).toContain("2 control characters");
  });

  it("refuses invalid UTF-8 with the offset, a guess and what to do", () => {
    const arabic = iconv.encode("قالت وزارة الدفاع السورية إن الجيش سيطر على بلدة في القلمون الغربي", "windows-1256");
    const error = refusal(() => decode(arabic));
    expect(error.code).toBe("input-encoding");
    expect(error.message).toMatch(/^report\.txt is not valid UTF-8 \(first invalid byte at offset 0\); /);
    expect(error.message).toMatch(
      /; it looks like windows-1256 \(confidence \d+%\)\. Convert it to UTF-8 or pass --encoding windows-1256$/,
    );
  });

  it("decodes with the encoding the caller names", () => {
    const text = "Le ministère a déclaré que l’armée contrôlait la ville";
    expect(decode(iconv.encode(text, "windows-1252"), "windows-1252")).toEqual({
      text,
      encoding: "windows-1252",
      messages: [],
    });
    expect(refusal(() => decode(utf8("abc"), "klingon-8"))).toMatchObject({ code: "input-encoding" });
    expect(refusal(() => decode(utf8("abc"), "klingon-8")).message).toContain('unknown encoding "klingon-8"');
  });

  it("lets a byte order mark win over a named encoding", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Raqqa الرقة")]);
    expect(decode(bytes, "windows-1256")).toMatchObject({ text: "Raqqa الرقة", encoding: "utf-8" });
  });

  it("refuses a UTF-16 byte order mark followed by something else", () => {
    const error = refusal(() => decode(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42])));
    expect(error).toMatchObject({ code: "input-encoding" });
    expect(error.message).toContain("UTF-16LE byte order mark");
  });
});
