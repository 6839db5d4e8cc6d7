/**
 * Invisible characters that change how text is displayed or broken, never
 * what it says: bidi controls (U+200E/U+200F, U+202A–U+202E, U+2066–U+2069,
 * the Arabic letter mark U+061C), zero-width space and joiners, word joiner,
 * soft hyphen, byte order mark. A name pasted with a right-to-left mark keeps
 * its key.
 */
const FORMAT = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

export function removeFormatCharacters(text: string): string {
  return text.replace(FORMAT, "");
}
