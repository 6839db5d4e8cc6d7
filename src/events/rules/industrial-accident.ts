import type { FamilyRule } from "./family.js";

/** Explosion and fire words at most this strong are generic ("blast", "exploded", "fire"), not a weapon's name. */
const GENERIC_WEIGHT = 1;

/**
 * "A storage bunker at an industrial waste plant exploded": an explosion or a
 * fire at a plant, a refinery or a tank, with no weapon named, is an accident,
 * not remote violence. Only generic explosion words give way; a named weapon
 * ("car bomb", "IED", "rocket") keeps the attack.
 */
export const industrialAccident: FamilyRule = (families) => {
  const accident = families.find((family) => family.name === "man-made-disaster");
  if (!accident || !accident.evidence.some((match) => match.value.role === "cue")) return families;
  const generic = families.filter(
    (family) => (family.name === "Explosions/Remote violence" || family.category === "Looting/property destruction") && family.triggers.length > 0 && family.triggers.every((match) => match.value.weight <= GENERIC_WEIGHT),
  );
  if (generic.length === 0) return families;
  const merged = { ...accident, triggers: [...accident.triggers, ...generic.flatMap((family) => family.triggers)], evidence: [...accident.evidence, ...generic.flatMap((family) => family.evidence)], score: accident.score + generic.reduce((sum, family) => sum + family.score, 0), rules: [...accident.rules, "events:industrial-accident"] };
  return [merged, ...families.filter((family) => family !== accident && !generic.includes(family))];
};
