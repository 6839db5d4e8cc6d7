/**
 * Which names a GeoNames import keeps. Reports come in French, English and
 * Arabic, so a name written in neither Latin nor Arabic letters (Cyrillic,
 * Hebrew, CJK, Devanagari…) can never be matched: storing it would only cost
 * database size and build time (about a fifth of cities500's names).
 */
const LATIN_OR_ARABIC = /[\p{Script=Latin}\p{Script=Arabic}]/u;

export function isLatinOrArabic(name: string): boolean {
  return LATIN_OR_ARABIC.test(name);
}
