import { anyOf, ARABIC_CLITICS, END, regex, START } from "../../times/patterns.js";
import { sentenceMatches, type FramingCandidate, type FramingRule } from "../candidate.js";
import type { FramingLanguage } from "../lexicon.js";

/**
 * Doubt cast on a source or a claim: a word that disowns the label it comes
 * with ("la soi-disant armée", "the so-called experts", "الجيش المزعوم"), the
 * span being the word and what it qualifies; and a rhetorical question about
 * credibility ("Qui peut croire …?", "Who can believe …?", "من يصدق …؟"), the
 * span being the question. An ordinary question ("Où est-il ?") is no doubt,
 * so a question counts only with a word of belief, truth or seriousness.
 * Word lists curated by the sitrep project.
 */

const WORD = "[\\p{L}\\p{M}]+(?:['’-][\\p{L}\\p{M}]+)*";
/** What the disowning word qualifies: an optional article and one word. */
const QUALIFIED = `(?:(?:le|la|les|l['’]|un|une|des|du|de|d['’])\\s*)?${WORD}`;

const FR_BEFORE = ["soi-disant", "soi disant", "prétendu", "prétendue", "prétendus", "prétendues", "pseudo", "présumé", "présumée", "présumés", "présumées", "supposé", "supposée", "supposés", "supposées", "autoproclamé", "autoproclamée", "autoproclamés", "autoproclamées", "auto-proclamé", "auto-proclamée"];
const EN_BEFORE = ["so-called", "so called", "self-proclaimed", "self-styled", "supposed", "purported", "would-be", "pseudo"];
const AR_AFTER = ["المزعوم", "المزعومة", "المزعومين", "المزعومون", "المدعو", "المدعوة", "المسمى", "المسماة"];
const AR_BEFORE = ["ما يسمى", "ما تسمى", "ما يسمى ب", "ما يطلق عليه", "ما يطلق عليها", "ما يُسمى", "ما تُسمى", "ما يدعى"];

/** Words that turn a question into one about credibility. */
const FR_CREDIBILITY = [
  "croire",
  "croit",
  "croient",
  "croira",
  "croyez",
  "crédible",
  "crédibles",
  "crédibilité",
  "vraiment",
  "sérieusement",
  "sérieux",
  "vérité",
  "vrai",
  "mensonge",
  "mensonges",
  "mentir",
  "ment",
  "mentent",
  "naïf",
  "naïfs",
  "dupe",
  "dupes",
  "comment expliquer",
  "qui peut",
  "peut-on",
  "faut-il",
  "est-il possible",
  "n'est-ce pas",
  "et si",
  "à qui profite",
  "qui a intérêt",
];
const EN_CREDIBILITY = ["believe", "believes", "credible", "credibility", "really", "seriously", "truth", "true", "lie", "lies", "lying", "naive", "fooled", "who can", "can anyone", "how can", "isn't it", "who benefits"];
const AR_CREDIBILITY = ["يصدق", "نصدق", "تصدق", "يصدقون", "حقا", "حقاً", "فعلا", "فعلاً", "هل يعقل", "أليس", "من المستفيد", "كذب", "أكاذيب", "الحقيقة"];

const QUESTION_END = "[^.!?؟;:\\n]*[?؟]";
/** Only sentences with a question mark are searched for questions, which keeps the clause-initial scan cheap. */
const QUESTION_MARK = /[?؟]/u;

/** `needs`: words every match contains, so that sentences without one are not searched. */
const PATTERNS: Readonly<Record<FramingLanguage, readonly { rule: string; pattern: RegExp; needs: RegExp }[]>> = {
  fr: [
    { rule: "disowning", needs: regex(anyOf(FR_BEFORE)), pattern: regex(`${START}${anyOf(FR_BEFORE)}[\\s-]+${QUALIFIED}`) },
    { rule: "question", needs: QUESTION_MARK, pattern: regex(`(?<t>[^.!?;:\\n«»"“”]*${START}${anyOf(FR_CREDIBILITY)}${END}${QUESTION_END})`) },
  ],
  en: [
    { rule: "disowning", needs: regex(anyOf(EN_BEFORE)), pattern: regex(`${START}${anyOf(EN_BEFORE)}[\\s-]+(?:(?:the|a|an)\\s+)?${WORD}`) },
    { rule: "question", needs: QUESTION_MARK, pattern: regex(`(?<t>[^.!?;:\\n"“”]*${START}${anyOf(EN_CREDIBILITY)}${END}${QUESTION_END})`) },
  ],
  ar: [
    { rule: "disowning", needs: regex(anyOf(AR_AFTER)), pattern: regex(`${START}${WORD}\\s+${anyOf(AR_AFTER)}${END}`) },
    { rule: "disowning", needs: regex(anyOf(AR_BEFORE)), pattern: regex(`${START}${ARABIC_CLITICS}${anyOf(AR_BEFORE)}\\s*${WORD}`) },
    { rule: "question", needs: QUESTION_MARK, pattern: regex(`(?<t>[^.!?؟;:\\n"“”«»]*${START}${ARABIC_CLITICS}${anyOf(AR_CREDIBILITY)}${END}${QUESTION_END})`) },
  ],
};

export const doubt: FramingRule = ({ doc, language }) =>
  PATTERNS[language].flatMap(({ pattern, rule, needs }): FramingCandidate[] => sentenceMatches(doc, pattern, "Doubt", `doubt-${rule}`, needs)).map(trimSpace(doc.document.text));

/** A question is matched from the start of its clause, which may be white space. */
function trimSpace(text: string): (candidate: FramingCandidate) => FramingCandidate {
  return (candidate) => {
    let { start } = candidate;
    while (start < candidate.end && /\s/u.test(text[start] as string)) start++;
    return { ...candidate, start };
  };
}
