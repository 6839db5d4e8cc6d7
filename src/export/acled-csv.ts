/**
 * ACLED-style CSV: one row per corpus event with exactly ACLED's columns, in
 * ACLED's order (the 2023 layout, with disorder_type, civilian_targeting and
 * tags), so that tools written for ACLED's exports read it unchanged; then
 * sitrep's provenance columns, all prefixed `sitrep_`, which ACLED's format
 * has no room for: who reported the event, how independent they are, and
 * every fatality figure they gave.
 *
 * ACLED's conventions: event_date is YYYY-MM-DD; iso is the ISO 3166-1
 * numeric code; the first actor of a side is actor1/actor2 and the others
 * are its associated actors, joined with "; " as ACLED joins them; inter
 * codes are 0 for a missing actor; fatalities is the most conservative
 * figure; timestamp is Unix seconds of the last change.
 *
 * Multi-valued sitrep_ columns hold JSON (an array or an object), so that a
 * value containing "; " or a comma survives and a reader can parse it back
 * exactly. Events outside ACLED's taxonomy (a diplomatic expulsion, a claim)
 * still get a row, with the ACLED type columns empty and sitrep_scope saying
 * what they are. Rows are written with RFC 4180 quoting and CRLF line ends.
 */
import { stringify } from "csv-stringify";
import countryCodes from "i18n-iso-countries";
import { countryName } from "../actors/country-names.js";
import type { ActorFacts, CorpusEvent } from "../corpus/types.js";
import { civilianTargeting, disorderType, interaction, sourceScale } from "./acled-codes.js";
import { acledRegion } from "./acled-regions.js";
import { distinct, eventDay, fatalityRange, publishers, reviewStatus } from "./event-facts.js";
import type { ExportFormatDefinition } from "./format.js";

export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

export const SITREP_COLUMNS = [
  "sitrep_cluster_id",
  "sitrep_scope",
  "sitrep_modality",
  "sitrep_confidence",
  // JSON array of the member report keys (`<documentId>/<eventId>`).
  "sitrep_reports",
  // JSON array of the members' article URLs.
  "sitrep_urls",
  "sitrep_independent_outlets",
  // JSON object: publishers per alignment.
  "sitrep_alignments",
  "sitrep_single_source",
  "sitrep_one_sided",
  // The party the reporting is one-sided towards, when it is.
  "sitrep_side",
  "sitrep_fatalities_disagree",
  // JSON array of every fatality claim with the reports and outlets that gave it: ACLED's one number cannot hold a contradiction.
  "sitrep_fatality_claims",
  // confirmed, corrected, rejected or unreviewed.
  "sitrep_review",
  // JSON array of the clustering rules that merged the members.
  "sitrep_merge_rules",
  // JSON array of the stage rules that coded the members.
  "sitrep_coding_rules",
  // JSON array of the members' trigger words.
  "sitrep_trigger",
] as const;

export const ACLED_CSV_HEADER = [...ACLED_COLUMNS, ...SITREP_COLUMNS] as const;

export type AcledCsvColumn = (typeof ACLED_CSV_HEADER)[number];
export type AcledCsvRow = Record<AcledCsvColumn, string | number>;

export function acledRow(event: CorpusEvent): AcledCsvRow {
  const { summary } = event;
  const { place, corroboration } = summary;
  const country = place?.country ?? null;
  const day = eventDay(event);
  const disorder = disorderType(summary.eventType, summary.subEventType);
  const side1 = actorColumns(summary.actor1);
  const side2 = actorColumns(summary.actor2);
  const numericCode = country === null ? undefined : countryCodes.alpha2ToNumeric(country);
  const outlets = publishers(event);
  const reports = event.members.map((member) => member.report);
  return {
    event_id_cnty: eventIdCnty(event.id, country),
    event_date: day ?? "",
    year: day?.slice(0, 4) ?? "",
    time_precision: summary.timePrecision ?? "",
    disorder_type: disorder,
    event_type: summary.eventType ?? "",
    sub_event_type: summary.subEventType ?? "",
    actor1: side1.actor,
    assoc_actor_1: side1.associates,
    inter1: side1.inter,
    actor2: side2.actor,
    assoc_actor_2: side2.associates,
    inter2: side2.inter,
    interaction: interaction(side1.inter, side2.inter),
    civilian_targeting: civilianTargeting(disorder, side2.inter),
    // ACLED writes the numeric code as a number: 4 for Afghanistan, not "004".
    iso: numericCode === undefined ? "" : Number(numericCode),
    region: country === null ? "" : (acledRegion(country) ?? ""),
    country: country === null ? "" : countryName(country),
    admin1: place?.admin1 ?? "",
    // sitrep's places carry their first-level region only.
    admin2: "",
    admin3: "",
    location: place?.name ?? "",
    latitude: place?.lat ?? "",
    longitude: place?.lon ?? "",
    geo_precision: summary.geoPrecision ?? "",
    source: outlets.map((outlet) => outlet.name).join("; "),
    source_scale: sourceScale(outlets, country),
    notes: summary.notes,
    fatalities: fatalityRange(event)?.low ?? 0,
    // ACLED's tags record crowd sizes and targeted groups as the reports give them; sitrep extracts neither, and "crowd size=no report" would claim what it does not know.
    tags: "",
    timestamp: Math.floor(Date.parse(event.updatedAt) / 1000),
    sitrep_cluster_id: event.id,
    sitrep_scope: summary.scope,
    sitrep_modality: summary.modality,
    sitrep_confidence: summary.confidence,
    sitrep_reports: JSON.stringify(reports.map((report) => report.key)),
    sitrep_urls: JSON.stringify(distinct(reports.flatMap((report) => (report.url === null ? [] : [report.url])))),
    sitrep_independent_outlets: corroboration.independentOutlets,
    sitrep_alignments: JSON.stringify(corroboration.alignments),
    sitrep_single_source: String(corroboration.singleSource),
    sitrep_one_sided: String(corroboration.oneSided),
    sitrep_side: corroboration.side ?? "",
    sitrep_fatalities_disagree: String(summary.fatalitiesDisagree),
    sitrep_fatality_claims: JSON.stringify(summary.fatalities),
    sitrep_review: reviewStatus(event),
    sitrep_merge_rules: JSON.stringify(distinct(event.members.flatMap((member) => member.merged?.rules ?? [])).sort()),
    sitrep_coding_rules: JSON.stringify(distinct(reports.flatMap((report) => report.rules)).sort()),
    sitrep_trigger: JSON.stringify(distinct(reports.map((report) => report.trigger))),
  };
}

function actorColumns(actors: readonly ActorFacts[]): { actor: string; associates: string; inter: number } {
  const [first, ...rest] = actors;
  return { actor: first?.name ?? "", associates: rest.map((actor) => actor.name).join("; "), inter: first?.inter ?? 0 };
}

/**
 * ACLED's ids are the country's alpha-3 code and a number; here the number is
 * the cluster id with everything but letters and digits removed, so the id
 * stays the same across exports. An event with no country has the bare id.
 */
function eventIdCnty(clusterId: string, country: string | null): string {
  const prefix = country === null ? "" : (countryCodes.alpha2ToAlpha3(country) ?? "");
  return `${prefix}${clusterId.replace(/[^A-Za-z0-9]/g, "")}`;
}

export const acledCsv: ExportFormatDefinition<AcledCsvRow> = {
  record: acledRow,
  encoder: () =>
    stringify({
      header: true,
      columns: [...ACLED_CSV_HEADER],
      record_delimiter: "\r\n",
      // csv-stringify quotes a field holding the record delimiter, CRLF here; a lone LF or CR in a note must be quoted too.
      quoted_match: /[\r\n]/,
    }),
};
