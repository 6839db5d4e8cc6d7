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

/** Every match of one matcher in one document, in the order `matchAll` returns them. */
interface DocumentMatches<T> {
  text: string;
  tokenCount: number;
  matches: PhraseMatch<T>[];
}

export class PhraseMatcher<T> {
  readonly #root: Node<T> = newNode();
  /**
   * The events stage asks for each sentence's matches, and for the next
   * sentence's, several times over; the document is walked once per matcher
   * and each range is cut from that. Keyed on the tokens array, which a
   * stage never changes (it makes a new document), and checked against the
   * text and token count.
   */
  #byDocument = new WeakMap<readonly Token[], DocumentMatches<T>>();

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
    this.#byDocument = new WeakMap();
  }

  /**
   * Every phrase that matches starting at each word token inside `range`
   * (the whole document when omitted), in text order; overlapping matches
   * are all returned, so callers choose (see `longestMatches`).
   *
   * A match lies inside `range` when its first token ends after the range
   * starts and its last token ends by the range's end: tokens come in text
   * order, so these are the matches a walk limited to the range finds, in
   * the same order. Each call returns objects of its own.
   */
  matchAll(doc: Doc, range?: Span): PhraseMatch<T>[] {
    const all = this.#documentMatches(doc);
    if (!range) return all.map(copyMatch);
    const { tokens } = doc;
    const begin = firstTokenAt(tokens, range.start);
    const found: PhraseMatch<T>[] = [];
    for (let m = firstMatchFrom(all, begin); m < all.length; m++) {
      const match = all[m] as PhraseMatch<T>;
      if ((tokens[match.first] as Token).start >= range.end) break;
      if (match.end <= range.end) found.push(copyMatch(match));
    }
    return found;
  }

  #documentMatches(doc: Doc): PhraseMatch<T>[] {
    const { tokens } = doc;
    const known = this.#byDocument.get(tokens);
    if (known && known.text === doc.document.text && known.tokenCount === tokens.length) return known.matches;
    const keys = tokenKeysOf(doc);
    // Every phrase starts at the root: the root's children are looked up once per distinct key of the document, not
    // once per token, and each token then reads them by the key's number.
    const root = this.#root;
    const exactChildren = keys.distinct.map((key) => root.exact.get(key));
    const prefixChildren = root.prefixes.length === 0 ? null : keys.distinct.map((key) => root.prefixes.filter((entry) => key.startsWith(entry.text)).map((entry) => entry.node));
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const kind = (tokens[i] as Token).kind;
      if (kind !== "word" && kind !== "number") continue;
      const ids = keys.ids[i] as readonly number[];
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        const exact = exactChildren[id];
        if (exact) this.#step(doc, keys.keys, i, i, exact, k > 0, matches);
        if (prefixChildren) for (const child of prefixChildren[id] as Node<T>[]) this.#step(doc, keys.keys, i, i, child, k > 0, matches);
      }
    }
    this.#byDocument.set(tokens, { text: doc.document.text, tokenCount: tokens.length, matches });
    return matches;
  }

  #walk(doc: Doc, keys: readonly string[][], first: number, at: number, node: Node<T>, viaStem: boolean, found: PhraseMatch<T>[]): void {
    const candidates = keys[at] as readonly string[];
    for (let k = 0; k < candidates.length; k++) {
      const key = candidates[k] as string;
      const stem = viaStem || k > 0;
      // The exact child first, then the prefixes in the order they were added (as `#documentMatches` at the root).
      const exact = node.exact.get(key);
      if (exact) this.#step(doc, keys, first, at, exact, stem, found);
      for (const entry of node.prefixes) if (key.startsWith(entry.text)) this.#step(doc, keys, first, at, entry.node, stem, found);
    }
  }

  #step(doc: Doc, keys: readonly string[][], first: number, at: number, child: Node<T>, viaStem: boolean, found: PhraseMatch<T>[]): void {
    const start = (doc.tokens[first] as Token).start;
    const end = (doc.tokens[at] as Token).end;
    for (const value of child.values) found.push({ start, end, value, first, last: at, viaStem });
    if (child.exact.size === 0 && child.prefixes.length === 0) return;
    const following = nextWordIndex(doc, at);
    if (following !== -1) this.#walk(doc, keys, first, following, child, viaStem, found);
  }
}

function copyMatch<T>(match: PhraseMatch<T>): PhraseMatch<T> {
  return { start: match.start, end: match.end, value: match.value, first: match.first, last: match.last, viaStem: match.viaStem };
}

/** Index of the first match whose first token is at or after `token`; matches come in order of their first token. */
function firstMatchFrom(matches: readonly PhraseMatch<unknown>[], token: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((matches[mid] as PhraseMatch<unknown>).first < token) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The keys of a document's tokens, and each key's number among the document's distinct keys. */
interface TokenKeys {
  text: string;
  /** Per token: its fold key, then for Arabic its stem without proclitics. */
  keys: string[][];
  /** Per token, per key: the key's index in `distinct`. */
  ids: number[][];
  distinct: string[];
}

const tokenKeyCache = new WeakMap<readonly Token[], TokenKeys>();

/**
 * Keys each token may match by: its fold key, then for Arabic its stem
 * without proclitics. Every matcher of every stage reads them, so they are
 * worked out once per document.
 */
function tokenKeysOf(doc: Doc): TokenKeys {
  const { tokens } = doc;
  const text = doc.document.text;
  const known = tokenKeyCache.get(tokens);
  if (known && known.text === text && known.keys.length === tokens.length) return known;
  const numbers = new Map<string, number>();
  const distinct: string[] = [];
  const number = (key: string): number => {
    let id = numbers.get(key);
    if (id === undefined) numbers.set(key, (id = distinct.push(key) - 1));
    return id;
  };
  const keys = tokens.map((token): string[] => {
    const fold = token.keys?.fold ?? foldKey(token.text);
    if (token.stem && (token.stem.start !== token.start || token.stem.end !== token.end)) {
      const stem = foldKey(text.slice(token.stem.start, token.stem.end));
      if (stem !== fold && stem !== "") return [fold, stem];
    }
    return [fold];
  });
  const found: TokenKeys = { text, keys, ids: keys.map((own) => own.map(number)), distinct };
  tokenKeyCache.set(tokens, found);
  return found;
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

/** Index of the first token that ends after `offset` (binary search; tokens are in text order). */
export function firstTokenAt(tokens: readonly Token[], offset: number): number {
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
