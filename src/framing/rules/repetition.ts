import type { Doc, Token } from "../../model/document.js";
import type { Span } from "../../model/span.js";
import { foldKey } from "../../text/normalise/index.js";
import { firstTokenAt, nextWordIndex } from "../../text/phrases.js";
import { isWord, type FramingCandidate, type FramingRule } from "../candidate.js";
import { isFunctionWord } from "../function-words.js";
import type { FramingLanguage } from "../lexicon.js";

const RULE = "repetition";
/** Longest phrase looked for, in words. */
const MAX_WORDS = 5;
/** Shorter words are rarely content words, and their repetition never argues. */
const MIN_LETTERS = 4;
/** Occurrences of a word or short phrase in one paragraph that make it hammered rather than used… */
const IN_PARAGRAPH = 3;
/** …when they fall within this many tokens: hammering is close together, a topic recurs across a long paragraph. */
const WINDOW = 40;
/** Words of a phrase that is repeated when it recurs twice in its paragraph (in two sentences), or three times in the document. */
const PHRASE_WORDS = 4;
const PHRASE_IN_PARAGRAPH = 2;
const PHRASE_IN_DOCUMENT = 3;
const DIGITS_ONLY = /^\p{N}+$/u;
const CAPITALISED = /^\p{Lu}/u;
const OPENING_PUNCTUATION = /^[«"“‘'(\-—–:]$/u;

interface Occurrence extends Span {
  /** Index of its first token. */
  token: number;
  words: number;
  content: number;
}

/**
 * A content word or phrase said over and over: a word or short phrase three
 * times within a few lines of one paragraph ("la guerre … la guerre … la
 * guerre"); a phrase of four words or more, two of them content words, in two
 * sentences of one paragraph (anaphora, refrain) or three times in the
 * document. Phrases start and end on content words; function words and names
 * (capitalised inside a sentence) never count, as repeating them is grammar
 * and reference, not rhetoric. Short phrases recurring across a document are
 * left alone: they are the topic ("banque centrale"), and a title restated in
 * the lede is the genre, not a technique. Each occurrence is a span; a phrase
 * repeated inside a longer repeated phrase is not reported again.
 */
export const repetition: FramingRule = ({ doc, language, paragraphs }) => {
  const found: Span[] = [];
  const byDocument = new Map<string, Occurrence[]>();
  const words = new WordKeys(doc, language);
  for (const paragraph of paragraphs) {
    const byParagraph = new Map<string, Occurrence[]>();
    phrases(doc, words, paragraph, (key, occurrence) => {
      push(byParagraph, key, occurrence);
      push(byDocument, key, occurrence);
    });
    for (const occurrences of byParagraph.values()) {
      // Once in the paragraph is neither a refrain nor hammering.
      if (occurrences.length < Math.min(PHRASE_IN_PARAGRAPH, IN_PARAGRAPH)) continue;
      const first = occurrences[0] as Occurrence;
      const kept = apart(occurrences);
      if (first.words >= PHRASE_WORDS && first.content >= 2 && kept.length >= PHRASE_IN_PARAGRAPH && sentencesOf(doc, kept) >= 2) found.push(...kept);
      else found.push(...hammered(kept));
    }
  }
  for (const occurrences of byDocument.values()) {
    if (occurrences.length < PHRASE_IN_DOCUMENT) continue;
    const first = occurrences[0] as Occurrence;
    const kept = apart(occurrences);
    if (first.words >= PHRASE_WORDS && first.content >= 2 && kept.length >= PHRASE_IN_DOCUMENT) found.push(...kept);
  }
  return outermost(found).map((span): FramingCandidate => ({ start: span.start, end: span.end, technique: "Repetition", rule: RULE }));
};

/** Every run of 1 to MAX_WORDS consecutive words in the paragraph that starts and ends on a content word, keyed by its words. */
function phrases(doc: Doc, words: WordKeys, paragraph: Span, visit: (key: string, occurrence: Occurrence) => void): void {
  const { tokens } = doc;
  for (let first = firstTokenAt(tokens, paragraph.start); first < tokens.length && (tokens[first] as Token).start < paragraph.end; first++) {
    if (!isWord(tokens[first])) continue;
    let phrase = "";
    let content = 0;
    for (let at = first, count = 1; at !== -1 && count <= MAX_WORDS; at = words.next(at), count++) {
      const token = tokens[at] as Token;
      if (token.end > paragraph.end || !isWord(token)) break;
      const key = words.content(at);
      if (key === null && count === 1) break;
      // A content word said once in the document is in no repeated phrase: nothing that contains it can recur.
      if (key !== null && words.once(key)) break;
      if (key !== null && words.isName(at)) break;
      phrase = count === 1 ? (key as string) : `${phrase} ${key ?? words.function(at)}`;
      if (key !== null) {
        content++;
        visit(phrase, { start: (tokens[first] as Token).start, end: token.end, token: first, words: count, content });
      }
    }
  }
}

/**
 * Each token's keys, computed once per document and kept by token index: a
 * phrase of five words looks at each word up to five times.
 */
class WordKeys {
  readonly #doc: Doc;
  readonly #language: FramingLanguage;
  /** Per token: its content key, null for a function word, undefined until asked. */
  readonly #content: (string | null | undefined)[];
  readonly #names: (boolean | undefined)[];
  /** Per token: the next word of the same phrase (`nextWordIndex`), -2 until asked. */
  readonly #next: Int32Array;
  /** How often each content word occurs in the document, so that phrases can skip words said only once. */
  readonly #counts = new Map<string, number>();

  constructor(doc: Doc, language: FramingLanguage) {
    this.#doc = doc;
    this.#language = language;
    this.#content = new Array<string | null | undefined>(doc.tokens.length);
    this.#names = new Array<boolean | undefined>(doc.tokens.length);
    this.#next = new Int32Array(doc.tokens.length).fill(-2);
    doc.tokens.forEach((token, at) => {
      if (!isWord(token)) return;
      const key = this.content(at);
      if (key !== null) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    });
  }

  once(key: string): boolean {
    return (this.#counts.get(key) ?? 0) < 2;
  }

  content(at: number): string | null {
    let key = this.#content[at];
    if (key === undefined) this.#content[at] = key = contentKey(this.#doc, this.#language, at);
    return key;
  }

  isName(at: number): boolean {
    let name = this.#names[at];
    if (name === undefined) this.#names[at] = name = isName(this.#doc, at);
    return name;
  }

  function(at: number): string {
    return foldOf(this.#doc.tokens[at] as Token);
  }

  next(at: number): number {
    let next = this.#next[at] as number;
    if (next === -2) this.#next[at] = next = nextWordIndex(this.#doc, at);
    return next;
  }
}

/** The key a content word is compared by (plural -s dropped in French and English, the stem in Arabic), or null for a function word. */
function contentKey(doc: Doc, language: FramingLanguage, at: number): string | null {
  const token = doc.tokens[at] as Token;
  const fold = foldOf(token);
  if (isFunctionWord(language, fold)) return null;
  const stem = stemOf(doc, token, fold);
  if (stem !== null && isFunctionWord(language, stem)) return null;
  const key = stem ?? fold;
  if (codePointsBelow(key, MIN_LETTERS) || DIGITS_ONLY.test(key)) return null;
  return language !== "ar" && key.length > MIN_LETTERS && key.endsWith("s") ? key.slice(0, -1) : key;
}

function foldOf(token: Token): string {
  return token.keys?.fold ?? foldKey(token.text);
}

/** For Arabic, the fold key of the stem without proclitics, when it differs from the whole word's. */
function stemOf(doc: Doc, token: Token, fold: string): string | null {
  if (!token.stem || (token.stem.start === token.start && token.stem.end === token.end)) return null;
  const stem = foldKey(doc.document.text.slice(token.stem.start, token.stem.end));
  return stem !== "" && stem !== fold ? stem : null;
}

/** Whether `text` has fewer than `count` code points (a surrogate pair is one letter). */
function codePointsBelow(text: string, count: number): boolean {
  if (text.length < count) return true;
  let points = 0;
  for (let i = 0; i < text.length && points < count; i++, points++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return points < count;
}

/** Capitalised and not the first word of its sentence. */
function isName(doc: Doc, at: number): boolean {
  const token = doc.tokens[at] as Token;
  if (!CAPITALISED.test(token.text)) return false;
  const previous = doc.tokens[at - 1];
  return previous !== undefined && previous.sentence === token.sentence && !OPENING_PUNCTUATION.test(previous.text);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The occurrences that do not overlap the one before ("la la la" is not three times "la la"). */
function apart(occurrences: readonly Occurrence[]): Occurrence[] {
  const kept: Occurrence[] = [];
  for (const occurrence of occurrences) if (kept.length === 0 || (kept.at(-1) as Occurrence).end <= occurrence.start) kept.push(occurrence);
  return kept;
}

/** The occurrences that fall IN_PARAGRAPH or more at a time within WINDOW tokens. */
function hammered(occurrences: readonly Occurrence[]): Occurrence[] {
  const kept = new Set<Occurrence>();
  for (let i = 0; i + IN_PARAGRAPH - 1 < occurrences.length; i++) {
    const run = occurrences.slice(i, i + IN_PARAGRAPH);
    if ((run.at(-1) as Occurrence).token - (run[0] as Occurrence).token <= WINDOW) for (const occurrence of run) kept.add(occurrence);
  }
  return [...kept];
}

function sentencesOf(doc: Doc, occurrences: readonly Occurrence[]): number {
  return new Set(occurrences.map((occurrence) => (doc.tokens[occurrence.token] as Token).sentence)).size;
}

/** Spans not inside another, each once, in text order. */
function outermost(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  // Sorted by start, so an earlier span contains this one exactly when it reaches as far.
  let reach = -1;
  for (const span of sorted) {
    if (span.end <= reach) continue;
    kept.push(span);
    reach = span.end;
  }
  return kept;
}
