/**
 * Arabic-Indic (٠–٩) and Persian (۰–۹) digits become ASCII digits, and the
 * Arabic decimal and thousands separators (٫ ٬) the "." and "," they are
 * usually transliterated as, so "٣٫٥" and "3.5" share a key. Which separator
 * means what is for a number parser to decide, not a key.
 */
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/gu, (char) => {
    if (char === "\u066b") return ".";
    if (char === "\u066c") return ",";
    const code = char.charCodeAt(0);
    return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO));
  });
}
