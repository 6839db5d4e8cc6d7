/**
 * Which GeoNames table a file holds: from its name when the name says
 * (admin1CodesASCII.txt, alternateNamesV2.zip, alternatenames/SY.zip,
 * cities500.txt), else from the first line. A per-country `SY.zip` can be the
 * geoname table or, renamed out of its alternatenames/ folder, alternate
 * names, so only its columns tell.
 */
import { basename, dirname } from "node:path";
import { SitrepError } from "../../model/errors.js";
import type { DumpKind } from "./dump-format.js";

const BY_NAME: readonly [RegExp, DumpKind][] = [
  [/^admin1codes(ascii)?\.(txt|zip)$/i, "admin1-codes"],
  [/^admin2codes\.(txt|zip)$/i, "admin2-codes"],
  [/^alternatenames(v2)?\.(txt|zip)$/i, "alternate-names"],
  [/^(allcountries|cities\d+)\.(txt|zip)$/i, "geoname"],
];

const COUNTRY_FILE = /^[a-z]{2}\.(txt|zip)$/i;

export function kindFromName(path: string): DumpKind | null {
  const name = basename(path);
  for (const [pattern, kind] of BY_NAME) if (pattern.test(name)) return kind;
  if (COUNTRY_FILE.test(name) && basename(dirname(path)).toLowerCase() === "alternatenames") return "alternate-names";
  return null;
}

/** The kind a first line's columns point to; admin1 and admin2 codes differ by the dots in their code ("SY.08" / "SY.08.123"). */
export function kindFromFields(fields: readonly string[]): DumpKind | null {
  switch (fields.length) {
    case 19:
      return "geoname";
    case 10:
    case 8:
      return "alternate-names";
    case 4:
      return (fields[0]?.split(".").length ?? 0) === 3 ? "admin2-codes" : "admin1-codes";
    default:
      return null;
  }
}

export function detectKind(path: string, firstLine: readonly string[]): DumpKind {
  const kind = kindFromName(path) ?? kindFromFields(firstLine);
  if (kind === null) {
    throw new SitrepError(
      "gazetteer-format",
      `${path} is not a GeoNames dump: its first line has ${firstLine.length} tab-separated column(s); a geoname table has 19, alternate names 10 (or 8), admin codes 4`,
    );
  }
  return kind;
}
