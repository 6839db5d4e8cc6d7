import { longestMatches, type PhraseMatch } from "../../text/phrases.js";
import type { FramingCandidate, FramingRule } from "../candidate.js";
import type { FramingEntry } from "../lexicon.js";

/**
 * Words and phrases of the framing lexicon. Within one technique the longest
 * of overlapping matches stands ("effondrement total" over "effondrement");
 * across techniques they all stand, as SemEval's annotators let one phrase be
 * loaded language and exaggeration at once.
 */
export const lexiconTerms: FramingRule = ({ lexicon }) => {
  const byTechnique = new Map<string, PhraseMatch<FramingEntry>[]>();
  for (const match of lexicon) {
    const group = byTechnique.get(match.value.technique);
    if (group) group.push(match);
    else byTechnique.set(match.value.technique, [match]);
  }
  const found: FramingCandidate[] = [];
  for (const group of byTechnique.values()) {
    for (const match of longestMatches(group)) found.push({ start: match.start, end: match.end, technique: match.value.technique, rule: `lexicon:${match.value.line}` });
  }
  return found;
};
