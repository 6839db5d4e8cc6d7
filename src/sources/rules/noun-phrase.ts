/**
 * Compact noun phrases read from token boundaries and function words, with
 * no part-of-speech tagger: a determiner, then nouns, adjectives and names,
 * joined by the prepositions a name holds ("the Syrian Observatory for Human
 * Rights", "le correspondant de notre chaîne de télévision al-Manar", "a
 * source close to the negotiations"). A phrase stops at punctuation, at a
 * stop word (a conjunction, a relative, another preposition, a verb that is
 * not a cue, an adverb), at a time, and before another cue.
 */
import type { ClauseReader, TokenRange } from "./site.js";

/**
 * Longer runs without a boundary are clauses, not the compact phrase a
 * source is. After a cue a phrase may be longer ("according to early results
 * of the exit poll conducted by Edison Research for …") than before one, where
 * a walk leftwards has fewer boundaries to stop it.
 */
const MAX_WORDS_AFTER = 20;
const MAX_WORDS_BEFORE = 12;
/** A parenthesis inside a name: "Sen. Ted Cruz (R-Texas)". */
const MAX_PARENTHESIS = 8;

/** The noun phrase that starts at token `from` and stays before `limit` (inclusive); null when none does. */
export function nounPhraseAfter(reader: ClauseReader, from: number, limit: number): TokenRange | null {
  const { words } = reader;
  let i = from;
  if (i > limit || !reader.isWord(i)) return null;
  if (reader.is(words.pronouns, i)) return { first: i, last: i };
  let last = -1;
  let count = 0;
  let body = false;
  for (; i <= limit && count < MAX_WORDS_AFTER; i++) {
    if (reader.isJoiner(i)) {
      if (last === -1) return null;
      continue;
    }
    if (!reader.isWord(i)) break;
    if (i > from && reader.isCueStart(i)) break;
    if (last !== -1 && reader.is(words.pronouns, i)) break;
    if (!insidePhrase(reader, i, last !== -1, body)) break;
    if (reader.is(words.bodies, i)) body = true;
    last = i;
    count++;
  }
  if (count >= MAX_WORDS_AFTER && i <= limit && reader.isWord(i)) return null;
  return trimmed(reader, from, last);
}

/**
 * The noun phrase that ends at token `to`, read leftwards down to `limit`:
 * the subject before a cue. A phrase is whole once its determiner is reached,
 * unless a linking preposition stands before it ("the head of the army").
 */
export function nounPhraseBefore(reader: ClauseReader, to: number, limit: number): TokenRange | null {
  const { words } = reader;
  if (to < limit) return null;
  if (reader.isWord(to) && reader.is(words.pronouns, to)) return { first: to, last: to };
  let first = -1;
  let count = 0;
  let i = to;
  while (i >= limit && count < MAX_WORDS_BEFORE) {
    if (reader.isJoiner(i) && first !== -1) {
      i--;
      continue;
    }
    if (reader.token(i).text === ")" && (first !== -1 || i === to)) {
      const open = openingParenthesis(reader, i, limit);
      if (open === -1) break;
      i = open - 1;
      continue;
    }
    if (!reader.isWord(i)) break;
    if (reader.is(words.pronouns, i)) break;
    if (reader.is(words.stops, i) && !isLink(reader, i) && !isAgent(reader, i, limit) && !joinsNames(reader, i, limit, first)) break;
    first = i;
    count++;
    const opens = reader.is(words.determiners, i) && !isLink(reader, i);
    if (opens && !(i - 1 >= limit && reader.isWord(i - 1) && isLink(reader, i - 1))) break;
    i--;
  }
  if (first === -1) return null;
  if (count >= MAX_WORDS_BEFORE && i >= limit && reader.isWord(i)) return null;
  // The phrase starts at a word, not at a parenthesis or joiner the walk passed.
  return trimmed(reader, first, to);
}

/**
 * "by" after a participle or a report: "a letter obtained by The Associated
 * Press", "les images diffusées par notre télévision", "a poll by CNN".
 */
function isAgent(reader: ClauseReader, i: number, limit: number): boolean {
  if (!AGENT.has(reader.key(i)) || i - 1 < limit || !reader.isWord(i - 1)) return false;
  const before = reader.token(i - 1).text;
  return (/^\p{Ll}+(?:ed|ée?s?|é|ie?s?|ue?s?)$/u.test(before) && !reader.is(reader.words.stops, i - 1)) || REPORTS.has(reader.key(i - 1));
}

const AGENT = new Set(["by", "par"]);
/** Nouns for what a source puts out, which name their author with "by". */
const REPORTS = new Set(["report", "reports", "study", "survey", "poll", "analysis", "statement", "letter", "memo", "review", "investigation", "rapport", "etude", "sondage", "enquete", "communique"]);
const AND = new Set(["and", "et"]);

/** "and" between two names or plurals: "Cyber security experts and U.S. officials said", "Trump and Clinton said". */
function joinsNames(reader: ClauseReader, i: number, limit: number, first: number): boolean {
  if (!AND.has(reader.key(i)) || first === -1 || i - 1 < limit || !reader.isWord(i - 1) || reader.is(reader.words.stops, i - 1)) return false;
  const nameOrPlural = (text: string): boolean => /^\p{Lu}/u.test(text) || /^\p{Ll}{3,}s$/u.test(text);
  return nameOrPlural(reader.token(i - 1).text) && nameOrPlural(reader.token(i + 1)?.text ?? "");
}

function openingParenthesis(reader: ClauseReader, close: number, limit: number): number {
  for (let j = close - 1; j >= limit && close - j <= MAX_PARENTHESIS; j--) {
    const text = reader.token(j).text;
    if (text === "(") return j;
    if (text === ")" || /^[!?;]$/u.test(text)) return -1;
  }
  return -1;
}

function insidePhrase(reader: ClauseReader, i: number, started: boolean, body: boolean): boolean {
  const { words } = reader;
  if (started && isArabicConjoined(reader, i)) return false;
  if (started && isArabicDative(reader, i)) return body;
  if (reader.is(words.temporals, i)) return false;
  if (reader.is(words.stops, i)) return started && (isLink(reader, i) || isAgent(reader, i, 0));
  return true;
}

/** "of", "de", and "to" after "close": prepositions a noun phrase holds. */
function isLink(reader: ClauseReader, i: number): boolean {
  const { words } = reader;
  if (reader.is(words.links, i)) return true;
  const after = words.pairedLinks.get(reader.key(i));
  return after !== undefined && i > 0 && reader.isWord(i - 1) && after.has(reader.key(i - 1));
}

/** An Arabic word with the conjunction و before it: a new phrase ("والجيش"). */
function isArabicConjoined(reader: ClauseReader, i: number): boolean {
  const token = reader.token(i);
  return token.stem !== null && token.stem.start > token.start && token.text.startsWith("و");
}

/** An Arabic word with the preposition لـ before it: an addressee ("لوكالة فرانس برس"), unless a body's name goes on. */
function isArabicDative(reader: ClauseReader, i: number): boolean {
  const token = reader.token(i);
  return token.stem !== null && token.stem.start > token.start && token.text.startsWith("ل");
}

/** Without links, determiners or joiners at either edge; null when no word is left. */
function trimmed(reader: ClauseReader, first: number, last: number): TokenRange | null {
  const { words } = reader;
  let a = first;
  let b = last;
  const edge = (i: number): boolean => !reader.isWord(i) || isLink(reader, i) || reader.is(words.stops, i);
  // "des" and "du" are determiners as well as links: they may open a phrase, not end one.
  while (a <= b && edge(a) && !reader.is(words.determiners, a)) a++;
  // A closing parenthesis ends a phrase whose name it qualifies: "Ted Cruz (R-Texas)".
  while (b >= a && reader.token(b).text !== ")" && (edge(b) || reader.is(words.determiners, b))) b--;
  if (a > b) return null;
  return { first: a, last: b };
}
