/**
 * ACLED's derived codes, as its codebook defines them: the disorder type of an
 * event type, the interaction of two actor types, civilian targeting, and the
 * geographic scale of the sources.
 */
import type { OutletFacts } from "../corpus/types.js";
import type { AcledEventType } from "../events/lexicon.js";
import { acledRegion } from "./acled-regions.js";

const DISORDER_BY_EVENT_TYPE: Readonly<Record<AcledEventType, string>> = {
  Battles: "Political violence",
  "Explosions/Remote violence": "Political violence",
  "Violence against civilians": "Political violence",
  Protests: "Demonstrations",
  Riots: "Demonstrations",
  "Strategic developments": "Strategic developments",
};

/**
 * Sub-event types whose disorder type is not their event type's: mob violence
 * is political violence although it is a riot, and excessive force against
 * protesters is both the violence and the demonstration it was used against.
 */
const DISORDER_BY_SUB_EVENT_TYPE: Readonly<Record<string, string>> = {
  "Mob violence": "Political violence",
  "Excessive force against protesters": "Political violence; Demonstrations",
};

/** ACLED's `disorder_type`; "" for an event outside ACLED's taxonomy. */
export function disorderType(eventType: string | null, subEventType: string | null): string {
  if (eventType === null) return "";
  const bySubEvent = subEventType === null ? undefined : DISORDER_BY_SUB_EVENT_TYPE[subEventType];
  if (bySubEvent !== undefined) return bySubEvent;
  if (!Object.hasOwn(DISORDER_BY_EVENT_TYPE, eventType)) {
    throw new Error(`disorderType: expected one of ACLED's event types (${Object.keys(DISORDER_BY_EVENT_TYPE).join(", ")}), found ${JSON.stringify(eventType)}`);
  }
  return DISORDER_BY_EVENT_TYPE[eventType as AcledEventType];
}

/**
 * ACLED's two-digit `interaction`: the two actor types with the smaller
 * first (a state force against civilians is 17 whichever is actor 1), and
 * ten times the type for an event with one actor (protesters alone are 60).
 * 0 when neither actor is known.
 */
export function interaction(inter1: number, inter2: number): number {
  const [low, high] = inter1 <= inter2 ? [inter1, inter2] : [inter2, inter1];
  return low === 0 ? high * 10 : low * 10 + high;
}

/** ACLED's `civilian_targeting`: political violence whose actor 2 is civilians (inter code 7). */
export function civilianTargeting(disorder: string, inter2: number): string {
  return disorder.includes("Political violence") && inter2 === 7 ? "Civilian targeting" : "";
}

type SourceScale = "National" | "Regional" | "International" | "Other";

/** Narrowest first, as ACLED writes combined scales ("National-International"). */
const SCALE_ORDER: readonly SourceScale[] = ["National", "Regional", "International", "Other"];

/**
 * ACLED's `source_scale`, from where each publisher sits relative to the
 * event: an international wire is International wherever it is based; any
 * other outlet is National in the event's country, Regional elsewhere in the
 * event's ACLED region, International beyond it. An outlet with no known seat
 * (an armed group's media, a site the registry lacks) is Other. Without the
 * event's country only wires and seatless outlets can be placed. Several
 * scales are joined narrowest first with "-", as ACLED does; sitrep has no
 * local-partner, subnational or new-media distinction in its registry, so
 * it never writes those scales.
 */
export function sourceScale(outlets: readonly OutletFacts[], eventCountry: string | null): string {
  const scales = new Set<SourceScale>();
  for (const outlet of outlets) {
    const scale = outletScale(outlet, eventCountry);
    if (scale !== null) scales.add(scale);
  }
  return SCALE_ORDER.filter((scale) => scales.has(scale)).join("-");
}

function outletScale(outlet: OutletFacts, eventCountry: string | null): SourceScale | null {
  if (outlet.alignment === "wire") return "International";
  if (outlet.country === null) return "Other";
  if (eventCountry === null) return null;
  if (outlet.country === eventCountry) return "National";
  const region = acledRegion(eventCountry);
  return region !== null && acledRegion(outlet.country) === region ? "Regional" : "International";
}
