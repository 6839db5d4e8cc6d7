/**
 * From a lexicon category to the contract's codes: ACLED event type and
 * sub-event type, or the scope of an occurrence outside ACLED's taxonomy.
 */
import type { EventRecord, EventScope } from "../model/analysis.js";
import { ACLED_EVENT_TYPE, type AcledSubEventType, type EventCategory } from "./lexicon.js";

export function isAcledSubEvent(category: EventCategory): category is AcledSubEventType {
  return Object.hasOwn(ACLED_EVENT_TYPE, category);
}

/** The family one occurrence's triggers are pooled in: its ACLED event type, or its scope. */
export function familyOf(category: EventCategory): string {
  return isAcledSubEvent(category) ? ACLED_EVENT_TYPE[category] : category;
}

export function codeCategory(category: EventCategory): Pick<EventRecord, "acled" | "scope"> {
  if (isAcledSubEvent(category)) return { acled: { event_type: ACLED_EVENT_TYPE[category], sub_event_type: category }, scope: "acled" };
  return { acled: null, scope: category as EventScope };
}
