/**
 * Ta marbuta (ة) is silent at the end of a phrase and sounds "t" before the
 * noun that completes it, and Latin spellings follow the sound: "Jabhat
 * al-Nusra", "Maarat al-Numan" for جبهة النصرة, معرة النعمان. Arabic script
 * writes ة in both places, and the skeleton drops it, so a Latin word ending
 * in "at" loses its "t" when another word follows. Words shorter than five
 * letters keep it ("Bat Yam"), and so does the last word ("Tall Rifaat").
 */
import type { KeyWord } from "./arabic-article.js";

const CONSTRUCT = /^[a-z']{3,}at$/u;

export function dropConstructT(words: readonly KeyWord[]): KeyWord[] {
  return words.map((current, index) =>
    index + 1 < words.length && CONSTRUCT.test(current.word)
      ? { word: current.word.slice(0, -1), separator: current.separator }
      : current,
  );
}
