/**
 * Latin letters that decomposition leaves alone but readers take for plain
 * ones: œ æ ß ı ø đ ł þ ð. Applied after lower-casing.
 */
const LETTERS: Readonly<Record<string, string>> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ı: "i",
  ø: "o",
  đ: "d",
  ł: "l",
  þ: "th",
  ð: "d",
};
const PATTERN = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "gu");

export function foldLatinLetters(text: string): string {
  return text.replace(PATTERN, (letter) => LETTERS[letter] ?? letter);
}
