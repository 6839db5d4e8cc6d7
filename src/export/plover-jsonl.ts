/**
 * PLOVER event records, one JSON object per line (the layout the codebook
 * recommends), with the field names of the PLOVER codebook's "JSON Data
 * Fields" chapter (draft 0.7b1): id, date, source, recipient, event,
 * event_loc, event_text, mode, context, text, cite_info, coder, coded_date,
 * and `dead` from the ASSAULT supplementary fields. As in the PLOVER gold
 * standard records, `event` and `mode` are single values (sitrep codes one
 * type per event); `context` is a list because an event can have several.
 *
 * Departures, each because a corpus event is a cluster of reports rather
 * than one coded sentence: `cite_info` is a list with one citation per
 * member report; `text` is the cluster's most informative sentence;
 * `dead` is the most conservative figure and `dead_claims` (an extension,
 * which the codebook allows) keeps every figure with its outlets. Other
 * extensions: `modality` and each actor's ACLED `acled_inter`.
 *
 * Events with no PLOVER type (a claim of responsibility, a robbery, an
 * earthquake) are skipped.
 */
import countryCodes from "i18n-iso-countries";
import type { ActorFacts, CorpusEvent, FatalityClaim, PlaceFacts } from "../corpus/types.js";
import type { Modality } from "../model/analysis.js";
import { VERSION } from "../version.js";
import { distinct, eventDay, fatalityRange } from "./event-facts.js";
import type { ExportFormatDefinition } from "./format.js";
import { jsonLinesEncoder } from "./jsonl.js";

/** The codebook's actor object. */
export interface PloverActor {
  /** PLOVER's actor code: the ISO 3166-1 alpha-3 code of the actor's country; null for an actor with none. */
  code: string | null;
  /** sitrep's actor-dictionary id. */
  identifier_id: string;
  /** The actor's canonical name. */
  identifier_text: string;
  acled_inter: number;
}

/** The codebook's location object, which takes GeoNames' field names. */
export interface PloverLocation {
  /** Null for a place from another gazetteer. */
  geonameid: number | null;
  name: string;
  latitude: number;
  longitude: number;
  "feature code": string | null;
  "country code": string | null;
  cc3: string | null;
}

/** The codebook's citation object, one per member report. */
export interface PloverCitation {
  /** The report key, `<documentId>/<eventId>`. */
  citation: string;
  url: string | null;
  title: string | null;
  language: string;
  publication: string | null;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  source: PloverActor[];
  recipient: PloverActor[];
  event: string;
  event_loc: PloverLocation | null;
  event_text: string[];
  mode: string | null;
  context: string[];
  text: string;
  cite_info: PloverCitation[];
  coder: string;
  coded_date: string;
  dead: number | null;
  dead_claims: FatalityClaim[];
  modality: Modality;
}

/**
 * The codebook's general contexts that the event's own coding implies.
 * POLECAT sets contexts with a document classifier, which sitrep does not
 * have; these are only the ones its event scope, sub-event type and modality
 * establish.
 */
const CONTEXT_BY_SCOPE: Readonly<Record<string, string>> = {
  diplomatic: "diplomatic",
  political: "political",
  "organised-crime": "crime",
  "natural-disaster": "enviro_disaster",
  "man-made-disaster": "enviro_disaster",
};
const CONTEXT_BY_SUB_EVENT_TYPE: Readonly<Record<string, string>> = { "Chemical weapon": "cbrn" };
const CONTEXT_BY_MODALITY: Readonly<Record<string, string>> = { future: "future", hypothetical: "hypothetical" };

export function ploverRecord(event: CorpusEvent): PloverRecord | null {
  const { summary } = event;
  if (summary.ploverType === null) return null;
  const reports = event.members.map((member) => member.report);
  // The codebook codes every party to two-sided violence as a source; ACLED's battles are exactly that.
  const twoSided = summary.eventType === "Battles";
  return {
    id: event.id,
    date: eventDay(event),
    source: (twoSided ? [...summary.actor1, ...summary.actor2] : summary.actor1).map(ploverActor),
    recipient: twoSided ? [] : summary.actor2.map(ploverActor),
    event: summary.ploverType,
    event_loc: summary.place === null ? null : ploverLocation(summary.place),
    event_text: distinct(reports.map((report) => report.trigger)),
    mode: summary.ploverMode,
    context: contexts(event),
    text: summary.notes,
    cite_info: reports.map((report) => ({
      citation: report.key,
      url: report.url,
      title: report.title,
      language: report.language,
      publication: report.outlet?.name ?? null,
    })),
    coder: `sitrep ${VERSION}`,
    coded_date: event.updatedAt.slice(0, 10),
    dead: fatalityRange(event)?.low ?? null,
    dead_claims: summary.fatalities,
    modality: summary.modality,
  };
}

function ploverActor(actor: ActorFacts): PloverActor {
  return {
    code: actor.country === null ? null : (countryCodes.alpha2ToAlpha3(actor.country) ?? null),
    identifier_id: actor.id,
    identifier_text: actor.name,
    acled_inter: actor.inter,
  };
}

function ploverLocation(place: PlaceFacts): PloverLocation {
  const geonameid = /^geonames:(\d+)$/.exec(place.id)?.[1];
  return {
    geonameid: geonameid === undefined ? null : Number(geonameid),
    name: place.name,
    latitude: place.lat,
    longitude: place.lon,
    "feature code": place.feature,
    "country code": place.country,
    cc3: place.country === null ? null : (countryCodes.alpha2ToAlpha3(place.country) ?? null),
  };
}

function contexts(event: CorpusEvent): string[] {
  const { scope, subEventType, modality } = event.summary;
  const found = [CONTEXT_BY_SCOPE[scope], subEventType === null ? undefined : CONTEXT_BY_SUB_EVENT_TYPE[subEventType], CONTEXT_BY_MODALITY[modality]];
  return found.filter((context) => context !== undefined);
}

export const ploverJsonl: ExportFormatDefinition<PloverRecord> = {
  record: ploverRecord,
  encoder: jsonLinesEncoder,
};
