/**
 * Line structure. A blank line, a paragraph separator (U+2029) or a form feed
 * ends a paragraph, and with it any sentence. A single line break ends a
 * sentence when the line before it is finished: it ends on terminal
 * punctuation that ends a sentence, or it is a heading such as "Nosra: fuite,
 * capitulation" — no final punctuation, nothing that asks for a continuation
 * (comma, colon, hyphen, opening mark), and a next line that starts like a
 * sentence (not in lower case).
 *
 * Hard-wrapped text breaks lines inside sentences; where a paragraph shows it
 * (a line ends mid-sentence before a lower-case word or after a comma), a line
 * filling most of the paragraph's width is taken as wrapped, not as a heading.
 * Arabic has no case to show it, so wrapped Arabic lines without punctuation
 * at their ends are taken as headings.
 */
import type { Span } from "../../../model/span.js";
import { trimInvisible } from "./invisible.js";
import { TERMINAL } from "./sentence-ends.js";

/** A line's text without its line break; blank lines are kept so that paragraphs can be found. */
interface Line extends Span {
  /** The break after it separates paragraphs by itself (U+2029, form feed). */
  paragraphEnd: boolean;
}

const LINE_BREAK = /\r\n|[\n\r\v\u0085\u2028]|[\f\u2029]/gu;
const PARAGRAPH_SEPARATOR = /^[\f\u2029]$/u;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push({ start, end: match.index, paragraphEnd: PARAGRAPH_SEPARATOR.test(match[0]) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, paragraphEnd: true });
  return lines;
}

/** Runs of non-blank lines, each line trimmed of invisible characters. */
export function paragraphs(text: string): Span[][] {
  const found: Span[][] = [];
  let current: Span[] = [];
  for (const line of splitLines(text)) {
    const visible = trimInvisible(text, line);
    if (visible.start < visible.end) current.push(visible);
    if ((visible.start === visible.end || line.paragraphEnd) && current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  return found;
}

/** A line ending like this asks for more on the next: comma, colon, semicolon, hyphen or dash, opening mark. */
const ASKS_FOR_MORE = /[,;:،؛\p{Pd}\p{Ps}\p{Pi}/&+]$/u;
/** A line starting like this continues the one before. */
const CONTINUES = /^[\p{Ll},;:،؛.!?…؟)\]}»”]/u;
/** A wrapped line fills at least this share of the paragraph's longest line. */
const WRAP_WIDTH = 0.75;

/**
 * Indices `i` of the lines after which a sentence ends, for a paragraph's
 * trimmed lines; `ends` are the sentence ends found by `sentence-ends.ts`.
 */
export function sentenceEndingLines(text: string, lines: readonly Span[], ends: ReadonlySet<number>): number[] {
  const lineText = lines.map((line) => text.slice(line.start, line.end));
  const unpunctuated = (index: number): boolean => !TERMINAL.test(lineText[index]?.at(-1) ?? "");
  const wrapped = lineText.some(
    (line, index) =>
      index + 1 < lineText.length &&
      unpunctuated(index) &&
      (/[,،]$/u.test(line) || /^\p{Ll}/u.test(lineText[index + 1] ?? "")),
  );
  const widest = lineText.reduce((width, line) => Math.max(width, line.length), 0);

  const ending: number[] = [];
  for (let index = 0; index + 1 < lines.length; index++) {
    const line = lineText[index] ?? "";
    const isHeading =
      unpunctuated(index) &&
      !ASKS_FOR_MORE.test(line) &&
      !CONTINUES.test(lineText[index + 1] ?? "") &&
      !(wrapped && line.length >= WRAP_WIDTH * widest);
    if (ends.has((lines[index] as Span).end) || isHeading) ending.push(index);
  }
  return ending;
}
