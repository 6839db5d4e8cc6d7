import type { PhraseMatch } from "../../text/phrases.js";
import type { EventCategory, TriggerEntry } from "../lexicon.js";

/**
 * The triggers and cues of one sentence pooled by family (an ACLED event
 * type, or a scope outside ACLED), with the category they vote for. Family
 * rules rewrite this pool where ACLED's definitions turn on more than which
 * word was used.
 */
export interface Family {
  name: string;
  categories: Map<EventCategory, number>;
  triggers: PhraseMatch<TriggerEntry>[];
  evidence: PhraseMatch<TriggerEntry>[];
  /** Summed weights of triggers and cues. */
  score: number;
  /** Summed weights of triggers alone. */
  ownTriggers: number;
  category: EventCategory;
  /** Rules that rewrote the family, for provenance ("events:weapons-found"). */
  rules: string[];
  /** The lexicon row whose PLOVER type and mode the occurrence takes, when a rule knows better than the anchor. */
  ploverFrom?: PhraseMatch<TriggerEntry>;
}

/** Every trigger and cue the sentence matched, including argument cues that vote for no family. */
export interface SentenceEvidence {
  triggers: readonly PhraseMatch<TriggerEntry>[];
  cues: readonly PhraseMatch<TriggerEntry>[];
  /** Triggers and cues of the next sentence, where reports often say how an occurrence unfolded. */
  following: readonly PhraseMatch<TriggerEntry>[];
  /** Matches that tell the background of the reported occurrence ("to mourn demonstrators killed last month"). */
  backgrounded: ReadonlySet<PhraseMatch<TriggerEntry>>;
}

export type FamilyRule = (families: Family[], evidence: SentenceEvidence) => Family[];

/** Pools several families into one occurrence of `category`. */
export function mergeFamilies(families: readonly Family[], name: string, category: EventCategory, rule: string): Family {
  const merged: Family = { name, categories: new Map(), triggers: [], evidence: [], score: 0, ownTriggers: 0, category, rules: [rule] };
  for (const family of families) {
    for (const [key, weight] of family.categories) merged.categories.set(key, (merged.categories.get(key) ?? 0) + weight);
    merged.triggers.push(...family.triggers);
    merged.evidence.push(...family.evidence);
    merged.score += family.score;
    merged.ownTriggers += family.ownTriggers;
    merged.rules.push(...family.rules);
  }
  return merged;
}

export function hasCategory(families: readonly Family[], category: EventCategory, role?: "trigger" | "cue"): boolean {
  return families.some((family) => family.evidence.some((match) => match.value.category === category && (role === undefined || match.value.role === role)));
}
