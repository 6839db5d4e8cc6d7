/**
 * The end of a word once it is consonants. Doubled consonants are one:
 * Latin writes "Raqqa", "Jebbeh" where Arabic writes one letter with a shadda
 * (already removed), and vowels dropped between two equal consonants leave a
 * double too. A final "h" goes: it is Latin "-ah", "-eh" (Hamah, Jebbeh) or
 * Arabic ة folded to ه (حماة), and the final ح of رفح that French and English
 * write "-ah" (Rafah) — unless it is the word's only consonant.
 */
const DOUBLED = /(\p{L})\1+/gu;

export function collapseDoubles(consonants: string): string {
  return consonants.replace(DOUBLED, "$1");
}

export function dropFinalH(consonants: string): string {
  return consonants.length > 1 && consonants.endsWith("h") ? consonants.slice(0, -1) : consonants;
}
