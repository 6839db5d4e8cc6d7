/**
 * Toponym recognition: runs of tokens that the gazetteer knows, longest
 * first, plus names a cue announces that the gazetteer does not know. The
 * gazetteer drives it (a name is a candidate because some place bears it),
 * capitalisation and cues gate it in Latin script, and Arabic words are tried
 * whole and without their proclitics.
 */
import type { Token } from "../model/document.js";
import type { NameMatch } from "../gazetteer/types.js";
import { nameKey, withoutArticle } from "../gazetteer/name-key.js";
import type { Span } from "../model/span.js";
import { skeletonKey } from "../text/normalise/index.js";
import { memoise } from "../text/normalise/memo.js";
import { cuesFor, FEATURE_WORDS, type Cue } from "./cues.js";
import { isCommonCapitalised, isFunctionWord, isLocative, isNamingNoun, isSpeechVerb, isTitle } from "./filters.js";
import type { NameLookup } from "./lookup.js";
import { prominence } from "./resolve.js";
import { OVERLAY_SOURCE } from "../gazetteer/sources.js";

export type RecognitionRule = "gazetteer" | "gazetteer-stem" | "gazetteer-no-article" | "skeleton" | "demonym" | "cue-unknown";

export interface Recognised extends Span {
  text: string;
  rule: RecognitionRule;
  matches: ScoredMatch[];
  cue: Cue | null;
  /** Span of the cue phrase, when there is one. */
  cueSpan: Span | null;
}

export interface ScoredMatch extends NameMatch {
  /** How well the text matches the name, in [0, 1]. */
  quality: number;
}

const MAX_WORDS = 6;
const FEATURE_RUN_WORDS = 10;
/** How many words may stand between a naming noun and the name ("télévision pan arabe al-Mayadeen"). */
const NAMING_WINDOW = 4;
/** Prominence of a place that may head a longer name and still be meant ("Damascus Countryside"). */
const PROMINENT = 0.7;
const SKELETON_MAX_WORDS = 3;
/** Prominence of a town of about 3,000 people (log10(3000)/7), and of every district: enough standing for a lone Arabic word. */
const STANDING = 0.5;
/** Skeleton matches must still look alike once folded: "Aarsale" and "Aarsal" do, "Aarsale" and "Rasla" do not. */
const SKELETON_MIN_SIMILARITY = 0.66;
/** A skeleton match is weaker evidence than an exact name, however similar the letters. */
const SKELETON_QUALITY = 0.9;
/** Short alternate names ("Ein", "Jor") collide with everything; trust them less. */
const SHORT_NAME = 4;
/** Words in capitals this long or longer may be a city's name rather than an acronym ("MANILA", not "NATO" or "UN"). */
const MIN_SHOUTED_NAME = 5;
const LATIN_CONNECTORS: ReadonlySet<string> = new Set([
  "de", "du", "des", "d'", "la", "le", "les", "l'", "al", "el", "ad", "ed", "ash", "as", "es", "ez", "az", "ar", "er", "an", "at", "et",
  "of", "the", "bin", "ibn", "abu", "abou", "bou", "umm", "um", "ben", "beni", "bani", "ech", "ach",
]);
const ARTICLES: ReadonlySet<string> = new Set(["al", "el", "ad", "ed", "ash", "as", "es", "ez", "az", "ar", "er", "an", "at", "ech", "ach"]);
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const ACRONYM = /^\p{Lu}{2,3}$/u;
/** Short words with two capitals or more: FBI, U.N., MPs, MoD, UConn. */
const ACRONYM_LIKE = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{L}.]{2,6}$/u;
const UPPER_FIRST = /^\p{Lu}/u;
const LOWER_FIRST = /^\p{Ll}/u;
/** A hyphen or apostrophe that joins two words into one name ("al-Wared", "d’Ersal"). */
const JOINER = /^[-‐‑'’]$/;
const APOSTROPHE = /^['’]$/;
const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "this", "that", "le", "la", "les", "l'", "l’", "un", "une", "ce", "cette"]);
/** "We're", "They’ll", "Don't": English contractions are pronouns and verbs, never a name ("Were", "Well", "Don"). */
const CONTRACTION = /(?:['’](?:re|ve|ll|d|m)|n['’]t)$/i;
/** What may open a sentence before its first word: a quotation mark, a bracket, a dash. */
const OPENING_MARK = /^[«“"(\-–—]$/;

/** Token texts and names recur across documents: their keys are computed once. */
const nameKeyOf = memoise(nameKey, 50_000, 64);

export interface RecogniseInput {
  text: string;
  language: string;
  tokens: readonly Token[];
  sentences: readonly Span[];
  lookup: NameLookup;
  demonyms: ReadonlyMap<string, NameMatch[]>;
  /** Fold keys of given names that open a person's name ("david", "mohammed"). */
  givenNames: ReadonlySet<string>;
  /** Fold keys of common words of the document's language that are also place names somewhere ("سيول", "صور"). */
  commonWords: ReadonlySet<string>;
}

export function recognise(input: RecogniseInput): Recognised[] {
  const { text, tokens, lookup } = input;
  const cues = cuesFor(input.language);
  const found: Recognised[] = [];
  // What the rules ask of a token again and again, worked out once per token.
  const folds = tokens.map((token) => token.keys?.fold ?? "");
  const capitals = new Uint8Array(tokens.length);
  const arabic = new Uint8Array(tokens.length);
  const lowerCaseWords = new Set<string>();
  tokens.forEach((token, i) => {
    capitals[i] = startsUpperCase(token.text) ? 1 : 0;
    arabic[i] = hasArabicLetter(token.text) ? 1 : 0;
    if (token.kind === "word" && startsLowerCase(token.text)) lowerCaseWords.add(token.keys?.fold ?? token.text);
  });
  const fold = (i: number): string => folds[i] ?? "";
  const isWord = (i: number): boolean => tokens[i]?.kind === "word";
  const isArabic = (i: number): boolean => arabic[i] === 1;
  const capitalised = (i: number): boolean => capitals[i] === 1;
  const sentenceStart = (i: number): boolean => {
    const previous = tokens[i - 1];
    return previous === undefined || previous.sentence !== tokens[i]?.sentence || OPENING_MARK.test(previous.text);
  };

  /** Index of the next word token joined to word `i` by one space or a joining mark ("al-Wared", "d’Ersal"), else -1. */
  const nextWord = (i: number): number => {
    const current = tokens[i] as Token;
    let j = i + 1;
    const joiner = tokens[j];
    if (joiner && joiner.kind !== "word") {
      if (!JOINER.test(joiner.text) || joiner.start !== current.end) return -1;
      j++;
    }
    const next = tokens[j];
    if (!next || next.kind !== "word" || next.sentence !== current.sentence) return -1;
    const gap = text.slice((tokens[j - 1] as Token).end, next.start);
    return gap === "" || gap === " " ? j : -1;
  };

  /** Like nextWord, from any token: whether the token at `k` is joined to the next word. */
  const nextWordFrom = (k: number): number => (tokens[k]?.kind === "word" ? nextWord(k) : JOINER.test(tokens[k]?.text ?? "") ? k + 1 : -1);

  // A capitalised run after a title ("Gen. Joseph Aoun") or opened by a given name ("David Smith") names a person, not a
  // place; so does its last word wherever else it stands alone ("Smith said").
  const personal = new Set<number>();
  const surnames = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const key = fold(i);
    const titled = key.endsWith(".") ? isTitle(key.slice(0, -1)) || isTitle(key) : isTitle(key);
    const given = !titled && capitalised(i) && input.givenNames.has(key);
    if (!titled && !given) continue;
    if (given) personal.add(i);
    let last = given ? i : -1;
    for (let j = nextWord(i) === -1 && tokens[i + 1]?.text === "." ? nextWord(i + 1) : nextWord(i); j !== -1 && capitalised(j); j = nextWord(j)) {
      personal.add(j);
      last = j;
    }
    // "By: Henry Lazenby US-based …": a word in capitals ends a byline's name, it is not the name's last word.
    if (last !== -1 && last !== i && !ACRONYM_LIKE.test(tokens[last]?.text ?? "")) surnames.add(fold(last));
  }
  for (let i = 0; i < tokens.length; i++) if (capitalised(i) && surnames.has(fold(i))) personal.add(i);

  const canStart = (i: number): boolean => {
    if (!isWord(i) || personal.has(i)) return false;
    const key = fold(i);
    // Arabic has no capitals to tell a name from a word: short words and common words never open a name.
    if (isArabic(i)) return key.length >= 3 && !isFunctionWord(key, "ar") && !input.commonWords.has(key) && !input.commonWords.has(stemKey(i));
    if (FEATURE_WORDS.has(key)) return true;
    if (ARTICLES.has(key)) {
      const next = nextWord(i);
      // "as Cyprus", "at Arizona": an English or French word spelt like an article opens a name only when joined to it.
      if (!capitalised(i) && isFunctionWord(key, input.language) && tokens[i + 1]?.kind === "word") return false;
      return next !== -1 && capitalised(next);
    }
    if (!capitalised(i) || CONTRACTION.test(tokens[i]?.text ?? "")) return false;
    // "US", "EU": a word in capitals is no pronoun or common word, wherever it stands (acronyms are filtered later).
    if (ACRONYM_LIKE.test(tokens[i]?.text ?? "")) return true;
    // "I", "We", "The": pronouns and articles open a place name only before a capitalised word ("The Hague", "La Paz").
    if (isFunctionWord(key, input.language) && !(nextWord(i) !== -1 && capitalised(nextWord(i)))) return false;
    // "Selon", "Plusieurs": capitalised only because they open a sentence.
    return !(sentenceStart(i) && (isFunctionWord(key, input.language) || lowerCaseWords.has(key)));
  };
  /** Whether word `i` continues a capitalised name that started before it ("Star of Honolulu", "Washington Square"). */
  const insideName = (i: number): boolean => {
    for (let k = i - 1; k >= 0; k--) {
      const token = tokens[k] as Token;
      if (token.sentence !== tokens[i]?.sentence || nextWordFrom(k) === -1) return false;
      if (token.kind !== "word") continue;
      // "the A120 at Coggeshall": a locative ends the name before it.
      if (isLocative(fold(k))) return false;
      if (LATIN_CONNECTORS.has(fold(k))) continue;
      return capitalised(k) && !sentenceStart(k);
    }
    return false;
  };
  /** A lone word the document also writes in lower case ("Police", "Motion"), or a common word of the language, is no place there. */
  const commonInDocument = (i: number, last: number): boolean =>
    last === i && !isArabic(i) && (lowerCaseWords.has(fold(i)) || input.commonWords.has(fold(i)) || isFunctionWord(fold(i), input.language));
  /** Short words with several capitals are acronyms (FBI, MoD, MPs) unless they are a country's own abbreviation in the gazetteer. */
  const acronym = (i: number, last: number): boolean => last === i && ACRONYM_LIKE.test(tokens[i]?.text ?? "");
  const stemKey = (i: number): string => {
    const token = tokens[i] as Token;
    return token.stem ? nameKeyOf(text.slice(token.stem.start, token.end)) : "";
  };
  /** "la chaîne de télévision pan arabe al-Mayadeen", "missiles de type Milan": a naming noun a few lower-case words before. */
  const namedThing = (i: number): boolean => {
    for (let k = i - 1, words = 0; k >= 0 && words < NAMING_WINDOW; k--) {
      const token = tokens[k] as Token;
      if (token.sentence !== tokens[i]?.sentence) return false;
      if (token.kind !== "word") {
        if (JOINER.test(token.text)) continue;
        return false;
      }
      const key = fold(k);
      if (isNamingNoun(key)) return true;
      // "posted on its website the US action": an article opens another phrase, whose head the name is.
      if (isLocative(key) || DETERMINERS.has(key) || (!isArabic(k) && capitalised(k))) return false;
      words++;
    }
    return false;
  };
  const canContinue = (j: number): boolean => isArabic(j) ? !isFunctionWord(fold(j), "ar") : capitalised(j) || LATIN_CONNECTORS.has(fold(j)) || FEATURE_WORDS.has(fold(j));
  const canEnd = (j: number): boolean => isArabic(j) || capitalised(j);

  const cueBefore = (i: number): { cue: Cue; span: Span } | null => {
    let previous = i - 1;
    while (previous >= 0 && !isWord(previous) && APOSTROPHE.test(tokens[previous]?.text ?? "")) previous--;
    for (const cue of cues.get(fold(previous).replaceAll("’", "'")) ?? NO_CUES) {
      const { words } = cue;
      let k = i - 1;
      let matched = true;
      for (let w = words.length - 1; w >= 0; w--) {
        while (k >= 0 && !isWord(k) && APOSTROPHE.test(tokens[k]?.text ?? "")) k--;
        if (k < 0 || tokens[k]?.sentence !== tokens[i]?.sentence || fold(k).replaceAll("’", "'") !== words[w]) {
          matched = false;
          break;
        }
        k--;
      }
      if (matched) return { cue, span: { start: (tokens[k + 1] as Token).start, end: (tokens[i - 1] as Token).end } };
    }
    return null;
  };

  // No closure in this loop reads a variable of its body: V8 would give every iteration, every token, a context object.
  for (let i = 0; i < tokens.length; i++) {
    if (!canStart(i)) continue;
    const ends: number[] = [];
    // "jurd de la localité de Flita", "jurd de la région syrienne de Aassal al-Wared": a run opened by a feature word
    // may run over lower-case words to reach the name it belongs to; the gazetteer still has to know the whole.
    const featureLed = FEATURE_WORDS.has(fold(i));
    for (let j = i, words = 1; j !== -1 && words <= (featureLed ? FEATURE_RUN_WORDS : MAX_WORDS); j = nextWord(j), words++) {
      if (j !== i && !canContinue(j) && !(featureLed && isWord(j) && !isArabic(j))) break;
      if (canEnd(j)) ends.push(j);
    }
    const start = tokens[i] as Token;
    const cued = cueBefore(i);
    const candidate = matchLongest(i, ends) ?? matchStem(i) ?? matchWithoutArticle(i, ends) ?? matchSkeleton(i, ends);
    // "aux confins Ouest du jurd": a direction or a month alone is a place only when a cue announces one.
    const commonWord = candidate !== null && candidate.last === i && isCommonCapitalised(start.keys?.fold ?? "") && (cued === null || cued.cue.kind === "locative");
    // "Florida Atlantic University", "Rue Casa Calvo": a minor place inside someone else's capitalised name is not meant.
    const inside = candidate !== null && !isArabic(i) && insideName(i) && !hasProminent(candidate.matches);
    // "Barr said", "Monahan told reporters": a lone minor name before a verb of saying is a speaker ("Russia said" stays).
    const speaker =
      candidate !== null && !isArabic(i) && candidate.last === i && isSpeechVerb(fold(nextWord(i))) && !hasProminent(candidate.matches);
    // "حالات", "طرق", "مدني": Arabic writes names and words alike, and a large gazetteer has a hamlet for many a word; a lone
    // word without a cue ("بلدة", "قرب") must name a place of some standing.
    const arabicWord =
      candidate !== null && isArabic(i) && candidate.last === i && (cued === null || cued.cue.kind === "locative") && !hasStanding(candidate.matches);
    const rejected =
      inside ||
      speaker ||
      arabicWord ||
      (candidate !== null && namedThing(i)) ||
      candidate !== null &&
      (cued === null || cued.cue.kind === "locative") &&
      // "US tariffs" in a text that also says "us": an abbreviation written as the gazetteer has it is the place.
      (acronym(i, candidate.last)
        ? !isPlaceAbbreviation(candidate.matches, start.text) && !isCapitalsOfMajorPlace(candidate.matches, start.text) &&
          !(opensParagraph(text, start.start) && !commonInDocument(i, candidate.last))
        : commonInDocument(i, candidate.last));
    const match = commonWord || rejected ? null : candidate;
    // "Sir" of "Sir Ezzeddine", "Nusra" of "Nusra Front": a minor place matching only the head of a longer name is not
    // that place. The rest of the run is still searched ("Ruler of Dubai", "Kidney Foundation of Canada").
    // `ends` ascend, so the run goes on past the match exactly when its last end does.
    if (match && !isArabic(i) && (ends.at(-1) ?? -1) > match.last && !hasProminent(match.matches)) {
      if (cued && cued.cue.kind !== "locative") {
        const last = ends.at(-1) as number;
        found.push({ start: start.start, end: (tokens[last] as Token).end, text: text.slice(start.start, (tokens[last] as Token).end), rule: "cue-unknown", matches: [], cue: cued.cue, cueSpan: cued.span });
        i = last;
      }
      continue;
    }
    if (match) {
      found.push({ start: match.span.start, end: match.span.end, text: text.slice(match.span.start, match.span.end), rule: match.rule, matches: match.matches, cue: cued?.cue ?? null, cueSpan: cued?.span ?? null });
      i = match.last;
      continue;
    }
    // A strong cue before an unknown capitalised name: a place the gazetteer lacks, reported unresolved.
    if (cued && cued.cue.kind !== "locative" && !isArabic(i) && capitalised(i) && ends.length > 0) {
      // The first end of the run: `ends` ascend from `i`.
      const last = ends[0] as number;
      found.push({ start: start.start, end: (tokens[last] as Token).end, text: text.slice(start.start, (tokens[last] as Token).end), rule: "cue-unknown", matches: [], cue: cued.cue, cueSpan: cued.span });
      i = last;
    }
  }

  /** `dotted` is the surface with the full stop that follows it, if one does: "Va." ends a sentence with a single stop. */
  function exactQuality(match: NameMatch, surface: string, dotted: string, acronym: boolean): number {
    const written = match.name === surface || match.name === dotted;
    // "US" is the United States, not the French village of Us: a short all-capital word matches names written the same way.
    if (acronym && !written) return 0.5;
    // A short alternate collides with everything, unless the text writes it exactly so ("U.S.", "UAE", "Ga.").
    return match.kind === "alternate" && nameKeyOf(match.name).length <= SHORT_NAME && !written ? 0.6 : 1;
  }

  function matchLongest(i: number, ends: number[]): { span: Span; last: number; matches: ScoredMatch[]; rule: RecognitionRule } | null {
    const start = tokens[i] as Token;
    if (!lookup.startsName(nameKeyOf(start.text))) return null;
    for (let e = ends.length - 1; e >= 0; e--) {
      const j = ends[e] as number;
      const span = { start: start.start, end: (tokens[j] as Token).end };
      const matches = lookup.byKey(nameKeyOf(text.slice(span.start, span.end)));
      if (matches.length > 0) {
        const surface = text.slice(span.start, span.end);
        const dotted = text.charCodeAt(span.end) === 0x2e ? `${surface}.` : surface;
        const acronym = ACRONYM.test(surface);
        // The abbreviation's own stop is part of the name ("Ga."), though it ends the sentence too.
        const end = dotted !== surface && matches.some((m) => m.name === dotted) ? span.end + 1 : span.end;
        return { span: { start: span.start, end }, last: j, matches: matches.map((m) => scored(m, exactQuality(m, surface, dotted, acronym))), rule: "gazetteer" };
      }
    }
    return null;
  }

  /** Arabic: "بعرسال", "وبلبنان" are the name behind a clitic. */
  function matchStem(i: number): { span: Span; last: number; matches: ScoredMatch[]; rule: RecognitionRule } | null {
    const token = tokens[i] as Token;
    if (!token.stem) return null;
    const span = { start: token.stem.start, end: token.end };
    const matches = lookup.byKey(nameKeyOf(text.slice(span.start, span.end)));
    return matches.length > 0 ? { span, last: i, matches: matches.map((m) => scored(m, 0.95)), rule: "gazetteer-stem" } : null;
  }

  /** "al-Qusayr" written where the gazetteer has "Qusayr". */
  function matchWithoutArticle(i: number, ends: number[]): { span: Span; last: number; matches: ScoredMatch[]; rule: RecognitionRule } | null {
    if (!ARTICLES.has(fold(i)) || isArabic(i)) return null;
    const start = tokens[i] as Token;
    for (let e = ends.length - 1; e >= 0; e--) {
      const j = ends[e] as number;
      const key = nameKeyOf(text.slice(start.start, (tokens[j] as Token).end)).replace(/^\S+ /, "");
      const matches = lookup.byKey(key);
      if (matches.length > 0) return { span: { start: start.start, end: (tokens[j] as Token).end }, last: j, matches: matches.map((m) => scored(m, 0.9)), rule: "gazetteer-no-article" };
    }
    return null;
  }

  /** Transliterations the gazetteer lacks: same consonant skeleton, similar enough letters. */
  function matchSkeleton(i: number, ends: number[]): { span: Span; last: number; matches: ScoredMatch[]; rule: RecognitionRule } | null {
    if (isArabic(i) || !capitalised(i) && !ARTICLES.has(fold(i))) return null;
    const start = tokens[i] as Token;
    for (let e = ends.length - 1; e >= 0; e--) {
      const j = ends[e] as number;
      if (j - i > SKELETON_MAX_WORDS * 2) continue;
      const surface = text.slice(start.start, (tokens[j] as Token).end);
      const skeleton = skeletonKey(surface);
      if (nonSpaceLength(skeleton) < 2) continue;
      const matches = lookup
        .lookalikes(nameKeyOf(surface), skeleton, SKELETON_MIN_SIMILARITY, withoutArticle)
        .filter(({ match }) => !ARABIC_LETTER.test(match.name))
        .map(({ match, similarity }) => scored(match, similarity * SKELETON_QUALITY));
      // A lone capitalised word that only resembles a name is most likely a common word or a person's name ("Certains",
      // "Visit", "Cohen"), unless a cue says a place follows ("à Aarsale", "near Ersal").
      if (matches.length > 0 && j === i && (sentenceStart(i) || cueBefore(i) === null)) return null;
      // "al-Manar", "al-Nosra": without a cue, an article-initial name that only resembles a place is as often an organisation.
      if (matches.length > 0 && ARTICLES.has(fold(i)) && cueBefore(i) === null) return null;
      if (matches.length > 0) return { span: { start: start.start, end: (tokens[j] as Token).end }, last: j, matches, rule: "skeleton" };
    }
    return null;
  }

  // Demonyms ("syrien", "Lebanese", "السورية") among the words no toponym covers.
  const covered = (token: Token): boolean => found.some((f) => f.start < token.end && token.start < f.end);
  for (const [i, token] of tokens.entries()) {
    if (token.kind !== "word" || personal.has(i)) continue;
    const matches = input.demonyms.get(token.keys?.fold ?? "") ?? (token.stem ? input.demonyms.get(nameKeyOf(text.slice(token.stem.start, token.end))) : undefined);
    if (!matches || covered(token)) continue;
    // English capitalises its demonyms; lower-case "polish" or "swiss" cheese is no nationality.
    if (matches.every((match) => match.lang === "en") && !UPPER_FIRST.test(token.text)) continue;
    found.push({ start: token.start, end: token.end, text: token.text, rule: "demonym", matches: matches.map((m) => scored(m, 1)), cue: null, cueSpan: null });
  }
  return found.sort((a, b) => a.start - b.start);
}

const NO_CUES: readonly Cue[] = [];

/** "MANILA, Philippines –": a capital or a city of a million written in capitals is that city, even inside a paragraph. */
function isCapitalsOfMajorPlace(matches: readonly ScoredMatch[], surface: string): boolean {
  if (surface.length < MIN_SHOUTED_NAME) return false;
  for (const match of matches) if (match.quality >= 0.95 && prominence(match.place) >= 0.95) return true;
  return false;
}

/** Whether only spaces stand between `offset` and the start of its line: "BEIRUT (Reuters) —" is a dateline, not an acronym. */
function opensParagraph(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0; k--) {
    const code = text.charCodeAt(k);
    if (code === 0x0a) return true;
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

function nonSpaceLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 0x20) length++;
  return length;
}

/** A well-matched prominent place: one that may head a longer name and still be meant. */
function hasProminent(matches: readonly ScoredMatch[]): boolean {
  for (const match of matches) if (match.quality >= 0.9 && prominence(match.place) >= PROMINENT) return true;
  return false;
}

/** A town of a few thousand people or more, an administrative area, a country or a curated place, well matched. */
function hasStanding(matches: readonly ScoredMatch[]): boolean {
  for (const match of matches) if (match.quality >= 0.9 && prominence(match.place) >= STANDING) return true;
  return false;
}

/** A country's, a first-level region's or a curated region's own abbreviation, written as the gazetteer has it ("UAE", "N.J.", "EU"). */
function isPlaceAbbreviation(matches: readonly ScoredMatch[], surface: string): boolean {
  for (const match of matches) {
    if (match.name !== surface) continue;
    if (prominence(match.place) >= 0.9 || match.place.featureCode === "ADM1" || match.place.source === OVERLAY_SOURCE) return true;
  }
  return false;
}

/**
 * A match with its quality, its fields written out: V8 (Node 20) takes a slow path, near a microsecond an object,
 * for an object spread followed by new properties, and recognition builds hundreds of these a document.
 */
function scored(match: NameMatch, quality: number): ScoredMatch {
  return { place: match.place, name: match.name, key: match.key, lang: match.lang, kind: match.kind, quality };
}

/** `UPPER_FIRST`, `LOWER_FIRST` and `ARABIC_LETTER` are asked of every token; ASCII answers them without an expression. */
function startsUpperCase(text: string): boolean {
  const first = text.charCodeAt(0);
  return first < 0x80 ? first >= 0x41 && first <= 0x5a : UPPER_FIRST.test(text);
}

function startsLowerCase(text: string): boolean {
  const first = text.charCodeAt(0);
  return first < 0x80 ? first >= 0x61 && first <= 0x7a : LOWER_FIRST.test(text);
}

/** Every character of the Arabic script is at U+0600 or above, in the BMP and in surrogates alike. */
function hasArabicLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x600) return ARABIC_LETTER.test(text);
  return false;
}

