/**
 * Chooses the encoding of an HTML document the way browsers do, so that a
 * page reads here as it reads for its audience: a byte order mark, then the
 * caller's --encoding, then the charset the server sent, then a
 * <meta charset> near the top, else UTF-8, strictly.
 */
import iconv from "iconv-lite";
import { decodeBytes, type DecodedText } from "./decode.js";

export interface DecodeHtmlOptions {
  label: string;
  /** The charset parameter of the Content-Type the server sent, if any. */
  transportCharset?: string | null;
  encoding?: string;
}

/** The WHATWG encoding standard has browsers prescan this much of the document for <meta charset>. */
const PRESCAN_BYTES = 1024;

/**
 * Labels browsers do not take at their word (WHATWG encoding standard). Pages
 * labelled ISO-8859-1 routinely contain windows-1252 quotes and dashes, which
 * a literal ISO-8859-1 decoder turns into C1 control characters.
 */
const BROWSER_ENCODING: Readonly<Record<string, string>> = {
  "iso-8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  iso_8859_1: "windows-1252",
  latin1: "windows-1252",
  l1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "iso-8859-9": "windows-1254",
  latin5: "windows-1254",
  "iso-8859-11": "windows-874",
  "tis-620": "windows-874",
  gb2312: "gbk",
};

const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"]);

export function decodeHtmlBytes(bytes: Uint8Array, options: DecodeHtmlOptions): DecodedText {
  const { label } = options;
  // decodeBytes gives a byte order mark precedence over any encoding it is handed.
  if (options.encoding !== undefined) return decodeBytes(bytes, { label, encoding: options.encoding });
  const declared =
    documentEncoding(options.transportCharset ?? null, "transport") ?? documentEncoding(prescanMetaCharset(bytes), "meta");
  // Declared UTF-8 is decoded strictly, like undeclared: a page that lies about it is refused, not garbled.
  if (declared === undefined || declared === "utf-8") return decodeBytes(bytes, { label });
  return decodeBytes(bytes, { label, encoding: declared });
}

/**
 * The encoding a label declared by the document or its server stands for, or
 * undefined when it names none we know: a page's mistake moves us on to the
 * next source instead of failing.
 */
function documentEncoding(label: string | null, from: "transport" | "meta"): string | undefined {
  if (label === null) return undefined;
  const name = label.trim().toLowerCase();
  if (UTF8_LABELS.has(name)) return "utf-8";
  // A document that says it is UTF-16 from inside itself cannot be: the prescan read it as ASCII.
  if (from === "meta" && name.startsWith("utf-16")) return "utf-8";
  const encoding = BROWSER_ENCODING[name] ?? name;
  return iconv.encodingExists(encoding) ? encoding : undefined;
}

/**
 * A simplified WHATWG prescan: the charset of the first <meta charset> or
 * <meta http-equiv=content-type content="…; charset=…"> in the first 1024
 * bytes, comments excluded. Read as Latin-1 so that any ASCII-compatible
 * encoding's markup is legible whatever the encoding.
 */
function prescanMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES))
    .toString("latin1")
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /\bcharset\s*=\s*["']?\s*([^\s"'>;/]+)/i.exec(tag)?.[1];
    if (charset !== undefined) return charset;
  }
  return null;
}
