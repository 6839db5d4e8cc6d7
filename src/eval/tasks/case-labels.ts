/**
 * The CASE 2021 Task 2 labels (Haneczok et al. 2021) and how an event record
 * maps onto them: the 25 ACLED sub-event types by their CASE codes, and the
 * "unseen" types by the event's scope. Written from the task's
 * `Note_on_EVENT_TYPES.txt`; ACLED's names and event types come from the
 * events lexicon.
 */
import type { EventRecord, EventScope } from "../../model/analysis.js";
import { ACLED_EVENT_TYPE, type AcledSubEventType as AcledSubEventName } from "../../events/lexicon.js";
import { NO_LABEL } from "../classification-metrics.js";

export interface AcledSubEventType {
  eventType: string;
  subEventType: AcledSubEventName;
  caseLabel: string;
}

/** The CASE code of each ACLED sub-event type. */
const CASE_CODES: Readonly<Record<AcledSubEventName, string>> = {
  "Armed clash": "ARMED_CLASH",
  "Government regains territory": "GOV_REGAINS_TERIT",
  "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
  "Chemical weapon": "CHEM_WEAP",
  "Air/drone strike": "AIR_STRIKE",
  "Suicide bomb": "SUIC_BOMB",
  "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
  "Remote explosive/landmine/IED": "REM_EXPLOS",
  Grenade: "GRENADE",
  "Sexual violence": "SEX_VIOL",
  Attack: "ATTACK",
  "Abduction/forced disappearance": "ABDUCT_DISSAP",
  "Peaceful protest": "PEACE_PROTEST",
  "Protest with intervention": "PROTEST_WITH_INTER",
  "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
  "Violent demonstration": "VIOL_DEMONSTR",
  "Mob violence": "MOB_VIOL",
  Agreement: "AGREEMENT",
  Arrests: "ARREST",
  "Change to group/activity": "CHANGE_TO_GROUP_ACT",
  "Disrupted weapons use": "DISR_WEAP",
  "Headquarters or base established": "HQ_ESTABLISHED",
  "Looting/property destruction": "PROPERTY_DISTRUCT",
  "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
  Other: "OTHER",
};

/** ACLED's six event types and 25 sub-event types, with the CASE code of each. */
export const ACLED_SUB_EVENT_TYPES: readonly AcledSubEventType[] = (Object.keys(CASE_CODES) as AcledSubEventName[]).map((subEventType) => ({
  eventType: ACLED_EVENT_TYPE[subEventType],
  subEventType,
  caseLabel: CASE_CODES[subEventType],
}));

/**
 * The CASE label of each scope outside ACLED. `political` (an election, a
 * resignation) is none of CASE's classes, so an event of that scope predicts
 * nothing rather than a class it is not.
 */
export const SCOPE_CASE_LABELS: Readonly<Record<Exclude<EventScope, "acled">, string>> = {
  "organised-crime": "ORG_CRIME",
  "natural-disaster": "NATURAL_DISASTER",
  "man-made-disaster": "MAN_MADE_DISASTER",
  diplomatic: "DIPLO",
  claim: "ATTRIB",
  political: NO_LABEL,
};

/** The five "unseen" CASE types, which are no ACLED sub-event type. */
export const CASE_UNSEEN_LABELS: readonly string[] = ["ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"];

/** All 30 CASE 2021 Task 2 labels, in alphabetical order. */
export const CASE_LABELS: readonly string[] = [...ACLED_SUB_EVENT_TYPES.map((type) => type.caseLabel), ...CASE_UNSEEN_LABELS].sort();

const BY_SUB_EVENT_TYPE = new Map<string, AcledSubEventType>(ACLED_SUB_EVENT_TYPES.map((type) => [type.subEventType, type]));
const BY_CASE_LABEL = new Map(ACLED_SUB_EVENT_TYPES.map((type) => [type.caseLabel, type]));

/** The CASE label an event record amounts to; `none` for a political event. */
export function caseLabel(event: EventRecord): string {
  if (event.scope !== "acled") return SCOPE_CASE_LABELS[event.scope];
  if (event.acled === null) throw new Error(`caseLabel: event ${event.id} has scope "acled" but no acled types; the contract requires both`);
  const type = BY_SUB_EVENT_TYPE.get(event.acled.sub_event_type);
  if (type === undefined) {
    throw new Error(
      `caseLabel: event ${event.id} has ACLED sub-event type "${event.acled.sub_event_type}"; expected one of ${ACLED_SUB_EVENT_TYPES.map((item) => `"${item.subEventType}"`).join(", ")}`,
    );
  }
  return type.caseLabel;
}

/**
 * The coarse class of a CASE label: its ACLED event type, or the label itself
 * for the unseen types, which have no ACLED parent. Any other label is kept
 * as it is, so an unknown gold label stays visible rather than being merged.
 */
export function caseEventType(label: string): string {
  return BY_CASE_LABEL.get(label)?.eventType ?? label;
}
