import { anyOf, ARABIC_CLITICS, END, regex, START } from "../../times/patterns.js";
import { sentenceMatches, type FramingCandidate, type FramingRule } from "../candidate.js";
import type { FramingLanguage } from "../lexicon.js";

/**
 * Appeal to authority: a claim made true by who holds it rather than by
 * evidence. Expertise invoked as a body ("selon les experts", "scientists
 * agree", "يقول الخبراء"), and a name invoked as a quotation's warrant ("comme
 * l'a dit de Gaulle", "as Churchill put it", "كما قال"). Attribution to a
 * named source ("selon le ministère") is reporting, not persuasion, and is
 * left to the attribution layer. Word lists curated by the sitrep project.
 */

const FR_EXPERTS = ["experts", "expert", "spécialistes", "scientifiques", "chercheurs", "savants", "économistes", "médecins", "épidémiologistes", "virologues", "climatologues", "juristes", "historiens", "études", "étude", "la science", "prix nobel"];
const EN_EXPERTS = ["experts", "scientists", "specialists", "researchers", "economists", "doctors", "studies", "the science", "historians", "nobel laureates"];
const AR_EXPERTS = ["الخبراء", "خبراء", "العلماء", "علماء", "المختصين", "مختصين", "المتخصصين", "متخصصين", "الباحثين", "باحثين", "الدراسات", "دراسات", "الأطباء", "أطباء"];

const FR_QUANTIFIER = "(?:(?:les|des|de\\s+nombreux|de\\s+nombreuses|nombre\\s+d['’]|plusieurs|certains|certaines|la\\s+plupart\\s+des|tous\\s+les|beaucoup\\s+d['’]|l['’]ensemble\\s+des)\\s*)?";
const FR_AGREE = ["s'accordent", "sont unanimes", "sont formels", "le disent", "l'affirment", "le confirment", "l'ont prouvé", "ont prouvé", "ont démontré", "démontrent", "prouvent", "le prouvent", "nous disent", "ont tranché", "a tranché"];
const EN_AGREE = ["agree", "say", "warn", "confirm", "have shown", "show", "prove", "have proven", "are unanimous", "tell us"];

const FR_SAID = ["dit", "disait", "écrivait", "écrit", "affirmait", "rappelait", "soulignait", "déclarait", "prophétisait", "l'a dit", "l'a écrit", "l'a rappelé", "l'a souligné", "l'avait dit", "l'avait écrit", "le disait", "le rappelait", "le soulignait", "l'écrivait"];
const EN_SAID = ["said", "once said", "put it", "famously said", "wrote", "once wrote", "noted", "reminded us", "taught us"];

const CAPITALISED = "(?:(?:de|du|von|van)\\s+|d['’]|al-)?\\p{Lu}[\\p{L}\\p{M}'’-]+(?:\\s+(?:de\\s+|d['’]|von\\s+|van\\s+)?\\p{Lu}[\\p{L}\\p{M}'’-]+){0,2}";

/** What each pair of patterns below (experts, French quotation) needs, one expression for both, so that the text is scanned for it once. */
const FR_EXPERTS_NEEDED = regex(anyOf(FR_EXPERTS));
const EN_EXPERTS_NEEDED = regex(anyOf(EN_EXPERTS));
const FR_QUOTATION_NEEDED = regex(anyOf(["comme", "ainsi que"]));

/** Each pattern with words every match contains, so that sentences without one are not searched. */
const PATTERNS: Readonly<Record<FramingLanguage, readonly { rule: string; pattern: RegExp; needs?: RegExp }[]>> = {
  fr: [
    { rule: "experts", needs: FR_EXPERTS_NEEDED, pattern: regex(`${START}(?:selon|d['’]après|de\\s+l['’]avis\\s+(?:des|de\\s+tous\\s+les)|pour)\\s+${FR_QUANTIFIER}${anyOf(FR_EXPERTS)}${END}`) },
    { rule: "experts", needs: FR_EXPERTS_NEEDED, pattern: regex(`${START}(?:les|des|tous\\s+les|la)\\s+${anyOf(FR_EXPERTS)}\\s+${anyOf(FR_AGREE)}${END}`) },
    { rule: "quotation", needs: FR_QUOTATION_NEEDED, pattern: regex(`${START}[Cc]omme\\s+(?:(?:l['’]a|l['’]avait|le|l['’])\\s*)?${anyOf(FR_SAID)}\\s+(?:le\\s+général\\s+|le\\s+président\\s+|le\\s+philosophe\\s+|l['’]écrivain\\s+)?${CAPITALISED}`, false) },
    { rule: "quotation", needs: FR_QUOTATION_NEEDED, pattern: regex(`${START}(?:[Cc]omme|[Aa]insi\\s+que)\\s+${CAPITALISED}\\s+(?:l['’]a\\s+|l['’]avait\\s+|le\\s+)?(?:dit|écrit|affirmé|rappelé|souligné|disait|écrivait|rappelait)${END}`, false) },
  ],
  en: [
    { rule: "experts", needs: EN_EXPERTS_NEEDED, pattern: regex(`${START}according\\s+to\\s+(?:(?:the|many|most|leading|top|all|some)\\s+)?${anyOf(EN_EXPERTS)}${END}`) },
    { rule: "experts", needs: EN_EXPERTS_NEEDED, pattern: regex(`${START}(?:(?:the|most|all|many|leading)\\s+)?${anyOf(EN_EXPERTS)}\\s+${anyOf(EN_AGREE)}${END}`) },
    { rule: "quotation", pattern: regex(`${START}[Aa]s\\s+${CAPITALISED}\\s+${anyOf(EN_SAID)}${END}`, false) },
  ],
  ar: [
    { rule: "experts", needs: regex(anyOf(AR_EXPERTS)), pattern: regex(`${START}${ARABIC_CLITICS}(?:بحسب|حسب|وفقا\\s+ل|وفقاً\\s+ل|وفق|يقول|يرى|يؤكد|أكد|يجمع|أجمع)\\s*${anyOf(AR_EXPERTS)}${END}`) },
    { rule: "quotation", needs: regex("كما"), pattern: regex(`${START}${ARABIC_CLITICS}كما\\s+(?:قال|يقول|كتب|أكد)${END}`) },
  ],
};

export const authority: FramingRule = ({ doc, language }) =>
  PATTERNS[language].flatMap(({ pattern, rule, needs }): FramingCandidate[] => sentenceMatches(doc, pattern, "Appeal_to_Authority", `authority-${rule}`, needs));
