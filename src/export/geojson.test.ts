/**
 * The GeoJSON export is checked with @placemarkio/check-geojson: written by
 * the author of mapbox/geojsonhint as its successor (geojsonhint's README now
 * points to it), maintained, typed, MIT, and with no runtime dependencies. It
 * checks RFC 7946 structure (member types, positions, feature and collection
 * shape) but neither coordinate order nor the `crs` member, so those are
 * asserted here directly.
 */
import { getIssues } from "@placemarkio/check-geojson";
import { describe, expect, it } from "vitest";
import { ALEPPO, KABUL, SANA, corpusEvent, exportedText, fatalityClaim, members, report } from "../test-support/corpus-events.js";
import { eventFeature } from "./geojson.js";

interface Collection {
  type: string;
  features: { type: string; id: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[];
}

describe("GeoJSON export", () => {
  it("writes an RFC 7946 FeatureCollection that the validator accepts, without a crs member", async () => {
    const events = [
      corpusEvent({ id: "cl-1" }),
      corpusEvent({ id: "cl-2", summary: { place: KABUL, fatalities: [fatalityClaim(2, 4, ["doc-1/e1"], ["reuters"])] } }),
      corpusEvent({ id: "cl-3", summary: { eventType: null, subEventType: null, scope: "diplomatic", actor1: [], actor2: [] } }),
    ];
    const { text, written, skipped } = await exportedText("geojson", events);
    expect(getIssues(text)).toEqual([]);
    const collection = JSON.parse(text) as Collection & Record<string, unknown>;
    expect(collection.type).toBe("FeatureCollection");
    expect(collection).not.toHaveProperty("crs");
    expect(collection.features.map((feature) => feature.id)).toEqual(["cl-1", "cl-2", "cl-3"]);
    expect(collection.features.every((feature) => feature.type === "Feature" && feature.geometry.type === "Point")).toBe(true);
    expect({ written, skipped }).toEqual({ written: 3, skipped: 0 });
  });

  it("writes an empty collection that is still valid", async () => {
    const { text, written } = await exportedText("geojson", []);
    expect(getIssues(text)).toEqual([]);
    expect(JSON.parse(text)).toEqual({ type: "FeatureCollection", features: [] });
    expect(written).toBe(0);
  });

  it("puts longitude first: Kabul is at [69.17, 34.53], inside Afghanistan", async () => {
    const { text } = await exportedText("geojson", [corpusEvent({ summary: { place: KABUL } })]);
    const [lon, lat] = (JSON.parse(text) as Collection).features[0]?.geometry.coordinates ?? [];
    expect([lon, lat]).toEqual([69.17233, 34.52813]);
    // Afghanistan spans about 60.5–75.2°E and 29.4–38.5°N; swapped coordinates would fall in the Arctic.
    expect(lon).toBeGreaterThan(60.5);
    expect(lon).toBeLessThan(75.2);
    expect(lat).toBeGreaterThan(29.4);
    expect(lat).toBeLessThan(38.5);
  });

  it("skips events without a place and counts them", async () => {
    const { text, written, skipped } = await exportedText("geojson", [corpusEvent({ id: "a" }), corpusEvent({ id: "b", summary: { place: null } }), corpusEvent({ id: "c" })]);
    expect({ written, skipped }).toEqual({ written: 2, skipped: 1 });
    expect((JSON.parse(text) as Collection).features.map((feature) => feature.id)).toEqual(["a", "c"]);
    expect(getIssues(text)).toEqual([]);
  });

  it("streams: the opening, each feature and the closing are separate writes", async () => {
    const events = Array.from({ length: 5 }, (_, index) => corpusEvent({ id: `cl-${index}` }));
    const { text, writes } = await exportedText("geojson", events);
    expect(writes).toBe(6);
    expect(text.split("\n").filter((line) => line.startsWith('{"type":"Feature"'))).toHaveLength(5);
  });

  it("gives flat properties a map can style on", () => {
    const event = corpusEvent({
      review: { status: "confirmed", decisions: [] },
      summary: {
        fatalities: [fatalityClaim(3, 3, ["doc-1/e1"], ["reuters"]), fatalityClaim(12, 15, ["doc-2/e1"], ["sana"])],
        fatalitiesDisagree: true,
        corroboration: { independentOutlets: 2, singleSource: false, oneSided: false },
      },
    });
    const feature = eventFeature(event);
    expect(feature?.properties).toMatchObject({
      id: "cluster-1",
      event_type: "Battles",
      sub_event_type: "Armed clash",
      date: "2024-05-01",
      time_precision: 1,
      location: "Aleppo",
      geo_precision: 1,
      actor1: "Military Forces of Syria",
      actor2: "Hayat Tahrir al-Sham",
      fatalities_low: 3,
      fatalities_high: 15,
      fatalities_disagree: true,
      independent_outlets: 2,
      single_source: false,
      one_sided: false,
      review: "confirmed",
      sources: "Reuters",
    });
    for (const value of Object.values(feature?.properties ?? {})) expect(["string", "number", "boolean"]).toContain(value === null ? "string" : typeof value);
  });

  it("has null fatalities when no report gives a figure, and names every publisher", () => {
    const event = corpusEvent({ members: members(report("doc-1/e1", { outlet: SANA })) });
    expect(eventFeature(event)?.properties).toMatchObject({ fatalities_low: null, fatalities_high: null, sources: "SANA" });
  });

  it("rounds coordinates to six decimals", () => {
    const feature = eventFeature(corpusEvent({ summary: { place: { ...ALEPPO, lon: 37.161171234567, lat: 36.201249876543 } } }));
    expect(feature?.geometry.coordinates).toEqual([37.161171, 36.20125]);
  });

  it("refuses a place with coordinates outside WGS 84, naming it", () => {
    expect(() => eventFeature(corpusEvent({ summary: { place: { ...ALEPPO, lat: 137.2 } } }))).toThrow(/geonames:170063.*lat 137\.2/);
  });
});
