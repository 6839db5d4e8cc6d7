import type { FramingSpan } from "../model/analysis.js";
import type { Doc } from "../model/document.js";
import type { Stage } from "../pipeline/stage.js";
import { PhraseMatcher } from "../text/phrases.js";
import type { FramingCandidate, FramingRule } from "./candidate.js";
import { FRAMING_LANGUAGES, readFramingLexicon, type FramingEntry, type FramingLanguage, type FramingWeight } from "./lexicon.js";
import { paragraphSpans, paragraphTechniques } from "./paragraphs.js";
import { FRAMING_RULES } from "./rules/index.js";
import { SEMEVAL_TECHNIQUES } from "./techniques.js";

export interface FramingOptions {
  /** Lexicon rows; the project's lexicon (data/lexicons/framing.tsv) when not given. */
  lexicon?: readonly FramingEntry[];
  /**
   * Lexicon rows lighter than this are left out: 1 uses every row, 3 only
   * the words that are charged in every use. 2 by default: weight-1 words
   * ("régime", "massacre") are as often plain description as framing.
   */
  minWeight?: FramingWeight;
  /** The rules to run; all of them (rules/index.ts) when not given. */
  rules?: readonly FramingRule[];
}

export const DEFAULT_MIN_WEIGHT: FramingWeight = 2;

/**
 * Finds where the words themselves do the arguing: loaded words, labels,
 * exaggeration, doubt, appeals to fear, flag or authority, repetition, each
 * span labelled with its SemEval-2023 Task 3 technique and the rule that
 * found it. Runs on the text stages alone, for French, English and Arabic;
 * a document in another language gets an empty layer.
 */
export function createFramingStage(options: FramingOptions = {}): Stage {
  const minWeight = options.minWeight ?? DEFAULT_MIN_WEIGHT;
  const rules = options.rules ?? FRAMING_RULES;
  const matchers = new Map<FramingLanguage, PhraseMatcher<FramingEntry>>(FRAMING_LANGUAGES.map((language) => [language, new PhraseMatcher()]));
  for (const entry of options.lexicon ?? readFramingLexicon()) {
    if (entry.weight < minWeight) continue;
    for (const pattern of entry.patterns) matchers.get(entry.language)?.add(pattern.words, entry);
  }

  return function framing(doc: Doc): Doc {
    const language = doc.document.language as FramingLanguage;
    const matcher = matchers.get(language);
    if (!matcher) return { ...doc, framing: [], framing_paragraphs: [] };
    const input = { doc, language, lexicon: matcher.matchAll(doc), paragraphs: paragraphSpans(doc.document.text) };
    const spans = distinct(rules.flatMap((rule) => rule(input))).map(
      (candidate, i): FramingSpan => ({
        id: `f${i + 1}`,
        technique: candidate.technique,
        text: doc.document.text.slice(candidate.start, candidate.end),
        start: candidate.start,
        end: candidate.end,
        by: `framing:${candidate.rule}`,
      }),
    );
    const withSpans = { ...doc, framing: spans };
    // Paragraph-level labels, as SemEval-2023 Task 3 scores them: the techniques of the spans in each paragraph.
    const framingParagraphs = paragraphTechniques(withSpans, input.paragraphs).map(({ paragraph, techniques }) => ({ ...paragraph, techniques }));
    return { ...withSpans, framing_paragraphs: framingParagraphs };
  };
}

const TECHNIQUE_ORDER = new Map<string, number>(SEMEVAL_TECHNIQUES.map((technique, i) => [technique, i]));

/**
 * One span per stretch of text and technique: a span inside a longer one of
 * the same technique says nothing more ("so-called" inside the rule's
 * "so-called experts"), and of equal spans the first rule's stands. In text
 * order, then longest first, then in the task's technique order.
 */
function distinct(candidates: readonly FramingCandidate[]): FramingCandidate[] {
  const byTechnique = new Map<string, FramingCandidate[]>();
  candidates.forEach((candidate) => {
    const group = byTechnique.get(candidate.technique);
    if (group) group.push(candidate);
    else byTechnique.set(candidate.technique, [candidate]);
  });
  const kept: FramingCandidate[] = [];
  for (const group of byTechnique.values()) {
    // Stable sort: by start, longest first, equal spans in rule order; a span is inside an earlier one exactly when it ends no later.
    let reach = -1;
    for (const candidate of [...group].sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (candidate.end <= reach) continue;
      kept.push(candidate);
      reach = candidate.end;
    }
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end || (TECHNIQUE_ORDER.get(a.technique) ?? 0) - (TECHNIQUE_ORDER.get(b.technique) ?? 0));
}
