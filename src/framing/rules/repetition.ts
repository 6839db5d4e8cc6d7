import type { Doc, Token } from "../../model/document.js";
import type { Span } from "../../model/span.js";
import { nextWordIndex } from "../../text/phrases.js";
import { isWord, tokenKeys, tokensIn, type FramingCandidate, type FramingRule } from "../candidate.js";
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
  words.countContent();
  for (const paragraph of paragraphs) {
    const byParagraph = new Map<string, Occurrence[]>();
    for (const [key, occurrence] of phrases(doc, words, paragraph)) {
      push(byParagraph, key, occurrence);
      push(byDocument, key, occurrence);
    }
    for (const occurrences of byParagraph.values()) {
      const first = occurrences[0] as Occurrence;
      const kept = apart(occurrences);
      if (first.words >= PHRASE_WORDS && first.content >= 2 && kept.length >= PHRASE_IN_PARAGRAPH && sentencesOf(doc, kept) >= 2) found.push(...kept);
      else found.push(...hammered(kept));
    }
  }
  for (const occurrences of byDocument.values()) {
    const first = occurrences[0] as Occurrence;
    const kept = apart(occurrences);
    if (first.words >= PHRASE_WORDS && first.content >= 2 && kept.length >= PHRASE_IN_DOCUMENT) found.push(...kept);
  }
  return outermost(found).map((span): FramingCandidate => ({ start: span.start, end: span.end, technique: "Repetition", rule: RULE }));
};

/** Every run of 1 to MAX_WORDS consecutive words in the paragraph that starts and ends on a content word, keyed by its words. */
function phrases(doc: Doc, words: WordKeys, paragraph: Span): [string, Occurrence][] {
  const found: [string, Occurrence][] = [];
  for (const first of tokensIn(doc, paragraph)) {
    if (!isWord(doc.tokens[first])) continue;
    const keys: string[] = [];
    let content = 0;
    for (let at = first, count = 1; at !== -1 && count <= MAX_WORDS; at = nextWordIndex(doc, at), count++) {
      const token = doc.tokens[at] as Token;
      if (token.end > paragraph.end || !isWord(token)) break;
      const key = words.content(at);
      if (key === null && count === 1) break;
      // A content word said once in the document is in no repeated phrase: nothing that contains it can recur.
      if (key !== null && words.once(key)) break;
      if (key !== null && words.isName(at)) break;
      keys.push(key ?? words.function(at));
      if (key !== null) {
        content++;
        found.push([keys.join(" "), { start: (doc.tokens[first] as Token).start, end: token.end, token: first, words: count, content }]);
      }
    }
  }
  return found;
}

/** Each token's keys, computed once per document: a phrase of five words looks at each word up to five times. */
class WordKeys {
  readonly #doc: Doc;
  readonly #language: FramingLanguage;
  readonly #content = new Map<number, string | null>();
  readonly #names = new Map<number, boolean>();

  constructor(doc: Doc, language: FramingLanguage) {
    this.#doc = doc;
    this.#language = language;
  }

  readonly #counts = new Map<string, number>();

  /** Counts each content word over the document, so that phrases can skip words said only once. */
  countContent(): void {
    this.#doc.tokens.forEach((token, at) => {
      if (!isWord(token)) return;
      const key = this.content(at);
      if (key !== null) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    });
  }

  once(key: string): boolean {
    return (this.#counts.get(key) ?? 0) < 2;
  }

  content(at: number): string | null {
    let key = this.#content.get(at);
    if (key === undefined) this.#content.set(at, (key = contentKey(this.#doc, this.#language, at)));
    return key;
  }

  isName(at: number): boolean {
    let name = this.#names.get(at);
    if (name === undefined) this.#names.set(at, (name = isName(this.#doc, at)));
    return name;
  }

  function(at: number): string {
    return functionKey(this.#doc, this.#doc.tokens[at] as Token);
  }
}

/** The key a content word is compared by (plural -s dropped in French and English, the stem in Arabic), or null for a function word. */
function contentKey(doc: Doc, language: FramingLanguage, at: number): string | null {
  const token = doc.tokens[at] as Token;
  const keys = tokenKeys(doc, token);
  if (keys.some((key) => isFunctionWord(language, key))) return null;
  const key = keys.at(-1) as string;
  if ([...key].length < MIN_LETTERS || /^\p{N}+$/u.test(key)) return null;
  return language !== "ar" && key.length > MIN_LETTERS && key.endsWith("s") ? key.slice(0, -1) : key;
}

function functionKey(doc: Doc, token: Token): string {
  return tokenKeys(doc, token)[0] as string;
}

/** Capitalised and not the first word of its sentence. */
function isName(doc: Doc, at: number): boolean {
  const token = doc.tokens[at] as Token;
  if (!/^\p{Lu}/u.test(token.text)) return false;
  const previous = doc.tokens[at - 1];
  return previous !== undefined && previous.sentence === token.sentence && !/^[«"“‘'(\-—–:]$/u.test(previous.text);
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
