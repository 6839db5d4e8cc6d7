/** What every framing rule reads and returns. */
import type { Doc, Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import { foldKey } from "../text/normalise/index.js";
import { firstTokenAt, type PhraseMatch } from "../text/phrases.js";
import type { FramingEntry, FramingLanguage } from "./lexicon.js";
import type { Technique } from "./techniques.js";

export interface RuleInput {
  doc: Doc;
  language: FramingLanguage;
  /** Matches of the lexicon rows the stage uses, every technique, overlapping ones included. */
  lexicon: readonly PhraseMatch<FramingEntry>[];
  /** The document's paragraphs (`paragraphSpans`). */
  paragraphs: readonly Span[];
}

/** A span a rule found, before the stage numbers the layer. */
export interface FramingCandidate extends Span {
  technique: Technique;
  /** What goes after "framing:" in `by`: the rule's name, and for lexicon rows the line. */
  rule: string;
}

export type FramingRule = (input: RuleInput) => FramingCandidate[];

export function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === "word";
}

/** The fold key of a token, then for Arabic the fold key of its stem without proclitics. */
export function tokenKeys(doc: Doc, token: Token): string[] {
  const fold = token.keys?.fold ?? foldKey(token.text);
  if (token.stem && (token.stem.start !== token.start || token.stem.end !== token.end)) {
    const stem = foldKey(doc.document.text.slice(token.stem.start, token.stem.end));
    if (stem !== "" && stem !== fold) return [fold, stem];
  }
  return [fold];
}


/** Indices of the tokens inside `span`, in order. */
export function tokensIn(doc: Doc, span: Span): number[] {
  const indices: number[] = [];
  for (let i = firstTokenAt(doc.tokens, span.start); i < doc.tokens.length && (doc.tokens[i] as Token).start < span.end; i++) indices.push(i);
  return indices;
}

/**
 * Runs `pattern` (flags `d` and `g`; see `regex` in times/patterns.ts) over
 * each sentence of the document; the span is the named group `t` when the
 * pattern has one, else the whole match. Sentence by sentence, so no match
 * runs across a sentence end; a sentence without `needs` is not searched.
 */
export function sentenceMatches(doc: Doc, pattern: RegExp, technique: Technique, rule: string, needs?: RegExp): FramingCandidate[] {
  if (!pattern.flags.includes("d") || !pattern.global) throw new Error(`framing rule ${rule}: pattern needs the "d" and "g" flags, found "${pattern.flags}"`);
  const found: FramingCandidate[] = [];
  const wanted = needs === undefined ? null : sentencesWith(doc, needs);
  for (const [index, sentence] of doc.sentences.entries()) {
    if (wanted !== null && !wanted.has(index)) continue;
    const text = doc.document.text.slice(sentence.start, sentence.end);
    for (const match of text.matchAll(pattern)) {
      const range = match.indices?.groups?.t ?? match.indices?.[0];
      if (range === undefined || range[1] <= range[0]) continue;
      found.push({ start: sentence.start + range[0], end: sentence.start + range[1], technique, rule });
    }
  }
  return found;
}

const globalForms = new WeakMap<RegExp, RegExp>();

/**
 * Indices of the sentences in which `needs` matches: one scan of the whole
 * text rather than one test per sentence, which was most of the stage's time.
 */
function sentencesWith(doc: Doc, needs: RegExp): Set<number> {
  let global = globalForms.get(needs);
  if (!global) globalForms.set(needs, (global = new RegExp(needs.source, needs.flags.includes("g") ? needs.flags : `${needs.flags}g`)));
  const found = new Set<number>();
  const { sentences } = doc;
  for (const match of doc.document.text.matchAll(global)) {
    const start = match.index;
    const end = start + match[0].length;
    let low = 0;
    let high = sentences.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((sentences[mid] as Span).end <= start) low = mid + 1;
      else high = mid;
    }
    const sentence = sentences[low];
    if (sentence && sentence.start <= start && end <= sentence.end) found.add(low);
  }
  return found;
}
