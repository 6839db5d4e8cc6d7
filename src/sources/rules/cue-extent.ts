/**
 * How far a verb cue reaches: over the auxiliaries and adverbs before it
 * ("has also said", "ont confié", "n'a pas démenti", "كما أكد"), and over a
 * statement named right after it ("said in a statement", "a indiqué dans un
 * communiqué", "قال في بيان"), which says how it was said, not who said it.
 */
import type { ClauseReader, TokenRange } from "./site.js";

/** Prepositions that introduce the statement a verb was said in. */
const IN_STATEMENT = new Set(["in", "dans", "في"]);
/** Determiners between that preposition and the statement noun. */
const ARTICLES = new Set(["a", "an", "the", "its", "his", "her", "their", "un", "une", "le", "son", "sa", "leur"]);

export function cueExtent(reader: ClauseReader, match: TokenRange, sentence: TokenRange, statementAt: (i: number) => TokenRange | null): TokenRange {
  let first = match.first;
  while (first - 1 >= sentence.first && reader.isWord(first - 1) && (reader.is(reader.words.auxiliaries, first - 1) || isEnglishAdverb(reader, first - 1))) first--;
  let last = match.last;
  let i = last + 1;
  if (i <= sentence.last && reader.isWord(i) && IN_STATEMENT.has(reader.key(i))) {
    i++;
    if (i <= sentence.last && reader.isWord(i) && ARTICLES.has(reader.key(i))) i++;
    const statement = i <= sentence.last ? statementAt(i) : null;
    if (statement !== null) last = statement.last;
  }
  return { first, last };
}

/** Words in "-ly" that are nouns or adjectives, not adverbs. */
const NOT_ADVERBS = new Set(["family", "ally", "assembly", "supply", "daily", "weekly", "monthly", "quarterly", "early", "only", "rally", "belly", "bully", "holly", "jelly", "lily", "fly", "reply", "july", "italy", "elderly", "friendly", "likely", "costly", "deadly", "lonely", "ugly"]);

/** "strongly denies", "repeatedly said": a lower-case word in "-ly". */
function isEnglishAdverb(reader: ClauseReader, i: number): boolean {
  if (reader.language !== "en") return false;
  const text = reader.token(i).text;
  return /^\p{Ll}{3,}ly$/u.test(text) && !NOT_ADVERBS.has(text);
}

/**
 * French inversion after the verb: "dit-il", "affirme-t-elle", "a-t-il
 * déclaré" (the pronoun before the participle). The pronoun is the source;
 * `boundary` is the token before the verb group.
 */
export function invertedPronoun(reader: ClauseReader, cue: TokenRange, sentence: TokenRange): { pronoun: number; boundary: number } | null {
  const { pronouns } = reader.words;
  // "dit-il", "affirme-t-elle"
  let j = cue.last + 1;
  if (j <= sentence.last && reader.isJoiner(j)) {
    j++;
    if (j + 1 <= sentence.last && reader.key(j) === "t" && reader.isJoiner(j + 1)) j += 2;
    if (j <= sentence.last && reader.isWord(j) && reader.is(pronouns, j)) return { pronoun: j, boundary: cue.first - 1 };
  }
  // "a-t-il déclaré", "ont-ils confié"
  const pronoun = cue.first - 1;
  if (pronoun - 2 < sentence.first || !reader.isWord(pronoun) || !reader.is(pronouns, pronoun) || !reader.isJoiner(pronoun - 1)) return null;
  let k = pronoun - 2;
  if (reader.key(k) === "t" && k - 2 >= sentence.first && reader.isJoiner(k - 1)) k -= 2;
  if (!reader.isWord(k) || !reader.is(reader.words.auxiliaries, k)) return null;
  return { pronoun, boundary: k - 1 };
}
