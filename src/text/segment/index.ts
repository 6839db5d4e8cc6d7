export { createSegmentStage, type SegmentOptions } from "./segment.js";
export { splitSentences, type SentenceSplit } from "./sentences.js";
export { tokenise, type TokenRules } from "./tokens.js";
export { buildLanguageRules, segmentLanguage, type LanguageRules, type SegmentLanguage } from "./languages.js";
export { ABBREVIATIONS, type AbbreviationClass, type AbbreviationTable } from "./data/abbreviations.js";
export { SENTENCE_STARTERS } from "./data/sentence-starters.js";
export { arabicStem, arabicStemCandidates } from "./rules/arabic-proclitics.js";
