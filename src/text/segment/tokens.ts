/**
 * Tokenisation inside each sentence: the Unicode word boundaries of
 * `Intl.Segmenter`, trimmed of white space and format characters (bidi
 * controls never start or end a token), then the rules in order:
 * punctuation runs, Arabic letters against digits, digit groups, French
 * elision, English possessives, abbreviation periods; then each token's kind
 * and Arabic stem.
 *
 * Hyphens are their own tokens, as the segmenter has them: "al-Nosra" is
 * "al" "-" "Nosra" and "Jor al-Inab" is "Jor" "al" "-" "Inab", whatever the
 * dash (-, U+2011, –). Keeping every hyphenated form split the same way is
 * what lets a matcher compare "al-Nosra", "al Nosra" and "النصرة": it joins
 * token spans and computes keys on the joined text (`normalise/tokenKeys`).
 */
import type { Token } from "../../model/document.js";
import type { Span } from "../../model/span.js";
import { mergeAbbreviationPeriods } from "./rules/abbreviation-periods.js";
import { splitArabicLettersFromDigits } from "./rules/arabic-letters-digits.js";
import type { AbbreviationLookup } from "./rules/abbreviations.js";
import { arabicStem } from "./rules/arabic-proclitics.js";
import { mergeDigitGroups } from "./rules/digit-groups.js";
import { splitEnglishPossessive } from "./rules/english-possessive.js";
import { splitFrenchElision } from "./rules/french-elision.js";
import { isInvisible, trimmedRange } from "./rules/invisible.js";
import { mergePunctuationRuns } from "./rules/punctuation-runs.js";
import { agreesWith, isSimpleText, simpleWordBoundaries } from "./rules/simple-word-boundaries.js";
import { tokenKind } from "./rules/token-kinds.js";

export interface TokenRules {
  readonly segmenter: Intl.Segmenter;
  readonly abbreviations: AbbreviationLookup;
  readonly frenchElision: boolean;
  readonly englishPossessive: boolean;
}

export function tokenise(text: string, sentences: readonly Span[], rules: TokenRules): Token[] {
  const tokens: Token[] = [];
  const simple = agreesWith(rules.segmenter);
  sentences.forEach((sentence, index) => {
    let pieces: readonly Span[] = wordBoundaries(text, sentence, rules.segmenter, simple);
    pieces = mergePunctuationRuns(text, pieces);
    pieces = splitArabicLettersFromDigits(text, pieces);
    pieces = mergeDigitGroups(text, pieces);
    if (rules.frenchElision) pieces = splitFrenchElision(text, pieces);
    if (rules.englishPossessive) pieces = splitEnglishPossessive(text, pieces);
    pieces = mergeAbbreviationPeriods(text, pieces, rules.abbreviations);
    for (const { start, end } of pieces) {
      const tokenText = text.slice(start, end);
      const kind = tokenKind(tokenText);
      tokens.push({
        start,
        end,
        text: tokenText,
        kind,
        sentence: index,
        stem: kind === "word" ? arabicStem(text, { start, end }) : null,
        keys: null,
      });
    }
  });
  return tokens;
}

/** `simple`: the segmenter breaks simple text as `simpleWordBoundaries` does, which is many times faster. */
function wordBoundaries(text: string, sentence: Span, segmenter: Intl.Segmenter, simple: boolean): Span[] {
  const pieces: Span[] = [];
  for (let start = sentence.start; start < sentence.end; ) {
    const end = chunkEnd(text, start, sentence.end);
    if (simple && isSimpleText(text, start, end)) {
      simpleWordBoundaries(text, start, end, pieces);
      start = end;
      continue;
    }
    for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
      const piece = trimmedRange(text, start + index, start + index + segment.length);
      if (piece.start < piece.end) pieces.push(piece);
    }
    start = end;
  }
  return pieces;
}

/**
 * V8's segmenter slows down with the square of the string's length, so a long
 * sentence is segmented in chunks, each cut where a visible character follows
 * white space: the segmenter breaks there anyway, so tokens are the same.
 */
const CHUNK = 1024;
const WHITE_SPACE = /^\s$/u;

function chunkEnd(text: string, start: number, limit: number): number {
  for (let i = start + CHUNK; i < limit; i++) {
    if (WHITE_SPACE.test(text[i - 1] ?? "") && !isInvisible(text[i])) return i;
  }
  return limit;
}
