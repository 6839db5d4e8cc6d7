/**
 * ACLED's region of a country, for the `region` column. ACLED's regions are
 * continental subregions, mostly the UN M49 ones, with three departures:
 * Western Asia is split into the Middle East and (with Central Asia) the
 * Caucasus; Iran, which M49 puts in Southern Asia, is in the Middle East; and
 * all of Europe, Russia included, is one region.
 *
 * The subregion comes from the `world-countries` package (its `subregion`
 * field). Where that package departs from M49 (Mexico in North America,
 * South Sudan in Middle Africa, Europe cut into six parts) the table below
 * puts the country back where M49 and ACLED have it. The Middle East and
 * Caucasus lists are ACLED's own country lists for those regions, written
 * down here because no subregion scheme has them.
 */
import { createRequire } from "node:module";

export const ACLED_REGIONS = [
  "Western Africa",
  "Middle Africa",
  "Eastern Africa",
  "Southern Africa",
  "Northern Africa",
  "Middle East",
  "South Asia",
  "Southeast Asia",
  "East Asia",
  "Caucasus and Central Asia",
  "Europe",
  "Caribbean",
  "Central America",
  "South America",
  "North America",
  "Oceania",
] as const;

export type AcledRegion = (typeof ACLED_REGIONS)[number];

/** ACLED's Middle East: Western Asia without the Caucasus and Cyprus, plus Iran. */
const MIDDLE_EAST = ["AE", "BH", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"];

/** The Caucasus states, which ACLED groups with Central Asia. */
const CAUCASUS = ["AM", "AZ", "GE"];

/** Countries whose `world-countries` subregion is not their M49 (and ACLED) one. */
const MOVED: Readonly<Record<string, AcledRegion>> = {
  MX: "Central America",
  SS: "Eastern Africa",
};

/** `world-countries` subregion names → ACLED region; subregions absent here (Antarctic) have no ACLED region. */
const BY_SUBREGION: Readonly<Record<string, AcledRegion>> = {
  "Western Africa": "Western Africa",
  "Middle Africa": "Middle Africa",
  "Eastern Africa": "Eastern Africa",
  "Southern Africa": "Southern Africa",
  "Northern Africa": "Northern Africa",
  "Southern Asia": "South Asia",
  "South-Eastern Asia": "Southeast Asia",
  "Eastern Asia": "East Asia",
  "Central Asia": "Caucasus and Central Asia",
  "Northern Europe": "Europe",
  "Western Europe": "Europe",
  "Southern Europe": "Europe",
  "Southeast Europe": "Europe",
  "Central Europe": "Europe",
  "Eastern Europe": "Europe",
  Caribbean: "Caribbean",
  "Central America": "Central America",
  "South America": "South America",
  "North America": "North America",
  "Australia and New Zealand": "Oceania",
  Melanesia: "Oceania",
  Micronesia: "Oceania",
  Polynesia: "Oceania",
};

interface WorldCountry {
  cca2: string;
  subregion: string;
}

let regions: ReadonlyMap<string, AcledRegion> | null = null;

function regionTable(): ReadonlyMap<string, AcledRegion> {
  const countries = createRequire(import.meta.url)("world-countries/countries.json") as WorldCountry[];
  const table = new Map<string, AcledRegion>();
  for (const country of countries) {
    const region = BY_SUBREGION[country.subregion];
    if (region !== undefined) table.set(country.cca2, region);
  }
  for (const code of MIDDLE_EAST) table.set(code, "Middle East");
  for (const code of CAUCASUS) table.set(code, "Caucasus and Central Asia");
  for (const [code, region] of Object.entries(MOVED)) table.set(code, region);
  return table;
}

/** The ACLED region of an ISO 3166-1 alpha-2 country; null for a code outside every region (Antarctica, an unknown code). */
export function acledRegion(country: string): AcledRegion | null {
  regions ??= regionTable();
  return regions.get(country) ?? null;
}
