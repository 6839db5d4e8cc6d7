/**
 * Paragraphs, and the persuasion techniques each one uses: the unit
 * SemEval-2023 Task 3 labels, read off the framing layer by position.
 */
import type { Analysis } from "../model/analysis.js";
import { SpanIndex, type Span } from "../model/span.js";

/** A line holding nothing but white space. */
const BLANK_LINE = /\r?\n[^\S\r\n]*\r?\n/u;

/**
 * The paragraphs of a text, trimmed of surrounding white space: the stretches
 * between blank lines, or every line when the text has no blank line (plain
 * text exported one paragraph per line).
 */
export function paragraphSpans(text: string): Span[] {
  return BLANK_LINE.test(text) ? trimmedPieces(text, /(?:\r?\n[^\S\r\n]*){2,}/gu) : lineSpans(text);
}

/** Every line of a text that holds more than white space, trimmed. */
export function lineSpans(text: string): Span[] {
  return trimmedPieces(text, /\r?\n/gu);
}

function trimmedPieces(text: string, separator: RegExp): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s] as string)) s++;
    while (e > s && /\s/u.test(text[e - 1] as string)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const match of text.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return spans;
}

export interface ParagraphTechniques {
  paragraph: Span;
  /** Techniques of the framing spans that overlap the paragraph, sorted, each once. */
  techniques: string[];
}

/**
 * The set of techniques used in each paragraph, in text order. Paragraphs
 * are `paragraphSpans` of the text unless the caller has its own (a corpus
 * that numbers lines, say). Works on the working document and on the
 * published analysis alike.
 */
export function paragraphTechniques(doc: Pick<Analysis, "document" | "framing">, paragraphs: readonly Span[] = paragraphSpans(doc.document.text)): ParagraphTechniques[] {
  const index = new SpanIndex(doc.framing);
  return paragraphs.map((paragraph) => ({
    paragraph: { start: paragraph.start, end: paragraph.end },
    techniques: [...new Set(index.overlapping(paragraph).map((span) => span.technique))].sort(),
  }));
}
