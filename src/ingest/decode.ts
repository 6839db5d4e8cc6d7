/**
 * Bytes to text, exactly: every offset the pipeline reports indexes the
 * returned `text`, so decoding never normalises, trims or repairs anything.
 * Input that is not text, or not in the encoding it claims, is refused with a
 * message saying what to do rather than decoded into something wrong.
 */
import { analyse } from "chardet";
import iconv from "iconv-lite";
import { SitrepError } from "../model/errors.js";
import { createMessage, type Message } from "../model/message.js";
import { findControlCharacters, looksBinary, sniffFileFormat } from "./binary.js";
import { firstInvalidUtf8Offset } from "./utf8.js";

export interface DecodedText {
  text: string;
  /** The encoding actually used, e.g. "utf-8", "utf-16le", "windows-1256". */
  encoding: string;
  messages: Message[];
}

export interface DecodeOptions {
  /** Names the input in messages: a path, "stdin", "line 4". */
  label: string;
  /**
   * The encoding the caller says the bytes are in. A byte order mark still
   * wins: it cannot be there by accident, while a wrong --encoding can.
   * Bytes invalid in the named encoding become U+FFFD: the caller chose it.
   */
  encoding?: string;
}

/** chardet reads this much: enough to guess, without scanning a 16 MB file for an error message. */
const GUESS_SAMPLE_BYTES = 64 * 1024;

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  const { label } = options;
  if (bytes.length === 0) throw emptyInput(label);
  const format = sniffFileFormat(bytes);
  if (format !== null) throw new SitrepError("input-binary", `${label} looks like ${format}, not text`);

  const utf16 = utf16ByteOrder(bytes);
  const decoded =
    utf16 !== null
      ? decodeUtf16(bytes, utf16, label)
      : options.encoding !== undefined && !hasUtf8Bom(bytes)
        ? decodeNamed(bytes, options.encoding, label)
        : decodeUtf8(bytes, label);

  const controls = findControlCharacters(decoded.text);
  const binary = looksBinary(controls, decoded.text.length);
  if (binary !== null) throw new SitrepError("input-binary", `${label} ${binary}`);
  if (/^\s*$/u.test(decoded.text)) throw emptyInput(label);

  const messages: Message[] = [];
  if (controls.count > 0) {
    const code = decoded.text.charCodeAt(controls.first).toString(16).toUpperCase().padStart(4, "0");
    messages.push(
      createMessage({
        code: "input-control-characters",
        severity: "warning",
        reason:
          `the text contains ${controls.count} control character${controls.count === 1 ? "" : "s"} ` +
          `(the first, U+${code}, at offset ${controls.first}); they are kept so that offsets stay exact, ` +
          `but they are usually debris from a conversion`,
        stage: "ingest",
        rule: "decode/control-characters",
        span: { start: controls.first, end: controls.first + 1 },
      }),
    );
  }
  return { ...decoded, messages };
}

type Decoded = Omit<DecodedText, "messages">;

function emptyInput(label: string): SitrepError {
  return new SitrepError("input-empty", `${label} is empty: there is no text to analyse`);
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function utf16ByteOrder(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", label: string): Decoded {
  try {
    // TextDecoder consumes the byte order mark itself (ignoreBOM defaults to false).
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch (error) {
    throw new SitrepError(
      "input-encoding",
      `${label} starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`,
      { cause: error },
    );
  }
}

function decodeNamed(bytes: Uint8Array, encoding: string, label: string): Decoded {
  if (!iconv.encodingExists(encoding)) {
    throw new SitrepError(
      "input-encoding",
      `cannot decode ${label}: unknown encoding "${encoding}" (known names include utf-8, windows-1256, iso-8859-6, windows-1252)`,
    );
  }
  return { text: iconv.decode(bytes, encoding), encoding: encoding.toLowerCase() };
}

function decodeUtf8(bytes: Uint8Array, label: string): Decoded {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch (error) {
    // Binary data is rarely valid UTF-8: say it is binary rather than badly encoded.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const binary = looksBinary(findControlCharacters(lenient), lenient.length);
    if (binary !== null) throw new SitrepError("input-binary", `${label} ${binary}`);
    throw new SitrepError("input-encoding", notUtf8Message(bytes, label), { cause: error });
  }
}

function notUtf8Message(bytes: Uint8Array, label: string): string {
  const where = `${label} is not valid UTF-8 (first invalid byte at offset ${firstInvalidUtf8Offset(bytes)})`;
  const guess = analyse(bytes.subarray(0, GUESS_SAMPLE_BYTES)).find(
    (match) => match.name.toLowerCase() !== "utf-8" && iconv.encodingExists(match.name),
  );
  if (guess === undefined) {
    return `${where} and its encoding could not be guessed. Convert it to UTF-8 or pass --encoding with its encoding`;
  }
  const name = guess.name.toLowerCase();
  return `${where}; it looks like ${name} (confidence ${guess.confidence}%). Convert it to UTF-8 or pass --encoding ${name}`;
}
