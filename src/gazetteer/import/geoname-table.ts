/**
 * The GeoNames `geoname` table (allCountries, XX, citiesN): 19 columns, one
 * place per line. A place is keyed by its geonameid, so importing a country
 * file over cities500 updates the towns both hold instead of doubling them.
 */
import type { GazetteerWriter, NameRow } from "../store.js";
import { formatError, parseCoordinate, type DumpFormat, type LineRef } from "./dump-format.js";
import { nameKey, withoutArticle } from "../name-key.js";
import { isLatinOrArabic } from "./name-scripts.js";
import { COUNTRIES_SOURCE, GEONAMES_SOURCE } from "../sources.js";

const INTEGER = /^-?\d+$/;

/** `provenance` is what the places will say they came from: the file's name. */
export function createGeonameFormat(writer: GazetteerWriter, provenance: string): DumpFormat {
  return {
    kind: "geoname",
    columns: [19],
    writeLine(fields, at, tally) {
      const [id = "", name = "", asciiName = "", alternates = "", lat = "", lon = "", featureClass = "", featureCode = "", country = "", , admin1 = "", admin2 = "", , , population = ""] = fields;
      if (!/^\d+$/.test(id)) throw formatError(at, `geonameid is not a number: ${JSON.stringify(id)}`);
      if (name.trim() === "") throw formatError(at, `place ${id} has no name`);
      const { names, filtered } = otherNames(name, asciiName, alternates);
      if (ARABIC_NAMING.has(country)) names.push(...withoutTheirArticle(name, names));
      // A country is one place: where the default gazetteer has it, the dump's row lends it its names, and the point
      // stays the curated one (GeoNames' own where it and world-countries disagree), so that no two "Iran" tie.
      const defaultCountry = featureCode.startsWith("PCL") && country !== "" ? writer.placeId(COUNTRIES_SOURCE, country) : null;
      if (defaultCountry !== null) {
        tally.places += 1;
        tally.newNames += writer.addNames(defaultCountry, [{ name, lang: null, kind: "alternate" }, ...names]);
        tally.filteredNames += filtered;
        return;
      }
      const { newNames } = writer.upsertPlace(
        {
          source: GEONAMES_SOURCE,
          sourceId: id,
          name,
          featureClass: featureClass || null,
          featureCode: featureCode || null,
          country: country || null,
          admin1Code: admin1 || null,
          admin2Code: admin2 || null,
          lat: parseCoordinate(lat, "latitude", 90, at),
          lon: parseCoordinate(lon, "longitude", 180, at),
          population: parsePopulation(population, at),
          radiusKm: null,
          precision: null,
          provenance,
        },
        names,
      );
      tally.places += 1;
      tally.newNames += newNames;
      tally.filteredNames += filtered;
    },
  };
}

/**
 * The ASCII name and the alternate names, each spelling once: a spelling
 * equal to the name (or the ASCII name) says nothing more under another kind,
 * and would only return the place twice from a lookup.
 */
function otherNames(name: string, asciiName: string, alternates: string): { names: NameRow[]; filtered: number } {
  const seen = new Set([name]);
  const names: NameRow[] = [];
  let filtered = 0;
  const candidates = [{ name: asciiName, kind: "ascii" }, ...alternates.split(",").map((alternate) => ({ name: alternate, kind: "alternate" }))];
  for (const candidate of candidates) {
    const spelling = candidate.name.trim();
    if (spelling === "" || seen.has(spelling)) continue;
    seen.add(spelling);
    if (isLatinOrArabic(spelling)) names.push({ name: spelling, lang: null, kind: candidate.kind });
    else filtered += 1;
  }
  return { names, filtered };
}

/**
 * Countries whose place names GeoNames writes with the Arabic article ("Al Qāmishlī", "Ar Raqqah", "At Tanf"), which
 * the press often drops ("Qamishli", "Raqqa") or writes otherwise ("al-Tanf"): the Arab League's members and Chad.
 */
const ARABIC_NAMING: ReadonlySet<string> = new Set([
  "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TD", "TN", "YE",
]);
/** Shorter than this once the article is gone, a name says too little alone ("Al Ha" → "Ha"). */
const MIN_NAME_WITHOUT_ARTICLE = 3;

/** Latin-script spellings of the place without their article, under their own kind, where no spelling already is one. */
function withoutTheirArticle(name: string, others: readonly NameRow[]): NameRow[] {
  const spellings = [name, ...others.map((other) => other.name)];
  const keys = new Set(spellings.map(nameKey));
  const variants: NameRow[] = [];
  for (const spelling of spellings) {
    const key = nameKey(spelling);
    const bare = withoutArticle(key);
    if (bare === key || bare.length < MIN_NAME_WITHOUT_ARTICLE || keys.has(bare) || /\p{Script=Arabic}/u.test(spelling)) continue;
    keys.add(bare);
    variants.push({ name: spelling.replace(/^\S+?[\s\-‐‑]+/u, ""), lang: null, kind: "no-article" });
  }
  return variants;
}

function parsePopulation(value: string, at: LineRef): number | null {
  if (value === "") return null;
  if (!INTEGER.test(value)) throw formatError(at, `population is not a whole number: ${JSON.stringify(value)}`);
  return Number(value);
}
