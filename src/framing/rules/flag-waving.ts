import { anyOf, ARABIC_CLITICS, END, regex, START } from "../../times/patterns.js";
import { sentenceMatches, type FramingCandidate, type FramingRule } from "../candidate.js";
import type { FramingLanguage } from "../lexicon.js";

/**
 * Flag-waving: a claim made to ride on the group the reader is asked to
 * belong to. The first person plural laid on the nation, its people, army
 * or values ("notre nation", "nos soldats", "our country", "شعبنا", "وطننا");
 * the bare national words ("la patrie", "الوطن") and the cheers ("vive la
 * France") are in the lexicon. Word lists curated by the sitrep project.
 */

const FR_NATION = [
  "nation",
  "pays",
  "patrie",
  "peuple",
  "république",
  "armée",
  "armées",
  "drapeau",
  "terre",
  "sol",
  "identité",
  "civilisation",
  "héros",
  "soldats",
  "militaires",
  "valeurs",
  "ancêtres",
  "aïeux",
  "compatriotes",
  "concitoyens",
  "histoire",
  "souveraineté",
  "indépendance",
  "libertés",
  "grandeur",
  "honneur",
  "culture",
  "langue",
  "frontières",
  "martyrs",
];
const EN_NATION = ["nation", "country", "homeland", "motherland", "fatherland", "people", "flag", "troops", "soldiers", "heroes", "values", "way of life", "freedom", "freedoms", "sovereignty", "borders", "martyrs", "forefathers", "heritage"];
/** Arabic nouns that take the first person plural suffix نا: وطننا, شعبنا, أمتنا. */
const AR_NATION = ["وطن", "شعب", "أمت", "بلد", "بلاد", "جيش", "أرض", "جنود", "أبطال", "شهداء", "قيم", "سيادت", "حدود", "أجداد", "هويت"];

const PATTERNS: Readonly<Record<FramingLanguage, RegExp>> = {
  fr: regex(`${START}(?:notre|nos)\\s+(?:(?:chère|cher|chers|chères|belle|beau|grande|grand|glorieuse|glorieux|valeureux|braves|vaillants|héroïques)\\s+)?${anyOf(FR_NATION)}${END}`),
  en: regex(`${START}(?:our|this\\s+great)\\s+(?:(?:great|beloved|brave|glorious|heroic)\\s+)?${anyOf(EN_NATION)}${END}`),
  ar: regex(`${START}${ARABIC_CLITICS}(?:ال)?${anyOf(AR_NATION)}نا${END}`),
};

export const flagWaving: FramingRule = ({ doc, language }): FramingCandidate[] => sentenceMatches(doc, PATTERNS[language], "Flag_Waving", "flag-waving");
