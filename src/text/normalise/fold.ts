/**
 * `foldKey`: the key under which spellings that differ only in case,
 * diacritics, Arabic letter variants, digits and typography are the same.
 * Lower-casing is locale-independent (`toLowerCase`, never the Turkish
 * rules); it runs before decomposition so that "İ" loses its dot and again
 * after it, for letters that decomposition turns into capitals ("ℌ").
 * The result is in NFC and folding it again changes nothing.
 */
import { foldArabicLetters } from "./rules/arabic-letters.js";
import { removeDiacritics } from "./rules/diacritics.js";
import { foldDigits } from "./rules/digits.js";
import { removeFormatCharacters } from "./rules/format-characters.js";
import { foldLatinLetters } from "./rules/latin-letters.js";
import { foldApostrophes, foldTypography } from "./rules/typography.js";

export function foldKey(text: string): string {
  let folded = foldApostrophes(removeFormatCharacters(text)).toLowerCase();
  folded = removeDiacritics(folded).toLowerCase();
  folded = foldLatinLetters(folded);
  folded = foldArabicLetters(folded);
  folded = foldDigits(folded);
  return foldTypography(folded).normalize("NFC");
}
