/**
 * The segment stage: sentences (`sentences.ts`) and tokens (`tokens.ts`) of
 * `document.text`, chosen by `document.language`. Tokens get no keys here;
 * the normalise stage adds them.
 */
import type { Doc } from "../../model/document.js";
import type { Context, Stage } from "../../pipeline/stage.js";
import type { AbbreviationTable } from "./data/abbreviations.js";
import { buildLanguageRules, segmentLanguage, type LanguageRules, type SegmentLanguage } from "./languages.js";
import { splitSentences } from "./sentences.js";
import { tokenise } from "./tokens.js";

export interface SegmentOptions {
  /** Abbreviations to add, for every language, to those in `data/abbreviations.ts`. */
  abbreviations?: AbbreviationTable;
}

export function createSegmentStage(options: SegmentOptions = {}): Stage {
  const extra = options.abbreviations ?? {};
  const rules: Record<SegmentLanguage, LanguageRules> = {
    fr: buildLanguageRules("fr", extra),
    en: buildLanguageRules("en", extra),
    ar: buildLanguageRules("ar", extra),
    und: buildLanguageRules("und", extra),
  };

  return function segment(doc: Doc, _ctx: Context): Doc {
    const { text, language } = doc.document;
    const chosen = rules[segmentLanguage(language)];
    const { sentences, messages } = splitSentences(text, chosen.sentences);
    return {
      ...doc,
      sentences,
      tokens: tokenise(text, sentences, chosen.tokens),
      messages: [...doc.messages, ...messages],
    };
  };
}
