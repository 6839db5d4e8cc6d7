import type { EventCategory } from "../lexicon.js";
import type { FamilyRule } from "./family.js";

const TERRITORY: readonly EventCategory[] = ["Government regains territory", "Non-state actor overtakes territory"];

/**
 * A battle in which ground changes hands is coded by the change, however
 * many words describe the fighting: "clashing with insurgents and capturing
 * a village" is a territorial sub-event, not an armed clash (ACLED codebook,
 * Battles).
 */
export const territoryPrecedence: FamilyRule = (families) =>
  families.map((family) => {
    if (family.name !== "Battles" || TERRITORY.includes(family.category)) return family;
    const capture = family.triggers.filter((match) => TERRITORY.includes(match.value.category) && match.value.weight >= 2).sort((a, b) => b.value.weight - a.value.weight)[0];
    return capture ? { ...family, category: capture.value.category, rules: [...family.rules, "events:territory-precedence"] } : family;
  });
