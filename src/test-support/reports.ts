/**
 * For the corpus' tests (clustering, corroboration, the store, the exports):
 * event reports built in one line. The defaults describe one armed clash in
 * Aleppo on 10 March 2024, from a document with no known publisher, so a test
 * states only what it is about.
 */
import type { ActorFacts, EventReport, OutletFacts, PlaceFacts } from "../corpus/types.js";
import { ACLED_EVENT_TYPE, type AcledSubEventType } from "../events/lexicon.js";

/** Aleppo (GeoNames 170063), the default place. */
export const ALEPPO: PlaceFacts = { id: "geonames:170063", name: "Aleppo", country: "SY", admin1: "Aleppo", lat: 36.20124, lon: 37.16117, feature: "PPLA" };

/**
 * A report keyed `<documentId>/<eventId>`: the document and event ids are read
 * from the key unless given. When only `subEventType` is given, `eventType`
 * is its ACLED event type.
 */
export function eventReport(overrides: Partial<EventReport> & { key: string }): EventReport {
  const slash = overrides.key.indexOf("/");
  const documentId = slash < 0 ? overrides.key : overrides.key.slice(0, slash);
  const eventId = slash < 0 ? "e1" : overrides.key.slice(slash + 1);
  const subEventType = overrides.subEventType === undefined ? "Armed clash" : overrides.subEventType;
  const eventType = subEventType !== null && subEventType in ACLED_EVENT_TYPE ? ACLED_EVENT_TYPE[subEventType as AcledSubEventType] : null;
  return {
    documentId,
    eventId,
    url: null,
    title: null,
    published: "2024-03-10",
    language: "en",
    outlet: null,
    origins: [],
    eventType,
    subEventType,
    scope: "acled",
    ploverType: "ASSAULT",
    ploverMode: null,
    modality: "asserted",
    dateText: "on Sunday",
    dateValue: "2024-03-10",
    timePrecision: 1,
    place: ALEPPO,
    geoPrecision: 1,
    actor1: [],
    actor2: [],
    fatalities: null,
    trigger: "clashes",
    sentence: "Clashes broke out in Aleppo on Sunday.",
    confidence: 0.8,
    rules: ["events:test"],
    ...overrides,
  };
}

/** An independent private outlet named after its id, unless told otherwise. */
export function outletFacts(id: string, overrides: Partial<OutletFacts> = {}): OutletFacts {
  return { id, name: id, country: null, ownership: "private", owner: null, alignment: "independent", affiliation: null, ...overrides };
}

/** An actor of the given id; a state force (inter 1) of no country unless told otherwise. */
export function actorFacts(id: string, overrides: Partial<ActorFacts> = {}): ActorFacts {
  return { id, name: id, inter: 1, country: null, ...overrides };
}

/** A populated place of the given id at the given point. */
export function placeFacts(id: string, lat: number, lon: number, overrides: Partial<PlaceFacts> = {}): PlaceFacts {
  return { id, name: id, country: null, admin1: null, lat, lon, feature: "PPL", ...overrides };
}
