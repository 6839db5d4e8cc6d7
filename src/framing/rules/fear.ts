import { anyOf, ARABIC_CLITICS, END, regex, START } from "../../times/patterns.js";
import { sentenceMatches, type FramingCandidate, type FramingRule } from "../candidate.js";
import type { FramingLanguage } from "../lexicon.js";

/**
 * Appeal to fear: a danger aimed at what the reader holds dear ("une menace
 * pour notre civilisation", "a threat to our way of life", "خطر على وجودنا"),
 * and the deadline that leaves no time to think ("avant qu'il ne soit trop
 * tard", "before it is too late"). Fixed phrases ("menace existentielle",
 * "invasion") are in the lexicon. Word lists curated by the sitrep project.
 */

const FR_DANGER = ["menace", "menaces", "danger", "dangers", "péril", "périls", "risque mortel", "bombe à retardement"];
const FR_STAKES = ["notre", "nos", "la survie", "l'existence", "la civilisation", "nos enfants", "l'avenir", "l'humanité", "la planète", "la démocratie", "la france", "l'europe", "l'occident", "la paix mondiale", "le monde entier", "la sécurité de tous"];
const EN_DANGER = ["threat", "threats", "danger", "dangers", "peril", "menace", "ticking time bomb"];
const EN_STAKES = ["our", "the survival", "the existence", "civilization", "civilisation", "our children", "the future", "humanity", "the planet", "democracy", "the west", "the whole world", "everyone"];
const AR_DANGER = ["خطر", "خطرا", "خطراً", "تهديد", "تهديدا", "تهديداً", "الخطر", "التهديد"];
const AR_STAKES = ["وجود", "مستقبل", "أمن", "الأمة", "البشرية", "العالم", "أطفالنا", "أبنائنا", "حياتنا", "بلادنا", "وطننا", "شعبنا"];

interface Pattern {
  rule: string;
  pattern: RegExp;
  /** Words every match contains: sentences without one are not searched. */
  needs: RegExp;
}

const PATTERNS: Readonly<Record<FramingLanguage, readonly Pattern[]>> = {
  fr: [
    { rule: "danger", needs: regex(anyOf(FR_DANGER)), pattern: regex(`${START}${anyOf(FR_DANGER)}\\s+(?:(?:directe|directes|grave|graves|mortelle|mortelles|réelle|réelles|imminente|majeure)\\s+)?(?:pour|contre|sur)\\s+${anyOf(FR_STAKES)}${END}`) },
    { rule: "deadline", needs: regex("trop\\s+tard"), pattern: regex(`${START}(?:avant\\s+qu['’]il\\s+ne\\s+soit\\s+trop\\s+tard|il\\s+sera\\s+trop\\s+tard|il\\s+est\\s+déjà\\s+trop\\s+tard|demain\\s+il\\s+sera\\s+trop\\s+tard)${END}`) },
  ],
  en: [
    { rule: "danger", needs: regex(anyOf(EN_DANGER)), pattern: regex(`${START}${anyOf(EN_DANGER)}\\s+(?:(?:direct|grave|mortal|real|imminent|major)\\s+)?(?:to|for|against)\\s+${anyOf(EN_STAKES)}${END}`) },
    { rule: "deadline", needs: regex("too\\s+late"), pattern: regex(`${START}(?:before\\s+it\\s+is\\s+too\\s+late|before\\s+it['’]s\\s+too\\s+late|it\\s+will\\s+be\\s+too\\s+late)${END}`) },
  ],
  ar: [{ rule: "danger", needs: regex(anyOf(AR_DANGER)), pattern: regex(`${START}${ARABIC_CLITICS}${anyOf(AR_DANGER)}\\s+(?:\\S+\\s+)?(?:على|ل|يهدد|يتهدد)\\s*${ARABIC_CLITICS}${anyOf(AR_STAKES)}`) }],
};

export const fear: FramingRule = ({ doc, language }) =>
  PATTERNS[language].flatMap(({ pattern, rule, needs }): FramingCandidate[] => sentenceMatches(doc, pattern, "Appeal_to_Fear-Prejudice", `fear-${rule}`, needs));
