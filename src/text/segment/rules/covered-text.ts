/**
 * The text a sentence's pieces cover, from the first piece's start to the
 * last one's end. A rule that finds nothing there to act on returns the
 * pieces as they are: most sentences have no grouped digits, no elision and
 * no run of terminal marks, and copying every piece of every sentence, pass
 * after pass, is work for nothing.
 */
import type { Span } from "../../../model/span.js";

export function coveredText(text: string, pieces: readonly Span[]): string {
  const first = pieces[0];
  const last = pieces.at(-1);
  return first && last ? text.slice(first.start, last.end) : "";
}
