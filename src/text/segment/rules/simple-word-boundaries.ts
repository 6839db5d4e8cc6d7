/**
 * Unicode word boundaries (UAX #29) for text made only of characters whose
 * word-break class is plain: ASCII, the Latin letters of Latin-1, Latin
 * Extended-A and -B and Latin Extended Additional, white space, and common
 * typographic punctuation (’ “ ” « » – — … •). Over such text the rules
 * reduce to a few comparisons per character, where `Intl.Segmenter` costs
 * most of the tokeniser's time; any other character (Arabic, combining marks,
 * format characters, emoji…) leaves the text to the segmenter.
 *
 * The boundaries must be the segmenter's, whatever the runtime's ICU: the
 * segmenter's answers are compared with these on every character of the table
 * when a tokeniser is built (`agreesWith`), and the table is not used with a
 * segmenter that disagrees on any. `simple-word-boundaries.test.ts` compares
 * them on random and real text.
 *
 * Only what survives trimming matters: pieces of white space are dropped, so
 * white space is a plain separator here and never starts a piece.
 */
import type { Span } from "../../../model/span.js";
import { trimmedRange } from "./invisible.js";

// Word-break classes of UAX #29, as far as the table needs them. UNLISTED: not in the table, left to the segmenter.
const UNLISTED = 0;
/** White space that breaks on both sides (WSegSpace, Newline, CR, LF, and tab and no-break space, which are Other). U+0085 is no white space to JavaScript. */
const SPACE = 1;
const LETTER = 2;
const DIGIT = 3;
const MID_LETTER = 4;
/** MidNumLet and Single_Quote, which act alike outside Hebrew. */
const MID_NUM_LET = 5;
const MID_NUM = 6;
const EXTEND_NUM_LET = 7;
const OTHER = 8;

const TABLE_SIZE = 0x2100;
const CLASSES = new Uint8Array(TABLE_SIZE);

function set(cls: number, ...ranges: Array<number | [number, number]>): void {
  for (const range of ranges) {
    const [first, last] = typeof range === "number" ? [range, range] : range;
    for (let code = first; code <= last; code++) CLASSES[code] = cls;
  }
}

set(SPACE, [0x09, 0x0d], 0x20, 0xa0, [0x2000, 0x200a], 0x2028, 0x2029, 0x205f);
set(LETTER, [0x41, 0x5a], [0x61, 0x7a], 0xaa, 0xb5, 0xba, [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f], [0x1e00, 0x1eff]);
set(DIGIT, [0x30, 0x39]);
set(MID_LETTER, 0x3a, 0xb7);
set(MID_NUM_LET, 0x27, 0x2e, 0x2018, 0x2019);
set(MID_NUM, 0x2c, 0x3b);
// U+202F narrow no-break space joins French digit groups: "12 000" is one word.
set(EXTEND_NUM_LET, 0x5f, 0x202f);
set(
  OTHER,
  [0x21, 0x26],
  [0x28, 0x2b],
  0x2d,
  0x2f,
  [0x3c, 0x40],
  [0x5b, 0x5e],
  0x60,
  [0x7b, 0x7e],
  [0xa1, 0xa8],
  0xab,
  0xac,
  [0xaf, 0xb4],
  0xb6,
  // U+00B8 cedilla is a letter to ICU.
  0xb9,
  [0xbb, 0xbf],
  0xd7,
  0xf7,
  [0x2010, 0x2017],
  [0x201a, 0x2023],
  0x2026,
  [0x2030, 0x203a],
  0x20ac,
);

function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < TABLE_SIZE ? (CLASSES[code] as number) : UNLISTED;
}

/** Whether every character of text[start, end) is in the table. */
export function isSimpleText(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (classAt(text, i) === UNLISTED) return false;
  return true;
}

/**
 * The pieces `Intl.Segmenter` finds in text[start, end) — which must be
 * simple text — trimmed of white space, white-space pieces left out; they are
 * appended to `pieces`. As with the segmenter on that slice, nothing outside
 * it is seen.
 */
export function simpleWordBoundaries(text: string, start: number, end: number, pieces: Span[]): void {
  const at = (i: number): number => (i >= start && i < end ? classAt(text, i) : UNLISTED);
  const push = (pieceEnd: number): void => {
    // A piece of U+202F alone trims to nothing.
    const piece = trimmedRange(text, pieceStart, pieceEnd);
    if (piece.start < piece.end) pieces.push(piece);
  };
  let pieceStart = -1;
  for (let i = start; i < end; i++) {
    const current = at(i);
    if (current === SPACE) {
      if (pieceStart >= 0) push(i);
      pieceStart = -1;
    } else if (pieceStart < 0) {
      pieceStart = i;
    } else if (!joins(at(i - 2), at(i - 1), current, at(i + 1))) {
      push(i);
      pieceStart = i;
    }
  }
  if (pieceStart >= 0) push(end);
}

/** Whether UAX #29 keeps `before` and `after` in one word, given the characters around them (WB5–WB13b). */
function joins(beforeBefore: number, before: number, after: number, afterAfter: number): boolean {
  const wordBefore = before === LETTER || before === DIGIT;
  const wordAfter = after === LETTER || after === DIGIT;
  return (
    (wordBefore && wordAfter) || // WB5, WB8, WB9, WB10
    (after === EXTEND_NUM_LET && (wordBefore || before === EXTEND_NUM_LET)) || // WB13a
    (before === EXTEND_NUM_LET && wordAfter) || // WB13b
    (before === LETTER && (after === MID_LETTER || after === MID_NUM_LET) && afterAfter === LETTER) || // WB6
    (beforeBefore === LETTER && (before === MID_LETTER || before === MID_NUM_LET) && after === LETTER) || // WB7
    (before === DIGIT && (after === MID_NUM || after === MID_NUM_LET) && afterAfter === DIGIT) || // WB12
    (beforeBefore === DIGIT && (before === MID_NUM || before === MID_NUM_LET) && after === DIGIT) // WB11
  );
}

/** Every character of the table, in contexts that tell its class from the others. */
function probeGroups(): string[] {
  const groups: string[] = [];
  for (let code = 0; code < TABLE_SIZE; code++) {
    if (CLASSES[code] === UNLISTED) continue;
    const char = String.fromCharCode(code);
    groups.push(`a${char}a 1${char}1 ${char}.a ${char},1`);
  }
  return groups;
}

/** By locale: segmenters of one locale break alike. By segmenter, to skip even asking for its locale. */
const AGREEMENT = new Map<string, boolean>();
const AGREEMENT_BY_SEGMENTER = new WeakMap<Intl.Segmenter, boolean>();
/** Probe texts are cut into pieces of this many groups: the segmenter slows down on long strings. */
const PROBE_BATCH = 40;

/** Whether `segmenter` breaks every character of the table as `simpleWordBoundaries` does. */
export function agreesWith(segmenter: Intl.Segmenter): boolean {
  const checked = AGREEMENT_BY_SEGMENTER.get(segmenter);
  if (checked !== undefined) return checked;
  const locale = segmenter.resolvedOptions().locale;
  const known = AGREEMENT.get(locale) ?? probe(segmenter);
  AGREEMENT.set(locale, known);
  AGREEMENT_BY_SEGMENTER.set(segmenter, known);
  return known;
}

function probe(segmenter: Intl.Segmenter): boolean {
  const groups = probeGroups();
  let agrees = true;
  for (let i = 0; i < groups.length && agrees; i += PROBE_BATCH) {
    const text = groups.slice(i, i + PROBE_BATCH).join(" ");
    const expected: Span[] = [];
    for (const { segment, index } of segmenter.segment(text)) {
      const piece = trimmedRange(text, index, index + segment.length);
      if (piece.start < piece.end) expected.push(piece);
    }
    const found: Span[] = [];
    simpleWordBoundaries(text, 0, text.length, found);
    agrees = found.length === expected.length && found.every((piece, k) => piece.start === expected[k]?.start && piece.end === expected[k]?.end);
  }
  return agrees;
}
