/**
 * Arabic writes proclitics joined to the word: و ف (and, so), ب ك ل (in,
 * like, for) and the article ال, in that order and in combination — والقلمون,
 * بالقصير, للرقة (ل + ال, whose alif is dropped), وبحمص. A token's `stem` is
 * where the longest plausible sequence ends.
 *
 * It is only a candidate: بيروت starts with ب and لبنان with ل, and no rule of
 * spelling tells them from clitics. Matchers try the whole token and the stem;
 * `arabicStemCandidates` lists every cut for those that want the ones in
 * between (ولبنان: و + لبنان is right, و + ل + بنان is the longest).
 *
 * A stem keeps at least two letters after an article and three after a
 * prefix without one, so that short words (بين, فقط, ولد) are not cut.
 * Letters are counted without diacritics, tatweel and format characters; the
 * stem starts at the first letter after the prefix, so the prefix keeps its
 * own marks.
 */
import type { Span } from "../../../model/span.js";

const ARABIC_LETTER = /^(?=\p{Script=Arabic})\p{L}$/u;
/** Skipped when counting letters: diacritics, tatweel, and format characters such as a bidi mark inside the word. */
const NOT_A_LETTER = /^[\p{M}\p{Cf}\u0640]$/u;
const CONJUNCTIONS = new Set(["و", "ف"]);
const PREPOSITIONS = new Set(["ب", "ك", "ل"]);

/** Stem candidates of an Arabic word, shortest prefix first; empty when none applies or the word is not Arabic. */
export function arabicStemCandidates(text: string, token: Span): Span[] {
  if (!mayStartArabic(text.charCodeAt(token.start))) return [];
  const letters: number[] = [];
  for (let i = token.start; i < token.end; i++) {
    const char = text[i] ?? "";
    if (ARABIC_LETTER.test(char)) letters.push(i);
    else if (!NOT_A_LETTER.test(char)) return [];
  }
  const letter = (index: number): string => text[letters[index] ?? -1] ?? "";

  // Each cut is [letters in the prefix, whether the prefix ends in the article].
  const cuts: Array<[number, boolean]> = [];
  const conjunction = CONJUNCTIONS.has(letter(0)) ? 1 : 0;
  if (conjunction === 1) cuts.push([1, false]);
  if (letter(conjunction) === "ا" && letter(conjunction + 1) === "ل") cuts.push([conjunction + 2, true]);
  if (PREPOSITIONS.has(letter(conjunction))) {
    const after = conjunction + 1;
    cuts.push([after, false]);
    if (letter(conjunction) === "ل" && letter(after) === "ل") cuts.push([after + 1, true]);
    else if (letter(after) === "ا" && letter(after + 1) === "ل") cuts.push([after + 2, true]);
  }

  return cuts
    .filter(([prefix, article]) => letters.length - prefix >= (article ? 2 : 3))
    .sort((a, b) => a[0] - b[0])
    .map(([prefix]) => ({ start: letters[prefix] as number, end: token.end }));
}

/** The stem after the longest plausible proclitic sequence, or null. */
export function arabicStem(text: string, token: Span): Span | null {
  // Asked of every word: a Latin one is answered before any list of candidates is made.
  if (!mayStartArabic(text.charCodeAt(token.start))) return null;
  return arabicStemCandidates(text, token).at(-1) ?? null;
}

/** Below U+0300 there is no Arabic letter and nothing skipped but the soft hyphen: a Latin word stops here. */
function mayStartArabic(first: number): boolean {
  return first >= 0x300 || first === 0xad;
}
