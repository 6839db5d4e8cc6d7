/**
 * Multi-word phrase matching over a document's tokens, for the lexicons
 * (actor names, event triggers, modality cues). Written by hand because the
 * matching must happen on the normalisation keys the pipeline already
 * computed (fold keys, Arabic stems without proclitics) and return token
 * spans; string-based multi-pattern libraries (Aho–Corasick) would need the
 * text re-folded and the offsets mapped back.
 */
import type { Doc, Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import { foldKey } from "./normalise/index.js";

export interface PhraseWord {
  /** Fold key of the word. */
  text: string;
  /** Matches any word that starts with `text` ("shell*"). */
  prefix: boolean;
}

export interface PhraseMatch<T> extends Span {
  value: T;
  /** Token indices, `last` inclusive. */
  first: number;
  last: number;
  /** Whether a word matched only once its Arabic proclitics were stripped ("والمسلحين" → "مسلحين"). */
  viaStem: boolean;
}

/** A joiner between two words of one phrase: "al-Nusra", "d'Aarsale". */
const JOINER = /^[-‐‑'’]$/u;

/**
 * Splits a lexicon form into words the way the segmenter splits text: on
 * spaces and hyphens, and after an elided article ("d'assaut" → "d'", "assaut").
 * A trailing `*` marks a prefix word.
 */
export function phraseWords(form: string): PhraseWord[] {
  const words: PhraseWord[] = [];
  for (const raw of form.trim().split(/[\s\-‐‑]+/u)) {
    if (raw === "") continue;
    const prefix = raw.endsWith("*");
    const bare = prefix ? raw.slice(0, -1) : raw;
    const elided = /^(\p{L}{1,2}['’])(\p{L}.*)$/u.exec(bare);
    const parts = elided ? [elided[1] as string, elided[2] as string] : [bare];
    parts.forEach((part, i) => words.push({ text: foldKey(part.replace("’", "'")), prefix: prefix && i === parts.length - 1 }));
  }
  return words;
}

interface Node<T> {
  exact: Map<string, Node<T>>;
  prefixes: { text: string; node: Node<T> }[];
  values: T[];
}

const newNode = <T>(): Node<T> => ({ exact: new Map(), prefixes: [], values: [] });

export class PhraseMatcher<T> {
  readonly #root: Node<T> = newNode();

  add(words: readonly PhraseWord[], value: T): void {
    if (words.length === 0) throw new Error("PhraseMatcher.add: a phrase needs at least one word, found none");
    let node = this.#root;
    for (const word of words) {
      if (word.prefix) {
        let entry = node.prefixes.find((candidate) => candidate.text === word.text);
        if (!entry) node.prefixes.push((entry = { text: word.text, node: newNode() }));
        node = entry.node;
      } else {
        let next = node.exact.get(word.text);
        if (!next) node.exact.set(word.text, (next = newNode()));
        node = next;
      }
    }
    node.values.push(value);
  }

  /**
   * Every phrase that matches starting at each word token inside `range`
   * (the whole document when omitted), in text order; overlapping matches
   * are all returned, so callers choose (see `longestMatches`).
   */
  matchAll(doc: Doc, range?: Span): PhraseMatch<T>[] {
    const { tokens } = doc;
    const found: PhraseMatch<T>[] = [];
    const keys = tokenKeysOf(doc);
    const begin = range ? firstTokenAt(tokens, range.start) : 0;
    for (let i = begin; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (range && token.start >= range.end) break;
      if (token.kind !== "word" && token.kind !== "number") continue;
      this.#walk(doc, keys, i, i, this.#root, false, range, found);
    }
    return found;
  }

  #walk(doc: Doc, keys: TokenKeyList, first: number, at: number, node: Node<T>, viaStem: boolean, range: Span | undefined, found: PhraseMatch<T>[]): void {
    const token = doc.tokens[at] as Token;
    if (range && token.end > range.end) return;
    const candidates = keys(at);
    for (const [k, key] of candidates.entries()) {
      const stem = viaStem || k > 0;
      const next: Node<T>[] = [];
      const exact = node.exact.get(key);
      if (exact) next.push(exact);
      for (const entry of node.prefixes) if (key.startsWith(entry.text)) next.push(entry.node);
      for (const child of next) {
        const start = (doc.tokens[first] as Token).start;
        for (const value of child.values) found.push({ start, end: token.end, value, first, last: at, viaStem: stem });
        if (child.exact.size === 0 && child.prefixes.length === 0) continue;
        const following = nextWordIndex(doc, at);
        if (following !== -1) this.#walk(doc, keys, first, following, child, stem, range, found);
      }
    }
  }
}

type TokenKeyList = (index: number) => readonly string[];

/** Keys a token may match by: its fold key, then for Arabic its stem without proclitics. */
function tokenKeysOf(doc: Doc): TokenKeyList {
  const cache = new Map<number, readonly string[]>();
  return (index) => {
    let keys = cache.get(index);
    if (keys) return keys;
    const token = doc.tokens[index] as Token;
    const fold = token.keys?.fold ?? foldKey(token.text);
    keys = [fold];
    if (token.stem && (token.stem.start !== token.start || token.stem.end !== token.end)) {
      const stem = foldKey(doc.document.text.slice(token.stem.start, token.stem.end));
      if (stem !== fold && stem !== "") keys = [fold, stem];
    }
    cache.set(index, keys);
    return keys;
  };
}

/** The next word of the same phrase: across one space or one joiner, never across other punctuation or a sentence end. */
export function nextWordIndex(doc: Doc, at: number): number {
  const { tokens } = doc;
  const current = tokens[at] as Token;
  let j = at + 1;
  const between = tokens[j];
  if (between && between.kind !== "word" && between.kind !== "number") {
    if (!JOINER.test(between.text)) return -1;
    j++;
  }
  const next = tokens[j];
  if (!next || (next.kind !== "word" && next.kind !== "number") || next.sentence !== current.sentence) return -1;
  const gap = doc.document.text.slice((tokens[j - 1] as Token).end, next.start);
  return /^\s?$/u.test(gap) ? j : -1;
}

function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid] as Token).end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Keeps the longest of overlapping matches (earliest first on ties), in text order. */
export function longestMatches<T>(matches: readonly PhraseMatch<T>[]): PhraseMatch<T>[] {
  const ranked = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PhraseMatch<T>[] = [];
  for (const match of ranked) if (!kept.some((other) => match.start < other.end && other.start < match.end)) kept.push(match);
  return kept.sort((a, b) => a.start - b.start);
}
