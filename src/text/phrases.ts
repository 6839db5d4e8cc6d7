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
import { KEY_NUMBERS, NumberedKeys } from "./key-numbers.js";

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
const WHITE_SPACE = /^\s$/u;

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

/** The children of a matcher's root that a key leads to. */
interface RootChildren<T> {
  exact: Node<T> | undefined;
  /** Prefix children the key starts with, in the order they were added. */
  prefixes: readonly Node<T>[];
}

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
  /**
   * What each key leads to from the root, by the key's number (`KEY_NUMBERS`):
   * UNSEEN until the key is first met, then NOWHERE or ONWARD, with the
   * children in `#rootChildren`. Words recur across documents, so each is
   * looked up in the lexicon once, not once per document and matcher. One
   * byte a key: every token of every document reads it, and most keys lead
   * nowhere, so the table is kept small enough to stay in cache.
   */
  #rootStates = new Uint8Array(0);
  #rootChildren = new Map<number, RootChildren<T>>();
  /** The numbering `#rootStates` follows. */
  #generation = -1;

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
    this.#generation = -1;
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
    this.#followNumbering(keys.generation);
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const fold = keys.fold[i] as number;
      if (fold === NO_KEY) continue;
      if (this.#rootStates[fold] !== NOWHERE) this.#startAt(doc, keys, i, fold, false, matches);
      const stem = keys.stem[i] as number;
      if (stem !== NO_KEY && this.#rootStates[stem] !== NOWHERE) this.#startAt(doc, keys, i, stem, true, matches);
    }
    this.#byDocument.set(tokens, { text: doc.document.text, tokenCount: tokens.length, matches });
    return matches;
  }

  /** Forgets what keys led to under an older numbering, and makes room for every key numbered so far. */
  #followNumbering(generation: number): void {
    if (generation !== this.#generation) {
      this.#rootStates = new Uint8Array(this.#rootStates.length);
      this.#rootChildren.clear();
      this.#generation = generation;
    }
    if (KEY_NUMBERS.count > this.#rootStates.length) {
      const grown = new Uint8Array(Math.max(1024, 2 * KEY_NUMBERS.count));
      grown.set(this.#rootStates);
      this.#rootStates = grown;
    }
  }

  /** Every phrase starts at the root: its exact child for the key first, then the prefixes, as `#walk` does further on. */
  #startAt(doc: Doc, keys: TokenKeys, at: number, key: number, viaStem: boolean, found: PhraseMatch<T>[]): void {
    const children = this.#rootChildrenOf(key);
    if (children === null) return;
    if (children.exact) this.#step(doc, keys, at, at, children.exact, viaStem, found);
    for (const child of children.prefixes) this.#step(doc, keys, at, at, child, viaStem, found);
  }

  #rootChildrenOf(key: number): RootChildren<T> | null {
    if (this.#rootStates[key] === UNSEEN) {
      const text = KEY_NUMBERS.key(key);
      const exact = this.#root.exact.get(text);
      const prefixes = this.#root.prefixes.filter((entry) => text.startsWith(entry.text)).map((entry) => entry.node);
      const leadsNowhere = exact === undefined && prefixes.length === 0;
      if (!leadsNowhere) this.#rootChildren.set(key, { exact, prefixes });
      this.#rootStates[key] = leadsNowhere ? NOWHERE : ONWARD;
    }
    return this.#rootChildren.get(key) ?? null;
  }

  #walk(doc: Doc, keys: TokenKeys, first: number, at: number, node: Node<T>, viaStem: boolean, found: PhraseMatch<T>[]): void {
    this.#walkKey(doc, keys, first, at, node, KEY_NUMBERS.key(keys.fold[at] as number), viaStem, found);
    const stem = keys.stem[at] as number;
    if (stem !== NO_KEY) this.#walkKey(doc, keys, first, at, node, KEY_NUMBERS.key(stem), true, found);
  }

  #walkKey(doc: Doc, keys: TokenKeys, first: number, at: number, node: Node<T>, key: string, viaStem: boolean, found: PhraseMatch<T>[]): void {
    // The exact child first, then the prefixes in the order they were added (as `#startAt` at the root).
    const exact = node.exact.get(key);
    if (exact) this.#step(doc, keys, first, at, exact, viaStem, found);
    for (const entry of node.prefixes) if (key.startsWith(entry.text)) this.#step(doc, keys, first, at, entry.node, viaStem, found);
  }

  #step(doc: Doc, keys: TokenKeys, first: number, at: number, child: Node<T>, viaStem: boolean, found: PhraseMatch<T>[]): void {
    const start = (doc.tokens[first] as Token).start;
    const end = (doc.tokens[at] as Token).end;
    for (const value of child.values) found.push({ start, end, value, first, last: at, viaStem });
    if (child.exact.size === 0 && child.prefixes.length === 0) return;
    let following = keys.next[at] as number;
    if (following === NOT_YET) keys.next[at] = following = nextWordIndex(doc, at);
    if (following !== -1) this.#walk(doc, keys, first, following, child, viaStem, found);
  }
}

/** What a key leads to from a matcher's root (`PhraseMatcher.#rootStates`). */
const UNSEEN = 0;
const NOWHERE = 1;
const ONWARD = 2;

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

/** `TokenKeys.fold` of a token that is neither a word nor a number, and `stem` of a token without a stem of its own. */
const NO_KEY = -1;
/** `TokenKeys.next` of a token whose next word has not been asked for. */
const NOT_YET = -2;

/** The keys of a document's tokens, by their numbers in `KEY_NUMBERS`. */
interface TokenKeys {
  text: string;
  tokenCount: number;
  generation: number;
  /** Per token: its fold key, or NO_KEY for a token that is neither a word nor a number (no phrase has one). */
  fold: Int32Array;
  /** Per token: for Arabic, its stem without proclitics when that differs from the whole word, else NO_KEY. */
  stem: Int32Array;
  /** Per token: `nextWordIndex`, NOT_YET until a matcher asks. */
  next: Int32Array;
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
  if (known && known.text === text && known.tokenCount === tokens.length && known.generation === KEY_NUMBERS.generation) return known;
  KEY_NUMBERS.reserve(2 * tokens.length);
  const fold = new Int32Array(tokens.length).fill(NO_KEY);
  const stem = new Int32Array(tokens.length).fill(NO_KEY);
  tokens.forEach((token, i) => {
    if (token.kind !== "word" && token.kind !== "number") return;
    const keys = token.keys;
    const own = keys?.fold ?? foldKey(token.text);
    fold[i] = (keys instanceof NumberedKeys ? keys.foldNumber : null) ?? KEY_NUMBERS.number(own);
    if (token.stem && (token.stem.start !== token.start || token.stem.end !== token.end)) {
      const cut = foldKey(text.slice(token.stem.start, token.stem.end));
      if (cut !== own && cut !== "") stem[i] = KEY_NUMBERS.number(cut);
    }
  });
  const found: TokenKeys = { text, tokenCount: tokens.length, generation: KEY_NUMBERS.generation, fold, stem, next: new Int32Array(tokens.length).fill(NOT_YET) };
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
  // At most one white-space character between them (none when they touch), read in place rather than sliced: every
  // matcher asks this of most words of a document.
  const gapStart = (tokens[j - 1] as Token).end;
  const gap = next.start - gapStart;
  return gap <= 0 || (gap === 1 && WHITE_SPACE.test(doc.document.text.charAt(gapStart))) ? j : -1;
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
