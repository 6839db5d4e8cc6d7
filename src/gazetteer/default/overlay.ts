/**
 * The curated overlay (data/gazetteer/overlay.tsv): places no dump has or has
 * wrong for conflict reporting (mountain ranges, wadis, crossings, regions
 * such as the Qalamoun), each with the radius and ACLED precision a curator
 * chose and the source the curator relied on. A border feature may list
 * several countries ("LB|SY"), stored as written.
 */
import { dataFileError, langNamesField, numberField, optionalNumberField, readDataFile, requiredField } from "../data-files.js";
import type { GazetteerWriter } from "../store.js";
import type { StepReport } from "./step-report.js";
import { OVERLAY_SOURCE } from "../sources.js";


const HEADER = ["id", "name", "names", "feature_class", "feature_code", "country", "lat", "lon", "radius_km", "precision", "source", "note"] as const;
const COUNTRIES = /^[A-Z]{2}(\|[A-Z]{2})*$/;

export function loadOverlay(writer: GazetteerWriter, file: string): StepReport {
  const rows = readDataFile(file, HEADER);
  let newNames = 0;
  writer.transaction(() => {
    for (const row of rows) {
      const country = row.values.country;
      if (country !== "" && !COUNTRIES.test(country)) throw dataFileError(row, `country must be ISO alpha-2 codes separated by |, not ${JSON.stringify(country)}`);
      const precision = optionalNumberField(row, "precision", { min: 1, max: 3 });
      if (precision !== null && !Number.isInteger(precision)) throw dataFileError(row, "precision must be an ACLED geo_precision: 1, 2 or 3");
      const place = {
        source: OVERLAY_SOURCE,
        sourceId: requiredField(row, "id"),
        name: requiredField(row, "name"),
        featureClass: row.values.feature_class || null,
        featureCode: row.values.feature_code || null,
        country: country || null,
        admin1Code: null,
        admin2Code: null,
        lat: numberField(row, "lat", { min: -90, max: 90 }),
        lon: numberField(row, "lon", { min: -180, max: 180 }),
        population: null,
        radiusKm: optionalNumberField(row, "radius_km", { min: 0, max: 20_000 }),
        precision,
        provenance: requiredField(row, "source"),
      };
      newNames += writer.upsertPlace(place, langNamesField(row, "names").map(({ lang, name }) => ({ name, lang, kind: "alternate" }))).newNames;
    }
  });
  writer.recordImport(OVERLAY_SOURCE, file, rows.length, newNames);
  return { step: "overlay", file, places: rows.length, newNames, notes: [] };
}
