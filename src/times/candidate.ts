/**
 * What every time rule takes and gives. Rules read one sentence at a time,
 * so that no expression runs across a sentence boundary; they return spans in
 * document offsets.
 */
import type { Span } from "../model/span.js";
import type { Anchoring } from "./calendar.js";
import type { TimesLanguage } from "./lexicon.js";

export interface RuleInput {
  /** The sentence's text. */
  text: string;
  /** Where the sentence starts in `document.text`. */
  offset: number;
  /** "other" for languages without rules: only ISO-like dates are read there. */
  language: TimesLanguage | "other";
  /** The publication day, or null when the document has none. */
  reference: Date | null;
}

export interface TimeCandidate extends Span, Anchoring {
  /** The rule's name: the mention's `by` is `times:<rule>`. */
  rule: string;
}

export type TimeRule = (input: RuleInput) => TimeCandidate[];
