/**
 * A run of terminal marks is one token: "...", "?!", "؟!", "!!!". The
 * segmenter gives one token per mark, but the run is read as one sign (an
 * ellipsis, an indignant question) and sentence splitting already treats it so.
 */
import type { Span } from "../../../model/span.js";
import { TERMINAL } from "./sentence-ends.js";

const ALL_TERMINAL = new RegExp(`^(?:${TERMINAL.source})+$`, "u");

export function mergePunctuationRuns(text: string, pieces: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last !== undefined && last.end === piece.start && isTerminalRun(text, last) && isTerminalRun(text, piece)) {
      last.end = piece.end;
    } else {
      merged.push({ ...piece });
    }
  }
  return merged;
}

function isTerminalRun(text: string, piece: Span): boolean {
  return ALL_TERMINAL.test(text.slice(piece.start, piece.end));
}
