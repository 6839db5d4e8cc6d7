export { createFramingStage, DEFAULT_MIN_WEIGHT, type FramingOptions } from "./stage.js";
export { lineSpans, paragraphSpans, paragraphTechniques, type ParagraphTechniques } from "./paragraphs.js";
export { FRAMING_LANGUAGES, FRAMING_LEXICON_FILE, readFramingLexicon, type FramingEntry, type FramingLanguage, type FramingWeight } from "./lexicon.js";
export { isTechnique, SEMEVAL_TECHNIQUES, type Technique } from "./techniques.js";
export { FRAMING_RULES } from "./rules/index.js";
export type { FramingCandidate, FramingRule, RuleInput } from "./candidate.js";
