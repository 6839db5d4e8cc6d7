import { mergeFamilies, type FamilyRule } from "./family.js";

/** How strongly cues alone must name the means (one typical cue: "warplanes", "chlorine"). */
const MEANS_CUE_SCORE = 2;
/** Families whose occurrences kill by some means the sentence names. */
const MEANS: readonly string[] = ["Explosions/Remote violence", "Battles"];

/**
 * "Killing 6 civilians", "قتل خمسة مدنيين في غارة": killing words next to
 * an airstrike, a shelling or a clash are that event's outcome, not a second
 * attack. ACLED codes the means (an air strike that kills civilians is an air
 * strike); the killing words join it, and its fatalities with them.
 */
export const killingAsOutcome: FamilyRule = (families) => {
  const attack = families.find((family) => family.name === "Violence against civilians" && family.category === "Attack");
  // The means may be named by a cue alone: "warplanes pounded …, killing 6 civilians", "a rebel attack with poisonous gas".
  const means = families.filter((family) => MEANS.includes(family.name) && (family.triggers.length > 0 || family.score >= MEANS_CUE_SCORE)).sort((a, b) => b.score - a.score)[0];
  if (!attack || !means) return families;
  const merged = mergeFamilies([means, attack], means.name, means.category, "events:killing-as-outcome");
  return [merged, ...families.filter((family) => family !== attack && family !== means)];
};
