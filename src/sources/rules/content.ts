/**
 * Where the reported content of a cue lies: after it ("said that …", "a
 * déclaré : « … »", "قال إن …"), or before it ("« … », commente notre
 * correspondant", "…, indique cette télévision"). A direct quotation is the
 * content whole, marks included; otherwise the content runs to the end of
 * the sentence, or from its start, without the punctuation at its edges.
 */
import type { QuoteFinding } from "../quotes.js";
import { nounPhraseAfter } from "./noun-phrase.js";
import { afterDateline } from "./subject.js";
import type { ClauseReader, TokenRange } from "./site.js";

export interface Content {
  range: TokenRange;
  quote: QuoteFinding | null;
}

/** Prepositions no content starts with, besides the adjuncts. */
const NOT_CONTENT = new Set(["of", "by", "de", "par"]);

/** How many adjuncts a cue or a source may carry before the content: "on Monday", "to reporters", "pour al-Akhbar", "في بيان". */
const MAX_ADJUNCTS = 3;

/** The token after the adjuncts that start at `from` (times, prepositional phrases), within the sentence. */
export function skipAdjuncts(reader: ClauseReader, from: number, limit: number): number {
  const { words } = reader;
  let i = from;
  for (let n = 0; n < MAX_ADJUNCTS && i <= limit && reader.isWord(i); n++) {
    if (reader.is(words.temporalOpeners, i) && i + 1 <= limit && reader.is(words.temporals, i + 1)) {
      i += 2;
    } else if (reader.is(words.temporals, i)) {
      i++;
    } else if (reader.is(words.adjuncts, i) && i + 1 <= limit && reader.is(words.temporals, i + 1)) {
      i += 2;
    } else if (reader.is(words.adjuncts, i) || isArabicDative(reader, i)) {
      const start = reader.is(words.adjuncts, i) ? i + 1 : i;
      const phrase = nounPhraseAfter(reader, start, limit);
      if (phrase === null) break;
      i = phrase.last + 1;
    } else {
      break;
    }
  }
  return i;
}

/** Past the times at `from`: "mardi", "on Tuesday", "last week". */
function skipTimes(reader: ClauseReader, from: number, limit: number): number {
  const { words } = reader;
  let i = from;
  for (let n = 0; n < MAX_ADJUNCTS && i <= limit && reader.isWord(i); n++) {
    if ((reader.is(words.temporalOpeners, i) || reader.is(words.adjuncts, i)) && i + 1 <= limit && reader.is(words.temporals, i + 1)) i += 2;
    else if (reader.is(words.temporals, i)) i++;
    else break;
  }
  return i;
}

/** The addressee of "told" and its likes: a noun phrase, then the content. */
export function skipAddressee(reader: ClauseReader, cue: TokenRange, limit: number): number {
  const from = cue.last + 1;
  if (!reader.is(reader.words.addressed, cue.last) || from > limit || !reader.isWord(from)) return from;
  if (reader.is(reader.words.complementizers, from)) return from;
  const phrase = nounPhraseAfter(reader, from, limit);
  return phrase === null ? from : phrase.last + 1;
}

/** The content that starts at token `from` and ends with the sentence. */
export function contentAfter(reader: ClauseReader, from: number, sentence: TokenRange): Content | null {
  const { words } = reader;
  let start = from;
  // "said on Monday that", "told reporters that", "قال في بيان إن": the content opens at the complementizer.
  const later = skipAdjuncts(reader, start, sentence.last);
  if (later !== start && later <= sentence.last && (reader.is(words.complementizers, later) || opensContent(reader, later))) start = later;
  // "a annoncé mardi avoir repoussé …", "said Tuesday the talks …": a time is when it was said, not what.
  else start = skipTimes(reader, start, sentence.last);
  while (start <= sentence.last && /^[,،:]$/u.test(reader.token(start).text)) start++;
  if (start > sentence.last || reader.quoteClosedAt(start) !== null) return null;
  // Content that starts with a preposition is an adjunct of the verb ("adding to his victories"), not what was said.
  if (reader.isWord(start) && (reader.is(words.adjuncts, start) || NOT_CONTENT.has(reader.key(start))) && !reader.is(words.temporals, start + 1)) return null;
  const quote = reader.quoteOpenedAt(start);
  if (quote !== null) {
    const after = lastTokenWithin(reader, start, quote.end, sentence);
    if (onlyClosingPunctuation(reader, after + 1, sentence.last)) return { range: { first: start, last: after }, quote };
  }
  let last = endBeforeNextCue(reader, start, sentence);
  // Words said inside a quotation end with it: "“I told him,” Smith said" holds "him" as what was told.
  const around = reader.quoteAround(start);
  if (around !== null) while (last > start && reader.token(last).end > around.inner.end) last--;
  while (last >= start && isEdgePunctuation(reader, last)) last--;
  if (last < start) return null;
  return { range: { first: start, last }, quote: null };
}

/**
 * The sentence's last token, or the one before the next clause's: a
 * semicolon, a comma that a cue follows ("Barkley, who said he votes
 * democratic, said …", "…, according to X"), an Arabic cue that opens a
 * clause with و ("… سيطروا على التلال وقال مراسلنا …").
 */
function endBeforeNextCue(reader: ClauseReader, from: number, sentence: TokenRange): number {
  for (let i = from + 1; i < sentence.last; i++) {
    const text = reader.token(i).text;
    if (/^[;؛]$/u.test(text)) return i - 1;
    if (reader.language === "ar" && reader.isCueStart(i) && /^[وف]/u.test(text) && reader.token(i).stem !== null) return i - 1;
    if (!/^[,،]$/u.test(text)) continue;
    let next = i + 1;
    while (next < sentence.last && reader.isWord(next) && reader.is(reader.words.auxiliaries, next) && !reader.isCueStart(next)) next++;
    if (reader.isCueStart(next)) return i - 1;
  }
  return sentence.last;
}

/**
 * The content that ends just before token `boundary` (a comma, a dash or a
 * closing quotation mark before the source and cue): the quotation that
 * closes there, else the sentence up to the boundary.
 */
export function contentBefore(reader: ClauseReader, boundary: number, sentence: TokenRange): Content | null {
  let end = boundary;
  if (/^[,،—–-]$/u.test(reader.token(end).text) && end - 1 >= sentence.first && reader.quoteClosedAt(end - 1) !== null) end--;
  const quote = reader.quoteClosedAt(end);
  if (quote !== null) {
    const first = firstTokenFrom(reader, quote.start);
    return { range: { first, last: end }, quote };
  }
  let last = boundary - 1;
  let first = afterDateline(reader, sentence, boundary);
  while (last >= first && isEdgePunctuation(reader, last)) last--;
  while (first <= last && isEdgePunctuation(reader, first)) first++;
  if (last < first) return null;
  return { range: { first, last }, quote: null };
}

/** Whether content opens at token `i`: a quotation, or a colon before one. */
function opensContent(reader: ClauseReader, i: number): boolean {
  return reader.quoteOpenedAt(i) !== null || /^[:,]$/u.test(reader.token(i).text);
}

function isArabicDative(reader: ClauseReader, i: number): boolean {
  const token = reader.token(i);
  return token.stem !== null && token.stem.start > token.start && token.text.startsWith("ل");
}

/** Sentence punctuation at a content's edges; quotation marks and brackets stay. */
function isEdgePunctuation(reader: ClauseReader, i: number): boolean {
  const token = reader.token(i);
  return token.kind === "punctuation" && /^[.!?…;:,،؛؟—–-]+$/u.test(token.text);
}

function onlyClosingPunctuation(reader: ClauseReader, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (!isEdgePunctuation(reader, i)) return false;
  return true;
}

/** The last token that ends at or before `offset`. */
function lastTokenWithin(reader: ClauseReader, from: number, offset: number, sentence: TokenRange): number {
  let i = from;
  while (i + 1 <= sentence.last && reader.token(i + 1).end <= offset) i++;
  return i;
}

/** The first token that starts at or after `offset`. */
function firstTokenFrom(reader: ClauseReader, offset: number): number {
  const tokens = reader.doc.tokens;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid] as { start: number }).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
