/**
 * GeoJSON (RFC 7946): a FeatureCollection of Points, one per located event,
 * written as a stream (the opening, one Feature per line, the closing) so a
 * large corpus never sits in memory as one array. Positions are
 * [longitude, latitude] in WGS 84, the only reference system RFC 7946 allows,
 * so no `crs` member is written. Properties are flat scalars, so that map
 * libraries can style and filter on them without unpacking: lists of names
 * are joined with "; ". An event without a place has no geometry a map could
 * show and is skipped.
 */
import { Transform } from "node:stream";
import type { ActorFacts, CorpusEvent, PlaceFacts } from "../corpus/types.js";
import { eventDay, fatalityRange, publishers, reviewStatus, type ReviewStatus } from "./event-facts.js";
import type { ExportFormatDefinition } from "./format.js";

export interface EventProperties {
  id: string;
  event_type: string | null;
  sub_event_type: string | null;
  scope: string;
  modality: string;
  date: string | null;
  time_precision: number | null;
  location: string;
  country: string | null;
  admin1: string | null;
  geo_precision: number | null;
  actor1: string;
  actor2: string;
  fatalities_low: number | null;
  fatalities_high: number | null;
  fatalities_disagree: boolean;
  reports: number;
  independent_outlets: number;
  single_source: boolean;
  one_sided: boolean;
  review: ReviewStatus;
  /** The publishing outlets' names. */
  sources: string;
  confidence: number;
}

export interface EventFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [longitude: number, latitude: number] };
  properties: EventProperties;
}

/** RFC 7946 §11.2: six decimal places (about 10 cm) are more than any gazetteer point means. */
const COORDINATE_DECIMALS = 1e6;

export function eventFeature(event: CorpusEvent): EventFeature | null {
  const { summary } = event;
  const { place, corroboration } = summary;
  if (place === null) return null;
  const fatalities = fatalityRange(event);
  return {
    type: "Feature",
    id: event.id,
    geometry: { type: "Point", coordinates: position(place) },
    properties: {
      id: event.id,
      event_type: summary.eventType,
      sub_event_type: summary.subEventType,
      scope: summary.scope,
      modality: summary.modality,
      date: eventDay(event),
      time_precision: summary.timePrecision,
      location: place.name,
      country: place.country,
      admin1: place.admin1,
      geo_precision: summary.geoPrecision,
      actor1: names(summary.actor1),
      actor2: names(summary.actor2),
      fatalities_low: fatalities?.low ?? null,
      fatalities_high: fatalities?.high ?? null,
      fatalities_disagree: summary.fatalitiesDisagree,
      reports: corroboration.reports,
      independent_outlets: corroboration.independentOutlets,
      single_source: corroboration.singleSource,
      one_sided: corroboration.oneSided,
      review: reviewStatus(event),
      sources: publishers(event)
        .map((outlet) => outlet.name)
        .join("; "),
      confidence: summary.confidence,
    },
  };
}

/** [longitude, latitude], as RFC 7946 §3.1.1 orders a position. */
function position(place: PlaceFacts): [number, number] {
  const { lon, lat } = place;
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
    throw new Error(`eventFeature: place ${place.id} must have WGS 84 coordinates (lon −180…180, lat −90…90), found lon ${lon}, lat ${lat}`);
  }
  return [Math.round(lon * COORDINATE_DECIMALS) / COORDINATE_DECIMALS, Math.round(lat * COORDINATE_DECIMALS) / COORDINATE_DECIMALS];
}

function names(actors: readonly ActorFacts[]): string {
  return actors.map((actor) => actor.name).join("; ");
}

const OPENING = '{"type":"FeatureCollection","features":[\n';
const CLOSING = "]}\n";

function featureCollectionEncoder(): Transform {
  let opened = false;
  return new Transform({
    writableObjectMode: true,
    transform(feature: EventFeature, _encoding, done) {
      const separator = opened ? ",\n" : OPENING;
      opened = true;
      done(null, separator + JSON.stringify(feature));
    },
    flush(done) {
      done(null, opened ? `\n${CLOSING}` : OPENING + CLOSING);
    },
  });
}

export const geojson: ExportFormatDefinition<EventFeature> = {
  record: eventFeature,
  encoder: featureCollectionEncoder,
};
