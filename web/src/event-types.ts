/**
 * ACLED's event types and sub-event types, as the ACLED Codebook (2023) spells
 * them — the same table as `src/events/lexicon.ts`, which the browser cannot
 * import (it reads the lexicon files) — and the colour each type has on the
 * map, in the legend and in the timeline.
 */

export const EVENT_TYPES = [
  { type: "Battles", colour: "#c62828", subTypes: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"] },
  {
    type: "Explosions/Remote violence",
    colour: "#ef6c00",
    subTypes: ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  },
  { type: "Violence against civilians", colour: "#6a1b9a", subTypes: ["Sexual violence", "Attack", "Abduction/forced disappearance"] },
  { type: "Protests", colour: "#1565c0", subTypes: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"] },
  { type: "Riots", colour: "#2e7d32", subTypes: ["Violent demonstration", "Mob violence"] },
  {
    type: "Strategic developments",
    colour: "#546e7a",
    subTypes: [
      "Agreement",
      "Arrests",
      "Change to group/activity",
      "Disrupted weapons use",
      "Headquarters or base established",
      "Looting/property destruction",
      "Non-violent transfer of territory",
      "Other",
    ],
  },
] as const;

/** Events outside ACLED's taxonomy (diplomatic, claims, disasters…) have no event type. */
export const OTHER_COLOUR = "#8d6e63";
export const OTHER_LABEL = "Outside ACLED's types";

export const MODALITIES = ["asserted", "negated", "future", "hypothetical", "reported"] as const;

export function colourOf(eventType: string | null | undefined): string {
  return EVENT_TYPES.find((entry) => entry.type === eventType)?.colour ?? OTHER_COLOUR;
}

export function subTypesOf(eventType: string | undefined): readonly string[] {
  if (eventType === undefined) return EVENT_TYPES.flatMap((entry) => entry.subTypes);
  return EVENT_TYPES.find((entry) => entry.type === eventType)?.subTypes ?? [];
}

/** A CSS class per type, so that colours live in the stylesheet's custom properties as well as here. */
export function typeClass(eventType: string | null | undefined): string {
  const index = EVENT_TYPES.findIndex((entry) => entry.type === eventType);
  return index < 0 ? "type-other" : `type-${index}`;
}
