import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeHtmlBytes } from "./decode-html.js";

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body><p>${body}</p></body></html>`;
const ARABIC = "قالت وزارة الدفاع السورية إن الجيش سيطر على بلدة في القلمون";

describe("decodeHtmlBytes", () => {
  it("reads UTF-8 when nothing says otherwise", () => {
    const html = page("", ARABIC);
    expect(decodeHtmlBytes(new TextEncoder().encode(html), { label: "page" })).toMatchObject({ text: html, encoding: "utf-8" });
  });

  it("follows <meta charset> and <meta http-equiv> in the first 1024 bytes", () => {
    const meta = page('<meta charset="windows-1256">', ARABIC);
    expect(decodeHtmlBytes(iconv.encode(meta, "windows-1256"), { label: "page" })).toMatchObject({
      text: meta,
      encoding: "windows-1256",
    });
    const httpEquiv = page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">', ARABIC);
    expect(decodeHtmlBytes(iconv.encode(httpEquiv, "iso-8859-6"), { label: "page" }).text).toBe(httpEquiv);
  });

  it("ignores a <meta charset> inside a comment or beyond the prescan", () => {
    const commented = page("<!-- <meta charset=windows-1256> -->", "Homs");
    expect(decodeHtmlBytes(new TextEncoder().encode(commented), { label: "page" }).encoding).toBe("utf-8");
    const late = page(" ".repeat(1100) + "<meta charset=windows-1256>", "Homs");
    expect(decodeHtmlBytes(new TextEncoder().encode(late), { label: "page" }).encoding).toBe("utf-8");
  });

  it("prefers the server's charset to the document's, and the caller's to both", () => {
    const html = page('<meta charset="utf-8">', ARABIC);
    const bytes = iconv.encode(html, "windows-1256");
    expect(decodeHtmlBytes(bytes, { label: "page", transportCharset: "windows-1256" }).text).toBe(html);
    expect(decodeHtmlBytes(bytes, { label: "page", transportCharset: "utf-8", encoding: "windows-1256" }).text).toBe(html);
  });

  it("reads ISO-8859-1 labels as windows-1252, as browsers do", () => {
    const html = page('<meta charset="iso-8859-1">', "l’armée — 12 morts");
    expect(decodeHtmlBytes(iconv.encode(html, "windows-1252"), { label: "page" })).toMatchObject({
      text: html,
      encoding: "windows-1252",
    });
  });

  it("skips a charset nobody knows and falls back to strict UTF-8", () => {
    const html = page('<meta charset="x-unknown-thing">', "Deir ez-Zor");
    expect(decodeHtmlBytes(new TextEncoder().encode(html), { label: "page", transportCharset: "bogus" }).encoding).toBe("utf-8");
    expect(() => decodeHtmlBytes(iconv.encode(page("", ARABIC), "windows-1256"), { label: "page" })).toThrow(
      /not valid UTF-8.*--encoding windows-1256/,
    );
  });

  it("lets a byte order mark override every declaration", () => {
    const html = page('<meta charset="windows-1256">', ARABIC);
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(html)]);
    expect(decodeHtmlBytes(bytes, { label: "page", transportCharset: "windows-1256" })).toMatchObject({ text: html, encoding: "utf-8" });
  });
});
