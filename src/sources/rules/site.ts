/**
 * What every attribution rule reads: the document's tokens around one cue,
 * the sentence it stands in, the quotations, and the words of its language.
 * Token ranges are inclusive indices into `doc.tokens`; a rule turns them
 * into text spans only when it returns a finding.
 */
import type { TextSpan } from "../../model/analysis.js";
import type { Doc, Token } from "../../model/document.js";
import { foldKey } from "../../text/normalise/index.js";
import type { QuoteFinding } from "../quotes.js";
import type { AttributionCue } from "../attribution-lexicon.js";
import type { LexiconLanguage } from "../../events/lexicon.js";
import type { ClauseWords } from "./words.js";

export interface TokenRange {
  first: number;
  last: number;
}

export interface AttributionFinding {
  source: TextSpan | null;
  cue: TextSpan;
  content: TextSpan;
  quote: QuoteFinding | null;
  rule: string;
}

const JOINER = /^[-‐‑'’]$/u;
const CLAUSE_BREAK = /^[,،;؛—–-]$/u;

/** The document-wide context the rules share: made once per document. */
export class ClauseReader {
  readonly doc: Doc;
  readonly language: LexiconLanguage;
  readonly words: ClauseWords;
  /** Per token: its fold key, and for Arabic the fold key of its stem without proclitics (else null). */
  readonly #folds: string[];
  readonly #stems: (string | null)[];
  readonly #sentences: TokenRange[];
  readonly #quotesByStart = new Map<number, QuoteFinding>();
  readonly #quotesByEnd = new Map<number, QuoteFinding>();
  /** Outermost quotations, sorted and disjoint. */
  readonly #quotes: readonly QuoteFinding[];
  /** Tokens where a cue of the lexicon starts: a noun phrase stops before another cue. */
  readonly #cueStarts: ReadonlySet<number>;

  constructor(doc: Doc, language: LexiconLanguage, words: ClauseWords, quotes: readonly QuoteFinding[], cueStarts: ReadonlySet<number>) {
    this.doc = doc;
    this.language = language;
    this.words = words;
    this.#quotes = [...quotes].sort((a, b) => a.start - b.start);
    this.#cueStarts = cueStarts;
    const text = doc.document.text;
    this.#folds = doc.tokens.map((token) => token.keys?.fold ?? foldKey(token.text));
    this.#stems = doc.tokens.map((token) =>
      token.stem === null || (token.stem.start === token.start && token.stem.end === token.end) ? null : foldKey(text.slice(token.stem.start, token.stem.end)),
    );
    this.#sentences = doc.sentences.map(() => ({ first: -1, last: -1 }));
    doc.tokens.forEach((token, i) => {
      const range = this.#sentences[token.sentence];
      if (range === undefined) return;
      if (range.first === -1) range.first = i;
      range.last = i;
    });
    for (const quote of quotes) {
      this.#quotesByStart.set(quote.start, quote);
      this.#quotesByEnd.set(quote.end, quote);
    }
  }

  token(i: number): Token {
    const token = this.doc.tokens[i];
    if (token === undefined) throw new Error(`ClauseReader.token: no token ${i}; the document has ${this.doc.tokens.length}`);
    return token;
  }

  /** The token's fold key. */
  key(i: number): string {
    const fold = this.#folds[i];
    if (fold === undefined) throw new Error(`ClauseReader.key: no token ${i}; the document has ${this.doc.tokens.length}`);
    return fold;
  }

  /** Whether the token, or its Arabic stem without proclitics, is in `set`. */
  is(set: ReadonlySet<string>, i: number): boolean {
    const fold = this.#folds[i];
    if (fold === undefined) return false;
    const stem = this.#stems[i] ?? null;
    return set.has(fold) || (stem !== null && set.has(stem));
  }

  isWord(i: number): boolean {
    const kind = this.doc.tokens[i]?.kind;
    return kind === "word" || kind === "number";
  }

  isCueStart(i: number): boolean {
    return this.#cueStarts.has(i);
  }

  /** The sentence of token `i`, as a token range. */
  sentenceOf(i: number): TokenRange {
    return this.#sentences[this.token(i).sentence] as TokenRange;
  }

  /** The quotation whose opening mark is token `i`. */
  quoteOpenedAt(i: number): QuoteFinding | null {
    const token = this.doc.tokens[i];
    return token === undefined ? null : (this.#quotesByStart.get(token.start) ?? null);
  }

  /** The quotation whose closing mark is token `i`. */
  quoteClosedAt(i: number): QuoteFinding | null {
    const token = this.doc.tokens[i];
    return token === undefined ? null : (this.#quotesByEnd.get(token.end) ?? null);
  }

  /** The quotation whose words hold token `i` (its marks excluded). */
  quoteAround(i: number): QuoteFinding | null {
    const token = this.doc.tokens[i];
    if (token === undefined) return null;
    let low = 0;
    let high = this.#quotes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#quotes[mid] as QuoteFinding).start <= token.start) low = mid + 1;
      else high = mid;
    }
    const quote = this.#quotes[low - 1];
    return quote !== undefined && quote.inner.start <= token.start && token.end <= quote.inner.end ? quote : null;
  }

  /** A hyphen or apostrophe written tight between two words: "al-Manar", "d’Aarsale". */
  isJoiner(i: number): boolean {
    const token = this.doc.tokens[i];
    const before = this.doc.tokens[i - 1];
    const after = this.doc.tokens[i + 1];
    if (token === undefined || before === undefined || after === undefined || token.kind !== "punctuation") return false;
    return JOINER.test(token.text) && before.end === token.start && token.end === after.start;
  }

  /** Punctuation that closes a clause before a cue: a comma, a dash, a closing quotation or bracket. */
  isClauseBreak(i: number): boolean {
    const token = this.doc.tokens[i];
    if (token === undefined || token.kind !== "punctuation" || this.isJoiner(i)) return false;
    return CLAUSE_BREAK.test(token.text) || this.quoteClosedAt(i) !== null;
  }

  text(range: TokenRange): TextSpan {
    const start = this.token(range.first).start;
    const end = this.token(range.last).end;
    return { start, end, text: this.doc.document.text.slice(start, end) };
  }
}

export interface CueSite {
  reader: ClauseReader;
  entry: AttributionCue;
  /** The cue's tokens, auxiliaries and a "in a statement" adjunct included. */
  cue: TokenRange;
  sentence: TokenRange;
}

/** An English "-ing" form: its subject is the clause's ("…, saying …"), never the words around it. */
export function isEnglishParticiple(site: CueSite): boolean {
  return site.reader.language === "en" && /ing$/u.test(site.reader.key(site.cue.last));
}

export function quoteSpan(quote: QuoteFinding): TextSpan {
  return { start: quote.start, end: quote.end, text: quote.text };
}

/** The finding a rule returns, its spans cut from the token ranges it read. */
export function attributionFinding(
  reader: ClauseReader,
  parts: { source: TokenRange | null; cue: TokenRange; content: { range: TokenRange; quote: QuoteFinding | null } },
  rule: string,
): AttributionFinding {
  const { source, cue, content } = parts;
  return {
    source: source === null ? null : reader.text(source),
    cue: reader.text(cue),
    content: content.quote === null ? reader.text(content.range) : quoteSpan(content.quote),
    quote: content.quote,
    rule,
  };
}
