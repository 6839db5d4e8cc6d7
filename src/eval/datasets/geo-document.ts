/**
 * A document of a toponym gold set, read from its original format: the text,
 * and the toponyms with offsets that are checked to slice the text to the
 * toponym's own text. Offsets the data states wrongly are repaired where the
 * phrase can be found (and keep the stated offsets), else the toponym is
 * dropped with the reason: nothing is silently lost or silently moved.
 */
import type { Span } from "../../model/span.js";
import { alignToponym } from "./align-toponym.js";

export interface GoldToponym extends Span {
  /** `text.slice(start, end)` of the document. */
  text: string;
  lat: number | null;
  lon: number | null;
  geonameId: string | null;
  /** The data set's own label for it, e.g. GeoWebNews "Literal", IDRISI "City/town". */
  kind?: string;
  /** The offsets the data stated, when they did not slice to `text` and were repaired. */
  stated?: Span;
}

/** A toponym the data states that is not scored, with the offsets the data stated. */
export interface DroppedToponym extends Span {
  text: string;
  /** `unaligned`: its phrase is not at or near its offsets; `duplicate`: the same annotation again. */
  code: "unaligned" | "duplicate";
  reason: string;
}

export interface GeoDocument {
  id: string;
  text: string;
  toponyms: GoldToponym[];
  dropped: DroppedToponym[];
  url?: string;
}

/** A toponym as the data states it, before its offsets are checked. */
export interface StatedToponym extends Span {
  text: string;
  lat: number | null;
  lon: number | null;
  geonameId: string | null;
  kind?: string;
}

/** Checks every stated toponym against the text; repairs or drops what does not slice. */
export function buildGeoDocument(id: string, text: string, stated: readonly StatedToponym[], url?: string): GeoDocument {
  const toponyms: GoldToponym[] = [];
  const dropped: DroppedToponym[] = [];
  const seen = new Set<string>();
  for (const toponym of stated) {
    const alignment = alignToponym(text, toponym.text, toponym);
    if ("dropped" in alignment) {
      dropped.push({ start: toponym.start, end: toponym.end, text: toponym.text, code: "unaligned", reason: alignment.dropped });
      continue;
    }
    // IDRISI repeats some mentions verbatim; a second copy is not a second toponym.
    const key = JSON.stringify([alignment.span.start, alignment.span.end, toponym.kind, toponym.lat, toponym.lon, toponym.geonameId]);
    if (seen.has(key)) {
      dropped.push({ start: toponym.start, end: toponym.end, text: toponym.text, code: "duplicate", reason: "the same annotation (span, kind, coordinates, id) appears earlier" });
      continue;
    }
    seen.add(key);
    toponyms.push({
      ...toponym,
      start: alignment.span.start,
      end: alignment.span.end,
      ...(alignment.corrected ? { stated: { start: toponym.start, end: toponym.end } } : {}),
    });
  }
  toponyms.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id, text, toponyms, dropped, ...(url === undefined ? {} : { url }) };
}

/** Latitude and longitude from the data's strings; both null unless both are valid. */
export function parseCoordinates(lat: unknown, lon: unknown): { lat: number | null; lon: number | null } {
  const latitude = parseNumber(lat);
  const longitude = parseNumber(lon);
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return { lat: null, lon: null };
  return { lat: latitude, lon: longitude };
}

function parseNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : null;
}

/** A GeoNames id is a positive integer; anything else (empty, "N/A") is no id. */
export function parseGeonameId(value: unknown): string | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  return /^[1-9]\d*$/.test(text) ? text : null;
}

/** Counts for the notes of a report: what was read and what had to be repaired or dropped. */
export interface GeoReadCounts {
  documents: number;
  toponyms: number;
  withCoordinates: number;
  withGeonameId: number;
  corrected: number;
  /** Stated toponyms whose phrase could not be found at or near their offsets. */
  dropped: number;
  duplicates: number;
}

export function countGeoDocuments(documents: readonly GeoDocument[]): GeoReadCounts {
  const counts: GeoReadCounts = { documents: documents.length, toponyms: 0, withCoordinates: 0, withGeonameId: 0, corrected: 0, dropped: 0, duplicates: 0 };
  for (const document of documents) {
    counts.toponyms += document.toponyms.length;
    for (const dropped of document.dropped) counts[dropped.code === "duplicate" ? "duplicates" : "dropped"]++;
    for (const toponym of document.toponyms) {
      if (toponym.lat !== null && toponym.lon !== null) counts.withCoordinates++;
      if (toponym.geonameId !== null) counts.withGeonameId++;
      if (toponym.stated !== undefined) counts.corrected++;
    }
  }
  return counts;
}
