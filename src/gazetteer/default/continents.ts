/**
 * Continents, from the project's curated data/gazetteer/continents.tsv: a
 * point and a radius each, so that "en Afrique" resolves to something a map
 * can show at continent precision.
 */
import { dataFileError, langNamesField, numberField, readDataFile, requiredField } from "../data-files.js";
import type { GazetteerWriter } from "../store.js";
import type { StepReport } from "./step-report.js";

export const CONTINENTS_SOURCE = "continents";

const HEADER = ["id", "names", "lat", "lon", "radius_km", "source"] as const;

export function loadContinents(writer: GazetteerWriter, file: string): StepReport {
  const rows = readDataFile(file, HEADER);
  let newNames = 0;
  writer.transaction(() => {
    for (const row of rows) {
      const names = langNamesField(row, "names");
      const english = names.find((entry) => entry.lang === "en");
      if (english === undefined) throw dataFileError(row, "names has no English (en:) name to name the place by");
      const place = {
        source: CONTINENTS_SOURCE,
        sourceId: requiredField(row, "id"),
        name: english.name,
        featureClass: "L",
        featureCode: "CONT",
        country: null,
        admin1Code: null,
        admin2Code: null,
        lat: numberField(row, "lat", { min: -90, max: 90 }),
        lon: numberField(row, "lon", { min: -180, max: 180 }),
        population: null,
        radiusKm: numberField(row, "radius_km", { min: 0, max: 20_000 }),
        precision: null,
        provenance: requiredField(row, "source"),
      };
      newNames += writer.upsertPlace(place, names.map(({ lang, name }) => ({ name, lang, kind: "alternate" }))).newNames;
    }
  });
  writer.recordImport(CONTINENTS_SOURCE, file, rows.length, newNames);
  return { step: "continents", file, places: rows.length, newNames, notes: [] };
}
