/** What every framing rule reads and returns. */
import type { Doc, Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import { eachMatch } from "../text/each-match.js";
import type { PhraseMatch } from "../text/phrases.js";
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
    eachMatch(pattern, doc.document.text.slice(sentence.start, sentence.end), (match) => {
      const range = match.indices?.groups?.t ?? match.indices?.[0];
      if (range !== undefined && range[1] > range[0]) found.push({ start: sentence.start + range[0], end: sentence.start + range[1], technique, rule });
    });
  }
  return found;
}

const globalForms = new WeakMap<RegExp, RegExp>();
/** Per document (by its sentences, which a stage never changes) and `needs`: rules whose patterns need the same words scan for them once. */
const scanned = new WeakMap<readonly Span[], Map<RegExp, { text: string; sentences: ReadonlySet<number> }>>();

/**
 * Indices of the sentences in which `needs` matches: one scan of the whole
 * text rather than one test per sentence, which was most of the stage's time.
 */
function sentencesWith(doc: Doc, needs: RegExp): ReadonlySet<number> {
  let byNeeds = scanned.get(doc.sentences);
  if (!byNeeds) scanned.set(doc.sentences, (byNeeds = new Map()));
  const known = byNeeds.get(needs);
  if (known && known.text === doc.document.text) return known.sentences;
  const sentences = scan(doc, needs);
  byNeeds.set(needs, { text: doc.document.text, sentences });
  return sentences;
}

function scan(doc: Doc, needs: RegExp): Set<number> {
  let global = globalForms.get(needs);
  // Only where each match lies is read: without the "d" flag, no indices are built for every match.
  if (!global) globalForms.set(needs, (global = new RegExp(needs.source, `${needs.flags.replace(/[dg]/g, "")}g`)));
  const found = new Set<number>();
  const { sentences } = doc;
  eachMatch(global, doc.document.text, (match) => {
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
  });
  return found;
}
