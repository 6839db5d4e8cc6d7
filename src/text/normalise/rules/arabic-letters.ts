/**
 * Arabic letter variants that press spelling uses interchangeably: the alef
 * forms أ إ آ ٱ (the first three have already lost their hamza to
 * `diacritics.ts`; alef wasla has no decomposition), alef maqsura ى and ي,
 * ta marbuta ة and ه, Persian and Urdu yeh ی and keheh ک; and tatweel, which
 * only stretches a word. Hamza on its own (ء) is kept: it is a letter.
 */
const LETTERS: Readonly<Record<string, string>> = {
  "\u0640": "",
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ى: "ي",
  ة: "ه",
  ؤ: "و",
  ئ: "ي",
  ی: "ي",
  ک: "ك",
};
const PATTERN = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "gu");

export function foldArabicLetters(text: string): string {
  return text.replace(PATTERN, (letter) => LETTERS[letter] ?? letter);
}
