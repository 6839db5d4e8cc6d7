import { createMessage, type Message } from "../../model/message.js";
import type { Doc } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import { identifyLanguage, isSupportedLanguage, SUPPORTED_LANGUAGES } from "./identify.js";

/**
 * Sets `document.language` and its ranked alternatives. A language given by
 * the caller (option or batch field) wins; the identification still runs so
 * that a disagreement is reported rather than hidden.
 */
export function createLanguageStage(): Stage {
  return function language(doc: Doc): Doc {
    const found = identifyLanguage(doc.document.text);
    const given = doc.document.metadata_from.language !== undefined ? doc.document.language : null;
    const chosen = given ?? found.language;
    const messages: Message[] = [];

    if (given !== null && found.language !== "und" && found.language !== given) {
      messages.push(
        createMessage({
          code: "language-overridden",
          severity: "info",
          reason: `language given as ${given}; the text reads as ${found.language}`,
          stage: "language",
          rule: found.rule,
        }),
      );
    }
    if (chosen === "und") {
      messages.push(
        createMessage({
          code: "language-undetermined",
          severity: "warning",
          reason: `could not identify the language: ${found.reason}; pass a language to set it`,
          stage: "language",
          rule: found.rule,
        }),
      );
    } else if (!isSupportedLanguage(chosen)) {
      messages.push(
        createMessage({
          code: "language-unsupported",
          severity: "warning",
          reason: `the text is in ${chosen}; sitrep analyses ${SUPPORTED_LANGUAGES.join(", ")}, so only language-independent layers are filled`,
          stage: "language",
          ...(given === null ? { rule: found.rule } : {}),
        }),
      );
    }

    return {
      ...doc,
      document: {
        ...doc.document,
        language: chosen,
        language_scores: found.scores,
        metadata_from: { ...doc.document.metadata_from, language: given === null ? `language:${found.rule}` : (doc.document.metadata_from.language as string) },
      },
      messages: [...doc.messages, ...messages],
    };
  };
}
