/**
 * Quotations: a sentence does not end inside « … », “ … ”, „ … “ or " … ",
 * so « Il n’y a pas eu de combats ! », ont confié des résistants stays one
 * sentence. Marks are paired with a stack inside one block of text (a
 * paragraph, or a line that ends a sentence), so a quotation left open cannot
 * swallow the rest of the document; it is reported instead.
 *
 * Marks that are also used the other way round — » … « in some Arabic
 * typesetting, ” … ” and straight " — open a quotation only where an opening
 * mark would stand: after a space or an opening mark, before a visible
 * character. Elsewhere, with nothing to close, they are ignored (12" guns).
 */
import type { Span } from "../../../model/span.js";
import { isInvisible } from "./invisible.js";

export interface QuoteScan {
  /** Offsets of paired opening and closing marks; pairs nest, never cross. */
  pairs: Array<{ open: number; close: number }>;
  /** Offsets of opening marks not closed in the block. */
  unclosed: number[];
}

interface Opener {
  /** Marks that close it. */
  closers: string;
  /** Opens only in opening position. */
  ambiguous: boolean;
}

const OPENERS: ReadonlyMap<string, Opener> = new Map([
  ["«", { closers: "»", ambiguous: false }],
  ["“", { closers: "”", ambiguous: false }],
  ["„", { closers: "“”", ambiguous: false }],
  ["»", { closers: "«", ambiguous: true }],
  ["”", { closers: "”", ambiguous: true }],
  ['"', { closers: '"', ambiguous: true }],
]);
const CLOSERS = new Set("»«”“\"");
const BEFORE_OPENING = /[\p{Ps}\p{Pi}\p{Pd}]/u;

export function scanQuotes(text: string, block: Span): QuoteScan {
  const pairs: QuoteScan["pairs"] = [];
  const unclosed: number[] = [];
  const stack: Array<{ offset: number; closers: string }> = [];
  for (let i = block.start; i < block.end; i++) {
    if (!isQuoteMark(text.charCodeAt(i))) continue;
    const mark = text[i] ?? "";
    const opener = OPENERS.get(mark);
    if (opener === undefined && !CLOSERS.has(mark)) continue;

    const closes = lastClosedBy(stack, mark);
    if (closes >= 0) {
      for (const left of stack.splice(closes + 1)) unclosed.push(left.offset);
      pairs.push({ open: (stack.pop() as { offset: number }).offset, close: i });
    } else if (opener !== undefined && (!opener.ambiguous || inOpeningPosition(text, i, block))) {
      stack.push({ offset: i, closers: opener.closers });
    }
  }
  for (const left of stack) unclosed.push(left.offset);
  return { pairs, unclosed: unclosed.sort((a, b) => a - b) };
}

/**
 * The innermost open quotation that `mark` closes, or -1. A loop rather than
 * `findLastIndex` with a closure: a closure over `mark` would make V8 give
 * every iteration of the character loop, every character, a context object.
 */
function lastClosedBy(stack: ReadonlyArray<{ closers: string }>, mark: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if ((stack[k] as { closers: string }).closers.includes(mark)) return k;
  return -1;
}

/** " « » “ ” „: the marks of `OPENERS` and `CLOSERS`, told by code without making a string of every character. */
function isQuoteMark(code: number): boolean {
  return code === 0x22 || code === 0xab || code === 0xbb || (code >= 0x201c && code <= 0x201e);
}

function inOpeningPosition(text: string, i: number, block: Span): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return (
    (i === block.start || isInvisible(before) || BEFORE_OPENING.test(before ?? "")) &&
    i + 1 < block.end &&
    !isInvisible(after)
  );
}

/**
 * The sentence ends (sorted) that no quotation covers; a quotation covers the
 * offsets after its opening mark up to and including its closing mark, so an
 * end placed after a closing mark ("pas. » Les") is kept.
 */
export function outsideQuotes(ends: readonly number[], pairs: QuoteScan["pairs"]): number[] {
  const byOpening = [...pairs].sort((a, b) => a.open - b.open);
  const kept: number[] = [];
  let next = 0;
  let coveredUpTo = -1;
  for (const end of ends) {
    for (; next < byOpening.length && (byOpening[next] as { open: number }).open < end; next++) {
      coveredUpTo = Math.max(coveredUpTo, (byOpening[next] as { close: number }).close);
    }
    if (end > coveredUpTo) kept.push(end);
  }
  return kept;
}
