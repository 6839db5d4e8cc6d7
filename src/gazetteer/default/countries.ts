/**
 * Countries for the default gazetteer: names from i18n-iso-countries (the
 * official name and the package's aliases, per language) and world-countries
 * (common and official names in en/fr/ar, alternative spellings such as "USA",
 * "DPRK", "UAE"); points from world-countries' conventional centre points, the
 * ones GeoNames, the CIA factbook and gold data sets use, so that a country
 * named in a report lands where a reader expects and not at a polygon centroid
 * hundreds of kilometres away. Natural Earth (world-atlas) gives the radius: the
 * extent of the largest polygon. Countries without a centre point fall back to
 * the centroid of their largest polygon, then to their capital from the
 * GeoNames towns; the provenance says which.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import countryCodes from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { SitrepError } from "../../model/errors.js";
import { dataFileError, readDataFile, requiredField } from "../data-files.js";
import { COUNTRIES_SOURCE, GEONAMES_SOURCE } from "../sources.js";
import type { GazetteerWriter, NameRow } from "../store.js";
import { distanceKm, type Point } from "../../model/geo.js";
import { polygonCentroid, type Rings } from "./geo.js";
import type { StepReport } from "./step-report.js";

interface Location {
  point: Point;
  radiusKm: number | null;
  provenance: string;
  shortName: string | null;
  atCapital: boolean;
}

interface Shape extends Point {
  radiusKm: number;
  /** Natural Earth's short English name ("Syria", "Iran"), which the ISO lists may lack. */
  name: string | null;
}

export function loadCountries(writer: GazetteerWriter, nameFiles: readonly string[], atlasFile: string, centresFile: string, pointsFile: string): StepReport {
  const names = readCountryNames(nameFiles);
  const shapes = readShapes(atlasFile);
  const centres = readCentres(centresFile);
  const points = readPoints(pointsFile);
  const capital = writer.db.prepare("SELECT lat, lon, name FROM places WHERE source = ? AND country = ? AND feature_code = 'PPLC' ORDER BY population DESC LIMIT 1");
  const atCapital: string[] = [];
  const unplaced: string[] = [];
  let places = 0;
  let newNames = 0;

  const locate = (code: string): Location | null => {
    const shape = shapes.get(code);
    const centre = centres.get(code);
    const point = points.get(code);
    if (point !== undefined) {
      return { point: point.point, radiusKm: shape?.radiusKm ?? null, provenance: `${basename(pointsFile)}: ${point.source}`, shortName: shape?.name ?? null, atCapital: false };
    }
    if (centre !== undefined) {
      return { point: centre.point, radiusKm: shape?.radiusKm ?? null, provenance: `${basename(centresFile)}: conventional centre point`, shortName: shape?.name ?? null, atCapital: false };
    }
    if (shape !== undefined) return { point: shape, radiusKm: shape.radiusKm, provenance: `${basename(atlasFile)}: centroid of the largest polygon`, shortName: shape.name, atCapital: false };
    const town = capital.get(GEONAMES_SOURCE, code) as (Point & { name: string }) | undefined;
    if (town === undefined) return null;
    return { point: town, radiusKm: null, provenance: `no shape in ${basename(atlasFile)}: point of the capital ${town.name} from GeoNames (PPLC)`, shortName: null, atCapital: true };
  };

  writer.transaction(() => {
    for (const [code, countryNames] of names) {
      const located = locate(code);
      if (located === null) {
        unplaced.push(code);
        continue;
      }
      const { point, radiusKm, provenance, shortName } = located;
      if (located.atCapital) atCapital.push(code);
      const allNames = [...countryNames, ...(shortName === null ? [] : [{ name: shortName, lang: "en", kind: "short" }]), ...(centres.get(code)?.names ?? [])];
      const place = { source: COUNTRIES_SOURCE, sourceId: code, name: countryNames[0]?.name ?? code, featureClass: "A", featureCode: "PCLI", country: code };
      newNames += writer.upsertPlace({ ...place, admin1Code: null, admin2Code: null, lat: point.lat, lon: point.lon, population: null, radiusKm, precision: null, provenance }, allNames).newNames;
      places += 1;
    }
  });
  writer.recordImport(COUNTRIES_SOURCE, [atlasFile, ...nameFiles].join(", "), names.size, newNames);
  const notes = [];
  if (atCapital.length > 0) notes.push(`${atCapital.length} country(ies) without a shape, placed at their capital: ${atCapital.join(" ")}`);
  if (unplaced.length > 0) notes.push(`${unplaced.length} country(ies) without a shape or a capital, left out: ${unplaced.join(" ")}`);
  return { step: "countries", file: atlasFile, places, newNames, notes };
}

/**
 * Names by alpha-2 code, English first so that the place is named in English.
 * In a locale file a country is a name or a list whose first entry is the
 * official name and the rest aliases ("Russian Federation", "Russia").
 */
function readCountryNames(files: readonly string[]): Map<string, NameRow[]> {
  const locales = files.map((file) => readJson<{ locale?: unknown; countries?: unknown }>(file));
  locales.sort((a, b) => Number(b.value.locale === "en") - Number(a.value.locale === "en"));
  const names = new Map<string, NameRow[]>();
  for (const { file, value } of locales) {
    if (typeof value.locale !== "string" || typeof value.countries !== "object" || value.countries === null) {
      throw new SitrepError("gazetteer-format", `${file}: expected an i18n-iso-countries locale file ({ locale, countries })`);
    }
    for (const [code, entry] of Object.entries(value.countries as Record<string, unknown>)) {
      const list = (Array.isArray(entry) ? entry : [entry]).filter((name): name is string => typeof name === "string");
      const rows = list.map((name, index) => ({ name, lang: value.locale as string, kind: index === 0 ? "preferred" : "alternate" }));
      names.set(code, [...(names.get(code) ?? []), ...rows]);
    }
  }
  return names;
}

interface Centre {
  point: Point;
  names: NameRow[];
}

interface WorldCountry {
  cca2?: string;
  latlng?: number[];
  name?: { common?: string; official?: string };
  altSpellings?: string[];
  translations?: Record<string, { common?: string; official?: string }>;
}

/** Two-letter spellings that reports use as names; the other ISO codes ("IN", "IT", "NO") are words. */
const NAME_CODES: ReadonlySet<string> = new Set(["US", "UK"]);
const LATIN_OR_ARABIC = /^[\p{Script=Latin}\p{Script=Arabic}\p{M}\p{N}\p{P}\p{Zs}]+$/u;

function readPoints(file: string): Map<string, { point: Point; source: string }> {
  const points = new Map<string, { point: Point; source: string }>();
  for (const row of readDataFile(file, ["country", "lat", "lon", "source"] as const)) {
    const country = requiredField(row, "country");
    const lat = Number(requiredField(row, "lat"));
    const lon = Number(requiredField(row, "lon"));
    if (!/^[A-Z]{2}$/.test(country) || !Number.isFinite(lat) || !Number.isFinite(lon)) throw dataFileError(row, "expected an ISO alpha-2 code and a numeric lat and lon");
    points.set(country, { point: { lat, lon }, source: requiredField(row, "source") });
  }
  return points;
}

function readCentres(file: string): Map<string, Centre> {
  const { value } = readJson<WorldCountry[]>(file);
  if (!Array.isArray(value)) throw new SitrepError("gazetteer-format", `${file}: expected the world-countries list`);
  const centres = new Map<string, Centre>();
  for (const country of value) {
    const [lat, lon] = country.latlng ?? [];
    if (!country.cca2 || lat === undefined || lon === undefined) continue;
    const names: NameRow[] = [];
    const add = (name: string | undefined, lang: string, kind: string): void => {
      if (name && LATIN_OR_ARABIC.test(name)) names.push({ name, lang, kind });
    };
    add(country.name?.common, "en", "short");
    add(country.name?.official, "en", "alternate");
    for (const [key, lang] of [["fra", "fr"], ["ara", "ar"]] as const) {
      add(country.translations?.[key]?.common, lang, "short");
      add(country.translations?.[key]?.official, lang, "alternate");
    }
    for (const spelling of country.altSpellings ?? []) {
      if (spelling.length > 2 || NAME_CODES.has(spelling)) add(spelling, "", "alternate");
    }
    centres.set(country.cca2, { point: { lat, lon }, names });
  }
  return centres;
}

function readShapes(file: string): Map<string, Shape> {
  const { value: topology } = readJson<Topology<{ countries: GeometryCollection<{ name?: string }> }>>(file);
  if (topology.objects?.countries === undefined) throw new SitrepError("gazetteer-format", `${file}: expected a world-atlas TopoJSON with a "countries" object`);
  const shapes = new Map<string, Shape>();
  for (const country of feature(topology, topology.objects.countries).features) {
    // Natural Earth shapes without an ISO code (Somaliland, N. Cyprus…) have no id: there is no country to give them to.
    const code = country.id === undefined ? undefined : countryCodes.numericToAlpha2(country.id);
    const geometry = country.geometry;
    if (code === undefined || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) continue;
    const polygons: Rings[] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    const largest = polygons.map((rings) => ({ rings, ...polygonCentroid(rings) })).reduce<(Point & { rings: Rings; area: number }) | null>((a, b) => (a === null || b.area > a.area ? b : a), null);
    if (largest === null) continue;
    const radiusKm = (largest.rings[0] ?? []).reduce((farthest, [lon = 0, lat = 0]) => Math.max(farthest, distanceKm(largest, { lat, lon })), 0);
    shapes.set(code, { lat: largest.lat, lon: largest.lon, radiusKm, name: country.properties?.name ?? null });
  }
  return shapes;
}

function readJson<T>(file: string): { file: string; value: T } {
  try {
    return { file, value: JSON.parse(readFileSync(file, "utf8")) as T };
  } catch (error) {
    throw new SitrepError("gazetteer-format", `cannot read ${file} as JSON: ${(error as Error).message}`, { cause: error });
  }
}
