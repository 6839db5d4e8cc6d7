/**
 * Press names for places the default already holds under other names: "U.S.",
 * "Britain", "Holy See", "Calif.". Each row names its place by source and id,
 * so an alias never creates a place; a row whose place is missing (a build
 * from small inputs) is skipped and the report says which.
 */
import { dataFileError, readDataFile, requiredField } from "../data-files.js";
import type { GazetteerWriter } from "../store.js";
import type { StepReport } from "./step-report.js";

const HEADER = ["source", "source_id", "lang", "names", "source_ref"] as const;

export function loadAliases(writer: GazetteerWriter, file: string): StepReport {
  const rows = readDataFile(file, HEADER);
  let newNames = 0;
  const missing: string[] = [];
  writer.transaction(() => {
    for (const row of rows) {
      const source = requiredField(row, "source");
      const sourceId = requiredField(row, "source_id");
      const lang = requiredField(row, "lang");
      requiredField(row, "source_ref");
      const names = requiredField(row, "names").split("|").map((name) => name.trim());
      if (names.includes("")) throw dataFileError(row, "names has an empty entry");
      const place = writer.placeId(source, sourceId);
      if (place === null) {
        missing.push(`${source}:${sourceId}`);
        continue;
      }
      newNames += writer.addNames(place, names.map((name) => ({ name, lang, kind: "alternate" })));
    }
  });
  writer.recordImport("aliases", file, rows.length, newNames);
  return { step: "aliases", file, places: 0, newNames, notes: missing.length > 0 ? [`${missing.length} alias row(s) for places not in this build, skipped: ${missing.slice(0, 10).join(" ")}`] : [] };
}
