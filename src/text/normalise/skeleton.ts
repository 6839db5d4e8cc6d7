/**
 * `skeletonKey`: a transliteration-insensitive retrieval key, so that the
 * press spellings of one Arabic name meet — "Aarsale", "Ersal", "Arsal",
 * "عرسال" all give "rsl"; "Khan Cheikhoun", "Khan Shaykhun", "خان شيخون" give
 * "xn cxn". The text is folded (`foldKey`), cut into words at spaces,
 * hyphens and other punctuation (apostrophes excepted: "Dar'a" is one word),
 * then, in order: the Arabic article is dropped (`rules/arabic-article.ts`),
 * construct-state "-at" loses its "t" (`rules/construct-state.ts`), letters
 * become consonant classes (`rules/consonant-classes.ts`), doubles collapse
 * and a final "h" goes (`rules/word-endings.ts`). Words left empty (all
 * vowels) disappear; the rest are joined by single spaces, so multi-word names
 * keep their structure and "al-Nosra" and "al Nosra" are alike.
 *
 * The key is lossy by design: different names share skeletons ("Saada" and
 * "Assad" are both "sd"), so it finds candidates and later stages score them,
 * and only what passes through `foldKey` is compared at all. It does
 * not bridge exonyms (Damas, Damascus, دمشق), Latin spellings that drop a
 * letter Arabic writes (Alep for حلب), or names fused in one script and not in
 * the other (Hezbollah, حزب الله).
 */
import { foldKey } from "./fold.js";
import { memoise } from "./memo.js";
import { dropArticles, type KeyWord } from "./rules/arabic-article.js";
import { consonantClasses } from "./rules/consonant-classes.js";
import { dropConstructT } from "./rules/construct-state.js";
import { collapseDoubles, dropFinalH } from "./rules/word-endings.js";

const WORD = /[\p{L}\p{M}\p{N}']+/gu;

export function skeletonKey(text: string): string {
  return skeletonOfFolded(foldKey(text));
}

/** The skeleton of text that `foldKey` has already folded; remembered, as tokens' and names' keys recur. */
export const skeletonOfFolded: (folded: string) => string = memoise(skeletonOf, 50_000, 64);

function skeletonOf(folded: string): string {
  const words: KeyWord[] = [];
  let previousEnd = 0;
  for (const match of folded.matchAll(WORD)) {
    const previous = words.at(-1);
    if (previous !== undefined) previous.separator = folded.slice(previousEnd, match.index);
    words.push({ word: match[0], separator: "" });
    previousEnd = match.index + match[0].length;
  }
  return dropConstructT(dropArticles(words))
    .map(({ word }) => dropFinalH(collapseDoubles(consonantClasses(word))))
    .filter((word) => word !== "")
    .join(" ");
}
