import type { PhraseMatch } from "../../text/phrases.js";
import type { TriggerEntry } from "../lexicon.js";
import { mergeFamilies, type Family, type FamilyRule } from "./family.js";

/** Finding words and weapon words are arguments of a seizure, not events: they vote through this rule only. */
export const isArgumentCue = (match: PhraseMatch<TriggerEntry>): boolean => isFinding(match) || isWeapon(match);

function isFinding(match: PhraseMatch<TriggerEntry>): boolean {
  return match.value.role === "cue" && match.value.category === "Disrupted weapons use" && match.value.mode === "seize";
}
function isWeapon(match: PhraseMatch<TriggerEntry>): boolean {
  return match.value.role === "cue" && match.value.category === "Disrupted weapons use" && match.value.mode === "weapons";
}
/** Capture words ("seized") that, said of weapons, mean a seizure, not a takeover. */
const isCapture = (family: Family): boolean => family.name === "Battles" && family.category !== "Armed clash";

/**
 * Weapons named with a verb of finding or seizing ("missiles … retrouvés",
 * "a cache of ammunition was found", "seized weapons") were not used: ACLED
 * codes their discovery as disrupted weapons use, whatever kind of weapon it
 * is. The weapon words, the finding words and any explosion or capture words
 * of the sentence make that one occurrence, anchored on the weapon.
 */
export const weaponsFound: FamilyRule = (families, { cues }) => {
  const finding = cues.some(isFinding);
  const weapon = cues.find(isWeapon);
  const explosions = families.find((family) => family.name === "Explosions/Remote violence");
  if (!finding || (!weapon && !explosions)) return families;
  const pooled = families.filter((family) => family.name === "Explosions/Remote violence" || family.name === "Strategic developments" || isCapture(family));
  const merged = mergeFamilies(pooled, "Strategic developments", "Disrupted weapons use", "events:weapons-found");
  // PLOVER codes the seizure (COERCE/seize), not the weapons.
  const seizure = cues.find(isFinding);
  if (seizure) merged.ploverFrom = seizure;
  for (const cue of cues.filter(isArgumentCue)) {
    merged.evidence.push(cue);
    merged.score += cue.value.weight;
  }
  const anchor = explosions?.triggers[0] ?? weapon;
  if (anchor && !merged.triggers.includes(anchor)) merged.triggers.unshift(anchor);
  return [merged, ...families.filter((family) => !pooled.includes(family))];
};
