/**
 * Sentence splitting, in the order the rules apply: paragraphs
 * (`rules/line-breaks.ts`), candidate ends from terminal punctuation
 * (`rules/sentence-ends.ts`, which consults `rules/abbreviations.ts`), lines
 * that end a sentence by themselves, then quotations inside each resulting
 * block (`rules/quotes.ts`). Sentences never cross a paragraph break, and
 * their spans exclude white space and format characters at both edges.
 */
import { createMessage, type Message } from "../../model/message.js";
import type { Span } from "../../model/span.js";
import { trimInvisible } from "./rules/invisible.js";
import { paragraphs, sentenceEndingLines } from "./rules/line-breaks.js";
import { outsideQuotes, scanQuotes } from "./rules/quotes.js";
import { findSentenceEnds, type SentenceEndRules } from "./rules/sentence-ends.js";

export interface SentenceSplit {
  sentences: Span[];
  messages: Message[];
}

export function splitSentences(text: string, rules: SentenceEndRules): SentenceSplit {
  const sentences: Span[] = [];
  const messages: Message[] = [];
  for (const lines of paragraphs(text)) {
    const paragraph = { start: (lines[0] as Span).start, end: (lines.at(-1) as Span).end };
    const ends = findSentenceEnds(text, paragraph, rules);
    let blockStart = paragraph.start;
    let nextEnd = 0;
    const blockEnds = [...sentenceEndingLines(text, lines, new Set(ends)).map((i) => (lines[i] as Span).end), paragraph.end];
    for (const blockEnd of blockEnds) {
      const block = { start: blockStart, end: blockEnd };
      const quotes = scanQuotes(text, block);
      for (const open of quotes.unclosed) messages.push(unclosedQuote(text, open));
      const inBlock: number[] = [];
      for (; nextEnd < ends.length && (ends[nextEnd] as number) <= block.end; nextEnd++) {
        if ((ends[nextEnd] as number) < block.end) inBlock.push(ends[nextEnd] as number);
      }
      let start = block.start;
      for (const end of [...outsideQuotes(inBlock, quotes.pairs), block.end]) {
        const sentence = trimInvisible(text, { start, end });
        if (sentence.start < sentence.end) sentences.push(sentence);
        start = end;
      }
      blockStart = blockEnd;
    }
  }
  return { sentences, messages };
}

function unclosedQuote(text: string, open: number): Message {
  return createMessage({
    code: "segment-unclosed-quote",
    severity: "warning",
    reason: `The quotation opened by ${text[open] ?? ""} is not closed in its paragraph, so sentences inside it were split as if unquoted.`,
    stage: "segment",
    rule: "sentences/unclosed-quote",
    span: { start: open, end: open + 1 },
  });
}
