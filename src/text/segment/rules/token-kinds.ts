/**
 * What kind of token a piece of text is. Tatweel alone (ـ) is a letter to
 * Unicode but a dash to Arabic typesetting ("دمشق ـ"), so it is punctuation.
 * Unicode files %, ٪, ‰, #, @, &, *, §, † among punctuation; they stand for
 * words or quantities, not for structure, so they are symbols here, with
 * °, $, €, + and the rest of Unicode's symbols.
 */
import type { TokenKind } from "../../../model/document.js";

const TATWEEL_ONLY = /^\u0640+$/u;
const LETTER = /\p{L}/u;
const NUMBER = /^[\p{N}]/u;
const PUNCTUATION = /^\p{P}+$/u;
const SYMBOL_LIKE = /[%٪‰‱#@&*§¶†‡]/u;

export function tokenKind(text: string): TokenKind {
  // Most tokens start with an ASCII letter: a word, whatever follows.
  const first = text.charCodeAt(0);
  if ((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a)) return "word";
  if (TATWEEL_ONLY.test(text)) return "punctuation";
  if (LETTER.test(text)) return "word";
  if (NUMBER.test(text)) return "number";
  if (PUNCTUATION.test(text) && !SYMBOL_LIKE.test(text)) return "punctuation";
  return "symbol";
}
