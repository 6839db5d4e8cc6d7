/**
 * Countries' short English names ("Syria", "DR Congo", "Ivory Coast") for
 * ACLED-style actor names such as "Military Forces of Syria"; ISO's official
 * names ("Syrian Arab Republic") are not what coders write.
 */
import { createRequire } from "node:module";

interface WorldCountry {
  cca2?: string;
  name?: { common?: string };
}

let names: Map<string, string> | null = null;

export function countryName(code: string): string {
  if (!names) {
    const list = createRequire(import.meta.url)("world-countries/countries.json") as WorldCountry[];
    names = new Map(list.filter((country) => country.cca2 && country.name?.common).map((country) => [country.cca2 as string, country.name?.common as string]));
  }
  return names.get(code) ?? code;
}
