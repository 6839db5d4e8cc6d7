/**
 * Diacritics go: the text is decomposed (NFKD, which also turns Arabic
 * presentation forms from PDFs and ligatures such as "ﬁ" into plain letters)
 * and the combining marks of Latin, Greek and Cyrillic (the combining
 * diacritical blocks) and of Arabic (harakat U+064B–U+065F, superscript alef
 * U+0670, Quranic marks U+06D6–U+06ED) are removed. Decomposition also takes
 * the hamza off its carrier — أ إ آ ؤ ئ become ا ا ا و ي — which is the
 * folding Arabic search wants. Marks of other scripts (Devanagari vowel signs
 * and the like) are kept, since removing them would change the letters.
 */
const REMOVED_MARKS: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
];
const MARK = /\p{M}/gu;

export function removeDiacritics(text: string): string {
  return text.normalize("NFKD").replace(MARK, (mark) => {
    const code = mark.codePointAt(0) ?? 0;
    return REMOVED_MARKS.some(([first, last]) => first <= code && code <= last) ? "" : mark;
  });
}
