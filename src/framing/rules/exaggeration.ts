import { anyOf, ARABIC_CLITICS, END, regex, START } from "../../times/patterns.js";
import { sentenceMatches, type FramingCandidate, type FramingRule } from "../candidate.js";
import type { FramingLanguage } from "../lexicon.js";

/**
 * Exaggeration made by grammar rather than by vocabulary: a superlative
 * stretched to history ("la plus grave crise jamais connue", "the worst
 * attack ever", "أكبر مجزرة في التاريخ"), an intensifying adverb on the word
 * it inflates ("totalement libérée", "utterly destroyed", "دمرت تماما"), and
 * an absolute adjective on the noun it inflates ("effondrement total",
 * "utter destruction", "دمار شامل"), save the nouns of quantity that "total"
 * qualifies literally ("le montant total"). Word lists curated by the sitrep
 * project from French, English and Arabic grammars of degree.
 */

const WORD = "[\\p{L}\\p{M}]+(?:['’-][\\p{L}\\p{M}]+)*";
/** A few words of the same sentence, lazily, between the two halves of a superlative. */
const GAP = "(?:[^.!?;:\\n]{0,60}?)";

const FR_INTENSIFIERS = [
  "totalement",
  "complètement",
  "absolument",
  "entièrement",
  "intégralement",
  "parfaitement",
  "extrêmement",
  "incroyablement",
  "terriblement",
  "effroyablement",
  "horriblement",
  "radicalement",
  "littéralement",
  "follement",
  "infiniment",
  "profondément",
  "immensément",
  "désespérément",
  "éminemment",
  "proprement",
];
const EN_INTENSIFIERS = [
  "totally",
  "completely",
  "absolutely",
  "entirely",
  "utterly",
  "extremely",
  "incredibly",
  "terribly",
  "horribly",
  "radically",
  "literally",
  "insanely",
  "infinitely",
  "hugely",
  "massively",
  "wildly",
  "unbelievably",
];
const AR_INTENSIFIERS = ["تماما", "تماماً", "كليا", "كلياً", "بالكامل", "نهائيا", "نهائياً", "بشكل كامل", "بشكل كلي", "على الإطلاق"];

/** Words that follow an intensifier without being what it inflates ("complètement à l'ouest"): the span stops at the intensifier. */
const FR_NOT_HEAD = ["à", "au", "aux", "le", "la", "les", "l'", "de", "des", "du", "d'", "un", "une", "en", "et", "ou", "dans", "par", "pour", "sur", "avec", "sans", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "que", "qu'", "qui", "ne", "n'", "pas", "se", "s'"];
const EN_NOT_HEAD = ["the", "a", "an", "to", "of", "in", "on", "at", "by", "for", "with", "and", "or", "that", "this", "it", "not", "from"];

/** The intensifier, and the word it inflates unless that is a function word. */
function intensified(intensifiers: readonly string[], notHead: readonly string[], between = ""): string {
  return `${START}${anyOf(intensifiers)}(?:\\s+${between}(?!${anyOf(notHead)}(?:(?<=['’])|${END}))${WORD})?`;
}

/** Absolute adjectives placed after the noun they inflate. */
const FR_ABSOLUTE_AFTER = ["total", "totale", "totaux", "totales", "absolu", "absolue", "absolus", "absolues", "généralisé", "généralisée", "généralisés", "généralisées", "sans précédent", "sans pareil", "sans nom", "inouï", "inouïe", "inouïs", "inouïes"];
const EN_ABSOLUTE_BEFORE = ["total", "utter", "absolute", "unprecedented", "unparalleled", "unimaginable", "untold", "sheer"];
const AR_ABSOLUTE_AFTER = ["شامل", "شاملة", "تام", "تامة", "غير مسبوق", "غير مسبوقة", "لا مثيل له", "لا مثيل لها"];

/** Nouns that "total" qualifies literally ("le montant total"). */
const FR_QUANTITIES = ["montant", "coût", "cout", "nombre", "bilan", "chiffre", "effectif", "budget", "poids", "prix", "somme", "volume", "surface", "superficie", "population"];

/** What a superlative is stretched to. */
const FR_SUPERLATIVE_SCOPE = ["jamais", "de l'histoire", "de tous les temps", "du siècle", "au monde", "du monde", "de mémoire d'homme", "depuis des décennies", "depuis la seconde guerre mondiale", "depuis 1945"];
const EN_SUPERLATIVE_SCOPE = ["ever", "in history", "of all time", "in living memory", "in the world", "on earth", "in decades", "since world war ii", "since 1945"];
const AR_SUPERLATIVES = ["أكبر", "أسوأ", "أخطر", "أعظم", "أبشع", "أفظع", "أشد", "أكثر", "أعنف", "أضخم", "أقوى"];
const AR_SUPERLATIVE_SCOPE = ["في التاريخ", "على الإطلاق", "في العالم", "منذ عقود", "في تاريخ"];

interface Pattern {
  pattern: RegExp;
  rule: string;
  /** Words every match contains: sentences without one are not searched (the patterns are costly to run everywhere). */
  needs: RegExp;
}

const PATTERNS: Readonly<Record<FramingLanguage, readonly Pattern[]>> = {
  fr: [
    // "le plus grave … jamais", "la pire crise de l'histoire", "le plus grand massacre au monde"
    { rule: "superlative", needs: regex(anyOf(FR_SUPERLATIVE_SCOPE)), pattern: regex(`${START}(?:(?:le|la|les|l['’])\\s*(?:plus|moins)\\s+${WORD}|(?:le|la|les)\\s+(?:pire|pires|meilleur|meilleure|meilleurs|meilleures))${GAP}${anyOf(FR_SUPERLATIVE_SCOPE)}${END}`) },
    { rule: "intensifier", needs: regex(anyOf(FR_INTENSIFIERS)), pattern: regex(intensified(FR_INTENSIFIERS, FR_NOT_HEAD, "(?:(?:été|être)\\s+)?")) },
    { rule: "absolute", needs: regex(anyOf(FR_ABSOLUTE_AFTER)), pattern: regex(`${START}(?!${anyOf(FR_QUANTITIES)}s?\\s)[\\p{L}\\p{M}]{4,}\\s+${anyOf(FR_ABSOLUTE_AFTER)}${END}`) },
  ],
  en: [
    { rule: "superlative", needs: regex(anyOf(EN_SUPERLATIVE_SCOPE)), pattern: regex(`${START}(?:the\\s+(?:most|least)\\s+${WORD}|the\\s+(?:worst|best|biggest|largest|deadliest|greatest|bloodiest)|the\\s+${WORD}est)${GAP}${anyOf(EN_SUPERLATIVE_SCOPE)}${END}`) },
    { rule: "intensifier", needs: regex(anyOf(EN_INTENSIFIERS)), pattern: regex(intensified(EN_INTENSIFIERS, EN_NOT_HEAD, "(?:(?:been|be)\\s+)?")) },
    { rule: "absolute", needs: regex(anyOf(EN_ABSOLUTE_BEFORE)), pattern: regex(`${START}${anyOf(EN_ABSOLUTE_BEFORE)}\\s+${WORD}`) },
  ],
  ar: [
    { rule: "superlative", needs: regex(anyOf(AR_SUPERLATIVE_SCOPE)), pattern: regex(`${START}${ARABIC_CLITICS}${anyOf(AR_SUPERLATIVES)}\\s+${GAP}${anyOf(AR_SUPERLATIVE_SCOPE)}${END}`) },
    { rule: "intensifier", needs: regex(anyOf(AR_INTENSIFIERS)), pattern: regex(`${START}${WORD}\\s+${anyOf(AR_INTENSIFIERS)}${END}`) },
    { rule: "absolute", needs: regex(anyOf(AR_ABSOLUTE_AFTER)), pattern: regex(`${START}${WORD}\\s+${anyOf(AR_ABSOLUTE_AFTER)}${END}`) },
  ],
};

export const exaggeration: FramingRule = ({ doc, language }) =>
  PATTERNS[language].flatMap(({ pattern, rule, needs }): FramingCandidate[] => sentenceMatches(doc, pattern, "Exaggeration-Minimisation", `exaggeration-${rule}`, needs));
