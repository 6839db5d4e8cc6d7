/**
 * Direct quotations: « … » (with or without the French inner spaces), “ … ”,
 * „ … “, " … ", '' … '' (two apostrophes), and ‘ … ’ when it is clearly one. A quotation inside another
 * (“ … ‘ … ’ … ”, « … “ … ” … ») is part of the outer one, which alone is
 * returned. A quotation left open runs to the end of its paragraph, as a
 * reporter's quotation that goes on past a paragraph break reopens its marks
 * in the next one; its closing mark was left out, not moved.
 *
 * Marks are paired with a stack inside each paragraph, as the segmenter pairs
 * them for sentences (`text/segment/rules/quotes.ts`), with the same caution
 * for marks also written the other way round (» … «, ” … ”, straight "): they
 * open only where an opening mark stands. The single ’ is above all the
 * apostrophe (l’armée, don’t), so ‘ … ’ counts only when both marks stand
 * where a quotation's would, and a ‘ never closed is no quotation at all.
 */
import type { Doc } from "../model/document.js";
import type { Span } from "../model/span.js";
import { isInvisible } from "../text/segment/rules/invisible.js";
import { paragraphs } from "../text/segment/rules/line-breaks.js";

export interface QuoteFinding extends Span {
  text: string;
  /** The quoted words without the marks. */
  inner: Span;
  by: string;
  closed: boolean;
}

export const QUOTE_RULE = "sources:quote-marks";
export const UNCLOSED_QUOTE_RULE = "sources:quote-unclosed";

interface Opener {
  /** Marks that close it. */
  closers: readonly string[];
  /** Written the other way round too, so it opens only in opening position. */
  ambiguous: boolean;
  /** ‘: a quotation only once closed. */
  single: boolean;
}

const OPENERS: ReadonlyMap<string, Opener> = new Map([
  ["«", { closers: ["»"], ambiguous: false, single: false }],
  // Curly and straight marks are mixed in copy-edited text ("“… vote for her,\" Sanders said").
  ["“", { closers: ["”", '"'], ambiguous: false, single: false }],
  ["„", { closers: ["“", "”"], ambiguous: false, single: false }],
  ["»", { closers: ["«"], ambiguous: true, single: false }],
  ["”", { closers: ["”"], ambiguous: true, single: false }],
  ['"', { closers: ['"', "”"], ambiguous: true, single: false }],
  // Two apostrophes for a double quotation mark, as some newspapers' archives write it.
  ["''", { closers: ["''"], ambiguous: true, single: false }],
  ["‘", { closers: ["’"], ambiguous: true, single: true }],
]);
const BEFORE_OPENING = /[\p{Ps}\p{Pi}\p{Pd}"]/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

interface Open {
  offset: number;
  opener: Opener;
}

/** The outermost quotations of the document, in text order. */
export function findQuotes(doc: Doc): QuoteFinding[] {
  const text = doc.document.text;
  const found: QuoteFinding[] = [];
  for (const lines of paragraphs(text)) {
    const paragraph = { start: (lines[0] as Span).start, end: (lines.at(-1) as Span).end };
    for (const span of scanParagraph(text, paragraph)) found.push(finding(text, span));
  }
  return found;
}

interface QuoteSpan extends Span {
  closed: boolean;
}

/**
 * One pass over the paragraph. `open` counts, per closing mark, the stack
 * entries it would close, so that a mark with nothing to close costs no
 * search; a search pops everything it passes, so the whole scan stays linear.
 */
function scanParagraph(text: string, paragraph: Span): QuoteSpan[] {
  const stack: Open[] = [];
  const open = new Map<string, number>();
  /** Closed quotations, sorted and none inside another: a pair that closes removes those it contains. */
  const outer: QuoteSpan[] = [];
  const push = (entry: Open): void => {
    stack.push(entry);
    for (const closer of entry.opener.closers) open.set(closer, (open.get(closer) ?? 0) + 1);
  };
  const pop = (): Open => {
    const entry = stack.pop() as Open;
    for (const closer of entry.opener.closers) open.set(closer, (open.get(closer) ?? 0) - 1);
    return entry;
  };

  for (let i = paragraph.start; i < paragraph.end; i++) {
    const code = text.charCodeAt(i);
    if (!isQuoteMark(code)) continue;
    // A lone apostrophe is never a quotation mark; two in a row are a double one, and of three
    // the first closes a single quotation inside ("… out of them,'''").
    if (code === 0x27 && (text.charCodeAt(i + 1) !== 0x27 || text.charCodeAt(i + 2) === 0x27)) continue;
    const mark = code === 0x27 ? "''" : (text[i] as string);
    const end = i + mark.length;
    if ((open.get(mark) ?? 0) > 0 && (mark !== "’" || inClosingPosition(text, i, paragraph)) && !opensInside(text, i, end, paragraph, stack, mark)) {
      let entry = pop();
      while (!entry.opener.closers.includes(mark)) entry = pop();
      const start = entry.offset;
      while (outer.length > 0 && (outer.at(-1) as QuoteSpan).start > start) outer.pop();
      outer.push({ start, end, closed: true });
    } else {
      const opener = OPENERS.get(mark);
      if (opener !== undefined && (!opener.ambiguous || inOpeningPosition(text, i, end, paragraph))) push({ offset: i, opener });
    }
    i = end - 1;
  }

  // The first quotation still open runs to the end of the paragraph and holds every later one.
  const unclosed = stack.find((entry) => !entry.opener.single);
  if (unclosed !== undefined) {
    while (outer.length > 0 && (outer.at(-1) as QuoteSpan).start > unclosed.offset) outer.pop();
    outer.push({ start: unclosed.offset, end: paragraph.end, closed: false });
  }
  return outer;
}

function finding(text: string, span: QuoteSpan): QuoteFinding {
  const marks = text.startsWith("''", span.start) ? 2 : 1;
  let start = span.start + marks;
  let end = span.closed ? span.end - (text.endsWith("''", span.end) ? 2 : 1) : span.end;
  while (start < end && isInvisible(text[start])) start++;
  while (end > start && isInvisible(text[end - 1])) end--;
  return {
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    inner: { start, end },
    by: span.closed ? QUOTE_RULE : UNCLOSED_QUOTE_RULE,
    closed: span.closed,
  };
}

/** " ' « » ‘ ’ “ ” „, told by code without making a string of every character. */
function isQuoteMark(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x2019) || (code >= 0x201c && code <= 0x201e);
}

/** After the paragraph's start, a space or an opening mark; before a visible character. */
function inOpeningPosition(text: string, i: number, end: number, paragraph: Span): boolean {
  const before = text[i - 1];
  return (i === paragraph.start || isInvisible(before) || BEFORE_OPENING.test(before ?? "")) && end < paragraph.end && !isInvisible(text[end]);
}

/**
 * A straight " that stands where an opening mark would, inside a curly
 * quotation, opens a quotation of its own ("“He said \"no\" today”") rather
 * than closing the curly one.
 */
function opensInside(text: string, i: number, end: number, paragraph: Span, stack: readonly Open[], mark: string): boolean {
  if (mark !== '"') return false;
  const top = stack.at(-1);
  return top !== undefined && text[top.offset] !== '"' && inOpeningPosition(text, i, end, paragraph);
}

/** After a visible character, and not before a letter or digit: "don’t" and "l’armée" hold apostrophes. */
function inClosingPosition(text: string, i: number, paragraph: Span): boolean {
  return i > paragraph.start && !isInvisible(text[i - 1]) && !WORD_CHARACTER.test(text[i + 1] ?? "");
}
