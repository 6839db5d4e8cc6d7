/**
 * For the event tasks' tests: event records built by hand, and a stand-in
 * pipeline that finds fixed words as places and triggers, so a task's scores
 * can be worked out in advance whatever the real events stage does.
 */
import type { EventRecord, EventScope, PlaceMention } from "../model/analysis.js";
import type { Doc } from "../model/document.js";
import { createSpanCheckStage } from "../pipeline/check-spans.js";
import type { Stage } from "../pipeline/stage.js";
import { ACLED_SUB_EVENT_TYPES } from "../eval/tasks/case-labels.js";

export interface EventInit {
  id?: string;
  start: number;
  text: string;
  scope?: EventScope;
  /** An ACLED sub-event type; its event type is looked up. */
  subEventType?: string;
  plover?: { type: string; mode: string | null };
  confidence?: number;
  location?: string | null;
}

export function eventRecord(init: EventInit): EventRecord {
  const scope = init.scope ?? "acled";
  const subEventType = init.subEventType ?? "Armed clash";
  const eventType = ACLED_SUB_EVENT_TYPES.find((type) => type.subEventType === subEventType)?.eventType ?? "Unknown";
  const trigger = { start: init.start, end: init.start + init.text.length, text: init.text };
  return {
    id: init.id ?? `e${init.start}`,
    trigger,
    evidence: [trigger],
    sentence: { start: trigger.start, end: trigger.end },
    acled: scope === "acled" ? { event_type: eventType, sub_event_type: subEventType } : null,
    scope,
    plover: init.plover ?? { type: "ASSAULT", mode: null },
    actor1: [],
    actor2: [],
    location: init.location ?? null,
    geo_precision: null,
    date: null,
    date_value: null,
    time_precision: null,
    fatalities: null,
    modality: "asserted",
    sources: [],
    confidence: init.confidence ?? 0.5,
    by: ["events:test"],
  };
}

export interface FakeTrigger extends Omit<EventInit, "start" | "text" | "location" | "id"> {
  word: string;
  /** Whether the event takes the first place mention after its trigger as its location; true unless said. */
  located?: boolean;
}

/** Places: every occurrence of `placeNames`; events: every occurrence of a trigger word; then the span check. */
export function fakeEventStages(triggers: readonly FakeTrigger[], placeNames: readonly string[]): Stage[] {
  const places = function places(doc: Doc): Doc {
    const found: PlaceMention[] = [];
    for (const name of placeNames) {
      for (const at of occurrences(doc.document.text, name)) {
        found.push({ id: `p${at}`, start: at, end: at + name.length, text: name, kind: "toponym", resolved: null, score: 1, precision: 1, alternatives: [], by: "places:test" });
      }
    }
    return { ...doc, places: found.sort((a, b) => a.start - b.start) };
  };
  const events = function events(doc: Doc): Doc {
    const found: EventRecord[] = [];
    for (const { word, located, ...init } of triggers) {
      for (const at of occurrences(doc.document.text, word)) {
        const place = located === false ? undefined : doc.places.find((item) => item.start >= at + word.length);
        found.push(eventRecord({ ...init, start: at, text: word, location: place?.id ?? null }));
      }
    }
    return { ...doc, events: found };
  };
  return [places, events, createSpanCheckStage()];
}

function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) found.push(at);
  return found;
}
