/**
 * Whether an occurrence happened: a modality cue close before the trigger
 * ("Il n'y a pas eu de combats", "la prochaine bataille"), close after it
 * ("la bataille devrait…"), or anywhere in the sentence for sentence-wide
 * hedges ("reportedly"). Negation outranks the future, the future outranks a
 * hypothesis, a hypothesis outranks a report.
 */
import type { Modality } from "../model/analysis.js";
import type { PhraseMatch } from "../text/phrases.js";
import type { ModalityCue } from "./lexicon.js";

/** How many tokens a cue may sit before or after its trigger. */
const WINDOW_BEFORE = 6;
const WINDOW_AFTER = 4;
const RANK: Record<Exclude<Modality, "asserted">, number> = { negated: 4, future: 3, hypothetical: 2, reported: 1 };

export interface ModalityFinding {
  modality: Modality;
  cue: PhraseMatch<ModalityCue> | null;
}

/** The modality of a trigger from the modality cues of its sentence. */
export function modalityOf(cues: readonly PhraseMatch<ModalityCue>[], trigger: PhraseMatch<unknown>, boundaries: { before: number; after: number }): ModalityFinding {
  let best: ModalityFinding = { modality: "asserted", cue: null };
  for (const cue of cues) {
    const { position } = cue.value;
    const applies =
      position === "sentence" ||
      (position === "adjacent" && (trigger.first - cue.last === 1 || cue.first - trigger.last === 1)) ||
      (position === "before" && cue.last < trigger.first && trigger.first - cue.last <= WINDOW_BEFORE && cue.first >= boundaries.before) ||
      (position === "after" && cue.first > trigger.last && cue.first - trigger.last <= WINDOW_AFTER && cue.last <= boundaries.after);
    if (!applies) continue;
    if (best.modality === "asserted" || RANK[cue.value.modality] > RANK[best.modality as keyof typeof RANK]) best = { modality: cue.value.modality, cue };
  }
  return best;
}
