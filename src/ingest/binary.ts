/**
 * Recognises input that is not text at all, so that a PDF or a photo passed by
 * mistake is refused with a message saying what it is, instead of producing an
 * "invalid UTF-8" error or, worse, an analysis of garbage.
 */

interface Signature {
  magic: readonly number[];
  what: string;
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** File formats an investigator is likely to pass by mistake, by their first bytes. */
const SIGNATURES: readonly Signature[] = [
  { magic: ascii("%PDF-"), what: "a PDF file" },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (.docx, .xlsx, .odt and .epub files are ZIP archives too)" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "an old Microsoft Office document (.doc, .xls, .ppt)" },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { magic: ascii("GIF87a"), what: "a GIF image" },
  { magic: ascii("GIF89a"), what: "a GIF image" },
  { magic: [0x1f, 0x8b], what: "a gzip-compressed file" },
];

/** What the bytes look like when their first bytes are a known binary format's signature, else null. */
export function sniffFileFormat(bytes: Uint8Array): string | null {
  const found = SIGNATURES.find(({ magic }) => magic.every((byte, i) => bytes[i] === byte));
  return found ? found.what : null;
}

export interface ControlCharacters {
  /** C0 controls other than tab, line feed, form feed and carriage return, NUL included. */
  count: number;
  /** Offset of the first one, -1 when there is none. */
  first: number;
  /** Offset of the first NUL, -1 when there is none. */
  firstNul: number;
}

export function findControlCharacters(text: string): ControlCharacters {
  let count = 0;
  let first = -1;
  let firstNul = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) continue;
    count += 1;
    if (first === -1) first = i;
    if (code === 0 && firstNul === -1) firstNul = i;
  }
  return { count, first, firstNul };
}

/**
 * Text never contains NUL, and text with more than one character in ten a
 * control character is some binary format. The minimum count keeps a short
 * line with a couple of stray escape codes (a pasted coloured terminal) text.
 */
export function looksBinary(controls: ControlCharacters, length: number): string | null {
  if (controls.firstNul !== -1) return "contains NUL bytes: looks like binary data, not text";
  if (controls.count >= 4 && controls.count * 10 > length) {
    const share = Math.round((controls.count / length) * 100);
    return `is ${share}% control characters: looks like binary data, not text`;
  }
  return null;
}
