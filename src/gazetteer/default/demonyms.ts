/**
 * Demonyms ("syrien", "Lebanese", "سوري") as names of kind "demonym" of the
 * country places: reports locate events by them ("les forces syriennes").
 * A country the build could not place (no shape and no capital in its inputs)
 * has no place to hang them on: its rows are skipped and the report says which.
 */
import { dataFileError, readDataFile, requiredField } from "../data-files.js";
import type { GazetteerWriter } from "../store.js";
import { COUNTRIES_SOURCE } from "../sources.js";
import type { StepReport } from "./step-report.js";

const HEADER = ["country", "lang", "forms", "source"] as const;

export function loadDemonyms(writer: GazetteerWriter, file: string): StepReport {
  const rows = readDataFile(file, HEADER);
  let newNames = 0;
  const unplaced = new Set<string>();
  writer.transaction(() => {
    for (const row of rows) {
      const country = requiredField(row, "country");
      if (!/^[A-Z]{2}$/.test(country)) throw dataFileError(row, `country must be an ISO alpha-2 code, not ${JSON.stringify(country)}`);
      const lang = requiredField(row, "lang");
      requiredField(row, "source");
      const place = writer.placeId(COUNTRIES_SOURCE, country);
      if (place === null) {
        unplaced.add(country);
        continue;
      }
      const forms = requiredField(row, "forms").split("|").map((form) => form.trim());
      if (forms.includes("")) throw dataFileError(row, "forms has an empty entry");
      newNames += writer.addNames(place, forms.map((name) => ({ name, lang, kind: "demonym" })));
    }
  });
  writer.recordImport("demonyms", file, rows.length, newNames);
  const notes = unplaced.size === 0 ? [] : [`demonyms of ${unplaced.size} country(ies) with no place skipped: ${[...unplaced].join(" ")}`];
  return { step: "demonyms", file, places: 0, newNames, notes };
}
