/**
 * The Arabic article is dropped, since press spellings keep or omit it at
 * will ("al-Nosra", "Nosra", "النصرة"): ال at the start of an Arabic word
 * that keeps at least two letters; Latin "al", "el", "ul" as a separate word
 * or before a hyphen; and the assimilated forms before a hyphen when the next
 * word starts with the consonant they assimilate to ("ash-Sham", "ez-Zor",
 * "ar-Raqqa", "an-Nabk"). A Latin word that merely starts with "al" keeps it
 * ("Aleppo"), and "ad-hoc" keeps "ad".
 */

/** A word of a key and the separator that follows it ("-", " ", "" at the end). */
export interface KeyWord {
  word: string;
  separator: string;
}

const LATIN_ARTICLE = /^[aeu]l$/u;
const ASSIMILATED = /^[aeiu](sh|ch|th|dh|[sdrztn])$/u;
const ARABIC_ARTICLE = /^ال(?=\p{L}{2})/u;

export function dropArticles(words: readonly KeyWord[]): KeyWord[] {
  const kept: KeyWord[] = [];
  words.forEach((current, index) => {
    const next = words[index + 1];
    if (next !== undefined && isLatinArticle(current, next)) return;
    kept.push({ word: current.word.replace(ARABIC_ARTICLE, ""), separator: current.separator });
  });
  return kept;
}

function isLatinArticle(current: KeyWord, next: KeyWord): boolean {
  if (LATIN_ARTICLE.test(current.word)) return true;
  const consonant = ASSIMILATED.exec(current.word)?.[1];
  return consonant !== undefined && current.separator === "-" && next.word.startsWith(consonant);
}
