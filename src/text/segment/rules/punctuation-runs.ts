/**
 * A run of terminal marks is one token: "...", "?!", "؟!", "!!!". The
 * segmenter gives one token per mark, but the run is read as one sign (an
 * ellipsis, an indignant question) and sentence splitting already treats it so.
 */
import type { Span } from "../../../model/span.js";
import { coveredText } from "./covered-text.js";
import { TERMINAL } from "./sentence-ends.js";

const ALL_TERMINAL = new RegExp(`^(?:${TERMINAL.source})+$`, "u");
const TWO_TERMINAL = new RegExp(`(?:${TERMINAL.source}){2}`, "u");

export function mergePunctuationRuns(text: string, pieces: readonly Span[]): readonly Span[] {
  // Two runs that touch put two terminal marks side by side.
  if (!TWO_TERMINAL.test(coveredText(text, pieces))) return pieces;
  const merged: Span[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last !== undefined && last.end === piece.start && isTerminalRun(text, last) && isTerminalRun(text, piece)) {
      // A new span, not `last` stretched: pieces pass through uncopied, so `last` may be one of the caller's.
      merged[merged.length - 1] = { start: last.start, end: piece.end };
    } else {
      merged.push(piece);
    }
  }
  return merged;
}

function isTerminalRun(text: string, piece: Span): boolean {
  return ALL_TERMINAL.test(text.slice(piece.start, piece.end));
}
