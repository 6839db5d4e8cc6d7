/**
 * Typographic variants of one sign become the ASCII sign.
 *
 * Apostrophes, and the letters transliterations use for ayin and hamza
 * (’ ‘ ‚ ‛ ʼ ʻ ʿ ʾ ` ´ ′), become "'": once before decomposition, which
 * would turn the acute accent ´ into a space and a combining mark, and again
 * after it, which makes ʼ out of ŉ.
 *
 * Hyphens and dashes (‐ ‑ ‒ – — ― −) become "-", double quotes (« » “ ” „ ‟ ″)
 * '"', and the Arabic comma, semicolon, question mark and full stop their
 * Latin forms. Runs of white space become one space, trimmed at both ends.
 */
const APOSTROPHES = /[’‘‚‛ʼʻʿʾ`´′]/gu;
const SIGNS: ReadonlyArray<readonly [RegExp, string]> = [
  [APOSTROPHES, "'"],
  [/[‐‑‒–—―−]/gu, "-"],
  [/[«»“”„‟″]/gu, '"'],
  [/،/gu, ","],
  [/؛/gu, ";"],
  [/؟/gu, "?"],
  [/۔/gu, "."],
];

export function foldApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

export function foldTypography(text: string): string {
  let folded = text;
  for (const [pattern, sign] of SIGNS) folded = folded.replace(pattern, sign);
  return folded.replace(/\s+/gu, " ").trim();
}
