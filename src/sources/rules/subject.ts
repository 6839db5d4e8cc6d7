/**
 * The subject of a cue verb, where a bare noun phrase is not enough:
 *
 * - before the verb, past a time ("Hillary Clinton on Tuesday said"), a
 *   relative pronoun ("Ted Cruz, who said …": the source is "who", which
 *   the chain of sources resolves), or a name with its apposition between
 *   commas ("Kevin Brady, chairman of the committee, said"; "Clinton, 35,
 *   the daughter of …, said");
 * - after the verb, with its apposition ("said Jim Clyburn, a Democratic
 *   congressman from South Carolina");
 * - the clause's own subject, for a second verb ("Graham called both … and
 *   said …") or an English participle ("…, saying …").
 */
import { nounPhraseAfter, nounPhraseBefore } from "./noun-phrase.js";
import type { ClauseReader, TokenRange } from "./site.js";

/** How many comma-separated pieces an apposition may have ("Clinton, 35, the daughter of …,"). */
const MAX_APPOSITION_PIECES = 3;
const MAX_APPOSITION_WORDS = 40;
/** A name is short: "Gov. John Kasich (R-OH)", "Sanders’ campaign manager". */
const MAX_NAME_WORDS = 8;

/** Discourse adverbs set off by commas between a subject and its verb ("Mr. Trump, however, said"). */
const ASIDES = new Set(["however", "though", "meanwhile", "too", "instead", "moreover", "also", "pourtant", "toutefois", "cependant", "ensuite"]);

export function subjectBefore(reader: ClauseReader, cueFirst: number, sentence: TokenRange): TokenRange | null {
  let i = skipTimesBackward(reader, cueFirst - 1, sentence.first);
  // ", however," between the subject and the verb
  if (i - 2 >= sentence.first && /^[,،]$/u.test(reader.token(i).text) && ASIDES.has(reader.key(i - 1)) && /^[,،]$/u.test(reader.token(i - 2).text)) i -= 3;
  if (i < sentence.first) return null;
  if (reader.isWord(i) && reader.is(reader.words.relatives, i)) return { first: i, last: i };
  if (/^[,،]$/u.test(reader.token(i).text)) return appositiveSubject(reader, i, sentence);
  const phrase = nounPhraseBefore(reader, i, sentence.first);
  return phrase === null ? null : withoutLeadingVerb(reader, phrase);
}

/**
 * An English phrase read back to a verb the stop words do not know
 * ("awarded Carly Fiorina three Pinocchios", "filed multiple reports"): the
 * verb is no part of the subject.
 */
function withoutLeadingVerb(reader: ClauseReader, phrase: TokenRange): TokenRange {
  if (reader.language !== "en") return phrase;
  let first = phrase.first;
  while (first < phrase.last && /^\p{Ll}+(?:ed|ing)$/u.test(reader.token(first).text)) first++;
  return { first, last: phrase.last };
}

/** "on Tuesday", "Tuesday", "last week" right before the verb. */
function skipTimesBackward(reader: ClauseReader, from: number, limit: number): number {
  const { words } = reader;
  let i = from;
  while (i >= limit && reader.isWord(i) && reader.is(words.temporals, i)) {
    i--;
    if (i >= limit && reader.isWord(i) && (reader.is(words.temporalOpeners, i) || reader.is(words.adjuncts, i))) i--;
  }
  return i;
}

/**
 * The name before the comma that ends its apposition: pieces between commas,
 * read leftwards over descriptions ("chairman of …", "35", "who …") to a name.
 */
function appositiveSubject(reader: ClauseReader, comma: number, sentence: TokenRange): TokenRange | null {
  const pieces = piecesBefore(reader, comma, sentence);
  const last = pieces[0];
  if (last === undefined) return null;
  for (let j = 0; j < pieces.length && j < MAX_APPOSITION_PIECES; j++) {
    const piece = pieces[j] as TokenRange;
    let first = nameAtEnd(reader, piece);
    if (first !== -1) {
      // "Jeff Weaver, Sanders’ campaign manager, said", "Sen. Lindsey Graham, R-S.C., a …, said": a name's apposition may look like a name.
      for (let k = j + 1; k < pieces.length && k < MAX_APPOSITION_PIECES + 1 && first === piece.first; k++) {
        const before = nameAtEnd(reader, pieces[k] as TokenRange);
        if (before === -1) break;
        first = before;
      }
      return last.last - first < MAX_APPOSITION_WORDS ? { first, last: last.last } : null;
    }
    if (!isDescription(reader, piece)) return null;
  }
  return null;
}

/** Where the name that ends the piece starts ("… that Tom Fitton", "Even Rendell"), or -1. */
function nameAtEnd(reader: ClauseReader, piece: TokenRange): number {
  if (isName(reader, piece)) return piece.first;
  const phrase = nounPhraseBefore(reader, piece.last, piece.first);
  return phrase !== null && phrase.last === piece.last && isName(reader, phrase) ? phrase.first : -1;
}

/** The comma-separated pieces before `comma`, nearest first, up to any other break. */
function piecesBefore(reader: ClauseReader, comma: number, sentence: TokenRange): TokenRange[] {
  const pieces: TokenRange[] = [];
  let last = comma - 1;
  for (let i = comma - 1; i >= sentence.first - 1 && pieces.length <= MAX_APPOSITION_PIECES; i--) {
    const atStart = i < sentence.first;
    if (atStart || reader.isClauseBreak(i)) {
      if (i + 1 <= last) pieces.push({ first: i + 1, last });
      if (atStart || !/^[,،]$/u.test(reader.token(i).text)) break;
      last = i - 1;
    }
  }
  return pieces;
}

/** A short noun phrase, the whole piece, that starts with a capital or is a pronoun. */
function isName(reader: ClauseReader, piece: TokenRange): boolean {
  if (piece.last - piece.first >= MAX_NAME_WORDS) return false;
  const phrase = nounPhraseAfter(reader, piece.first, piece.last);
  if (phrase === null || phrase.first !== piece.first || phrase.last !== piece.last) return false;
  return reader.is(reader.words.pronouns, piece.first) || /^\p{Lu}/u.test(reader.token(piece.first).text);
}

/** What an apposition starts with: a determiner, a relative, a number, or a lower-case word that is no preposition or conjunction. */
function isDescription(reader: ClauseReader, piece: TokenRange): boolean {
  const { words } = reader;
  const first = piece.first;
  if (!reader.isWord(first)) return false;
  if (reader.is(words.determiners, first) || reader.is(words.relatives, first) || reader.token(first).kind === "number") return true;
  return /^\p{Ll}/u.test(reader.token(first).text) && !reader.is(words.stops, first);
}

/** "said Jim Clyburn, a Democratic congressman …": the apposition after a name, up to the next break or the sentence end. */
export function withApposition(reader: ClauseReader, source: TokenRange, sentence: TokenRange): TokenRange {
  const comma = source.last + 1;
  if (comma + 1 > sentence.last || !/^[,،]$/u.test(reader.token(comma).text)) return source;
  let end = comma + 1;
  while (end + 1 <= sentence.last && !reader.isClauseBreak(end + 1) && !/^[.!?;:]$/u.test(reader.token(end + 1).text)) end++;
  const piece = { first: comma + 1, last: end };
  if (end - source.first >= MAX_APPOSITION_WORDS || !isDescription(reader, piece)) return source;
  for (let i = piece.first; i <= piece.last; i++) if (i > piece.first && reader.isCueStart(i)) return source;
  return { first: source.first, last: end };
}

/**
 * The subject at the start of the clause: a pronoun, or a name (a run of
 * capitalised words, with "of", "’s", joiners and a parenthesis), or a
 * determiner and one noun ("The spokesman"). Opening adjuncts that end in a
 * comma ("In an interview Thursday, …", "Speaking on ABC, …") are passed.
 */
export function clauseSubject(reader: ClauseReader, sentence: TokenRange, before: number): TokenRange | null {
  const { words } = reader;
  let from = afterDateline(reader, sentence, before);
  for (let pass = 0; pass < 2 && from < before; pass++) {
    if (!opensAdjunct(reader, from)) break;
    let comma = from;
    while (comma < before && !/^[,،]$/u.test(reader.token(comma).text)) comma++;
    if (comma >= before) return null;
    from = comma + 1;
    while (from < before && !reader.isWord(from)) from++;
  }
  if (from >= before || !reader.isWord(from)) return null;
  if (reader.is(words.pronouns, from)) return { first: from, last: from };
  let i = from;
  const determiner = reader.is(words.determiners, i);
  if (determiner) i++;
  let last = -1;
  for (; i < before && i - from < MAX_NAME_WORDS; i++) {
    const text = reader.token(i).text;
    if (reader.isJoiner(i) || (last !== -1 && reader.isWord(i) && reader.is(words.links, i) && /^\p{Lu}/u.test(reader.token(i + 1)?.text ?? ""))) continue;
    if (text === "(" && last !== -1) {
      const close = closingParenthesis(reader, i, before);
      if (close === -1) break;
      last = close;
      i = close;
      continue;
    }
    if (!reader.isWord(i) || !/^\p{Lu}/u.test(text) || reader.is(words.stops, i)) break;
    last = i;
  }
  if (last === -1 && determiner && i < before && reader.isWord(i) && /^\p{Ll}/u.test(reader.token(i).text) && !reader.is(words.stops, i)) last = i;
  if (last === -1) return null;
  return { first: from, last };
}

/** Words that open an adjunct: a preposition or conjunction, a time, a participle or an adverb ("Speaking …,", "Reached by …,", "Publicly,"). */
function opensAdjunct(reader: ClauseReader, i: number): boolean {
  const { words } = reader;
  if (!reader.isWord(i)) return false;
  const key = reader.key(i);
  return reader.is(words.stops, i) || reader.is(words.temporals, i) || (reader.language === "en" && /^\p{L}{3,}(?:ing|ed|ly)$/u.test(key));
}

/** Past a dateline: a word in capitals, then up to a dash ("WASHINGTON — …", "ORLANDO, Fla. (Reuters) - …"). */
export function afterDateline(reader: ClauseReader, sentence: TokenRange, before: number): number {
  const first = sentence.first;
  if (!reader.isWord(first) || !/^\p{Lu}[\p{Lu}.]+$/u.test(reader.token(first).text)) return first;
  for (let i = first + 1; i < before && i - first <= MAX_DATELINE; i++) {
    if (/^[—–-]$/u.test(reader.token(i).text) && !reader.isJoiner(i)) return i + 1;
  }
  return first;
}

/** Tokens a dateline may take before its dash: "ORLANDO , Fla . ( Reuters ) -". */
const MAX_DATELINE = 12;

function closingParenthesis(reader: ClauseReader, open: number, limit: number): number {
  for (let j = open + 1; j < limit && j - open <= 8; j++) {
    const text = reader.token(j).text;
    if (text === ")") return j;
    if (text === "(") return -1;
  }
  return -1;
}
