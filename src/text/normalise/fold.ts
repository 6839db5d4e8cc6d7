/**
 * `foldKey`: the key under which spellings that differ only in case,
 * diacritics, Arabic letter variants, digits and typography are the same.
 * Lower-casing is locale-independent (`toLowerCase`, never the Turkish
 * rules); it runs before decomposition so that "İ" loses its dot and again
 * after it, for letters that decomposition turns into capitals ("ℌ").
 * The result is in NFC and folding it again changes nothing.
 */
import { memoise } from "./memo.js";
import { foldArabicLetters } from "./rules/arabic-letters.js";
import { removeDiacritics } from "./rules/diacritics.js";
import { foldDigits } from "./rules/digits.js";
import { removeFormatCharacters } from "./rules/format-characters.js";
import { foldLatinLetters } from "./rules/latin-letters.js";
import { foldApostrophes, foldTypography } from "./rules/typography.js";

/**
 * Printable ASCII and ASCII white space, without the backquote (an apostrophe
 * variant): no rule but lower-casing and white space applies to it, and most
 * tokens of English and French text are such.
 */
const PLAIN_ASCII = /^[\t-\r\x20-\x5f\x61-\x7e]*$/u;
const WHITE_SPACE = /\s+/gu;

/** Tokens and names are short and recur; a whole text is folded once. */
const MEMO_LIMIT = 50_000;
const MEMO_MAX_LENGTH = 64;

export const foldKey: (text: string) => string = memoise(fold, MEMO_LIMIT, MEMO_MAX_LENGTH);

function fold(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(WHITE_SPACE, " ").trim();
  let folded = foldApostrophes(removeFormatCharacters(text)).toLowerCase();
  folded = removeDiacritics(folded).toLowerCase();
  folded = foldLatinLetters(folded);
  folded = foldArabicLetters(folded);
  folded = foldDigits(folded);
  return foldTypography(folded).normalize("NFC");
}
