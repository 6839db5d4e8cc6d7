/**
 * GeoNames alternate names (alternateNamesV2.txt, or per country
 * alternatenames/XX.txt): names with their language and flags, added to
 * places a geoname table already loaded. Names of places this gazetteer does
 * not hold are skipped and counted, not stored: a name without a place has
 * nothing to resolve to.
 */
import type { GazetteerWriter } from "../store.js";
import { formatError, type DumpFormat } from "./dump-format.js";
import { GEONAMES_SOURCE } from "../sources.js";
import { isLatinOrArabic } from "./name-scripts.js";

/** GeoNames pseudo-languages whose "names" are links, codes or identifiers, never words in a report. */
const NOT_NAMES = new Set(["link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "tcid"]);

export function createAlternateNamesFormat(writer: GazetteerWriter): DumpFormat {
  let lastGeonameId = "";
  let lastPlace: number | null = null;
  return {
    kind: "alternate-names",
    columns: [10, 8],
    writeLine(fields, at, tally) {
      const [, geonameId = "", lang = "", name = "", preferred = "", short = "", colloquial = "", historic = ""] = fields;
      if (!/^\d+$/.test(geonameId)) throw formatError(at, `geonameid is not a number: ${JSON.stringify(geonameId)}`);
      if (NOT_NAMES.has(lang) || !isLatinOrArabic(name)) {
        tally.filteredNames += 1;
        return;
      }
      // The file is ordered by alternate name id, which keeps most of a place's names together.
      if (geonameId !== lastGeonameId) {
        lastGeonameId = geonameId;
        lastPlace = writer.placeId(GEONAMES_SOURCE, geonameId);
      }
      if (lastPlace === null) {
        tally.unknownPlaces += 1;
        return;
      }
      const kind = kindOf({ preferred, short, colloquial, historic });
      tally.newNames += writer.addNames(lastPlace, [{ name, lang: lang || null, kind }]);
    },
  };
}

/**
 * One kind per name. "historic" wins over "preferred": a name no longer in use
 * must read as such even if it once was the preferred one.
 */
function kindOf(flags: { preferred: string; short: string; colloquial: string; historic: string }): string {
  if (flags.historic === "1") return "historic";
  if (flags.preferred === "1") return "preferred";
  if (flags.short === "1") return "short";
  if (flags.colloquial === "1") return "colloquial";
  return "alternate";
}
