/**
 * Read access to a gazetteer database: candidates by normalisation key, by
 * full-text search, by place id, and near a point.
 */
import type Database from "better-sqlite3";
import { openGazetteerDatabase, type GazetteerDatabase } from "./store.js";
import type { GazetteerInfo, GazetteerPlace, NameMatch, SkeletonName } from "./types.js";

interface PlaceRecord {
  id: number;
  source: string;
  source_id: string;
  name: string;
  feature_class: string | null;
  feature_code: string | null;
  country: string | null;
  admin1_code: string | null;
  admin1_name: string | null;
  admin2_code: string | null;
  lat: number;
  lon: number;
  population: number | null;
  radius_km: number | null;
  precision: number | null;
  provenance: string | null;
}

type MatchRecord = PlaceRecord & { matched: string; matched_key: string; lang: string; kind: string };

const PLACE_COLUMNS = `p.id, p.source, p.source_id, p.name, p.feature_class, p.feature_code, p.country, p.admin1_code,
  (SELECT a.name FROM admin_codes a WHERE a.code = p.country || '.' || p.admin1_code) AS admin1_name,
  p.admin2_code, p.lat, p.lon, p.population, p.radius_km, p.precision, p.provenance`;

export class Gazetteer {
  readonly path: string;
  readonly #db: GazetteerDatabase;
  readonly #byFold: Database.Statement;
  readonly #bySkeleton: Database.Statement;
  readonly #byId: Database.Statement;
  readonly #search: Database.Statement;
  readonly #near: Database.Statement;
  readonly #startsName: Database.Statement;
  readonly #demonyms: Database.Statement;

  constructor(path: string, db: GazetteerDatabase = openGazetteerDatabase(path, { readonly: true })) {
    this.path = path;
    this.#db = db;
    const matchSelect = `SELECT ${PLACE_COLUMNS}, n.name AS matched, n.fold AS matched_key, n.lang, n.kind FROM names n JOIN places p ON p.id = n.place`;
    this.#byFold = db.prepare(`${matchSelect} WHERE n.fold = ?`);
    this.#bySkeleton = db.prepare("SELECT n.place, n.name, n.fold AS key, n.lang, n.kind FROM names n WHERE n.skeleton = ? AND length(n.fold) BETWEEN ? AND ?");
    this.#byId = db.prepare(`SELECT ${PLACE_COLUMNS} FROM places p WHERE p.id = ?`);
    this.#search = db.prepare(
      `SELECT ${PLACE_COLUMNS}, n.name AS matched, n.fold AS matched_key, n.lang, n.kind FROM names_fts f JOIN names n ON n.id = f.rowid JOIN places p ON p.id = n.place WHERE names_fts MATCH ? ORDER BY rank LIMIT ?`,
    );
    // Two index probes: the exact key, then the range of keys "word …" (space sorts just before "!").
    this.#startsName = db.prepare("SELECT 1 FROM names WHERE fold = @word UNION ALL SELECT 1 FROM (SELECT 1 FROM names WHERE fold >= @from AND fold < @to LIMIT 1) LIMIT 1");
    this.#demonyms = db.prepare(`${matchSelect} WHERE n.kind = 'demonym'`);
    this.#near = db.prepare(
      `SELECT ${PLACE_COLUMNS} FROM places_rtree r JOIN places p ON p.id = r.id WHERE r.max_lat >= ? AND r.min_lat <= ? AND r.max_lon >= ? AND r.min_lon <= ?`,
    );
  }

  /** Places with a name whose `nameKey` is exactly `key`. */
  byKey(key: string): NameMatch[] {
    return (this.#byFold.all(key) as MatchRecord[]).map(toMatch);
  }

  /** Whether some name's key is `word` or starts with `word` and a space: lets matchers skip words no name begins with. */
  startsName(word: string): boolean {
    return this.#startsName.get({ word, from: `${word} `, to: `${word}!` }) !== undefined;
  }

  /** Every demonym form with its country place, for recognisers that look for lower-case adjectives. */
  demonyms(): NameMatch[] {
    return (this.#demonyms.all() as MatchRecord[]).map(toMatch);
  }

  /**
   * Names whose transliteration-insensitive skeleton is exactly `skeleton`, optionally only those whose key length
   * lies in `keyLength` (a look-alike of very different length is no look-alike, and common skeletons have thousands
   * of names). Names only, with their place's row id: a caller scores them and loads the few places it keeps.
   */
  bySkeleton(skeleton: string, keyLength: { min: number; max: number } = { min: 0, max: Number.MAX_SAFE_INTEGER }): SkeletonName[] {
    if (skeleton === "") return [];
    return (this.#bySkeleton.all(skeleton, keyLength.min, keyLength.max) as { place: number; name: string; key: string; lang: string; kind: string }[]).map(
      (row) => ({ placeRowid: row.place, name: row.name, key: row.key, lang: row.lang === "" ? null : row.lang, kind: row.kind }),
    );
  }

  place(rowid: number): GazetteerPlace | null {
    const record = this.#byId.get(rowid) as PlaceRecord | undefined;
    return record ? toPlace(record) : null;
  }

  /** Full-text search over names, folding case and diacritics; `query` is plain words, not FTS syntax. */
  search(query: string, limit = 20): NameMatch[] {
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const expression = words.map((word) => `"${word}"`).join(" ");
    return (this.#search.all(expression, limit) as MatchRecord[]).map(toMatch);
  }

  /** Places whose extent comes within `km` of the point. */
  near(lat: number, lon: number, km: number): GazetteerPlace[] {
    const dLat = km / 111.32;
    const dLon = km / (111.32 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    return (this.#near.all(lat - dLat, lat + dLat, lon - dLon, lon + dLon) as PlaceRecord[]).map(toPlace);
  }

  info(): GazetteerInfo {
    const count = (sql: string): number => this.#db.prepare(sql).pluck().get() as number;
    return {
      path: this.path,
      places: count("SELECT count(*) FROM places"),
      names: count("SELECT count(*) FROM names"),
      bySource: this.#db.prepare("SELECT source, count(*) AS places FROM places GROUP BY source ORDER BY places DESC").all() as { source: string; places: number }[],
      imports: (this.#db.prepare("SELECT source, file, rows, names, finished_at FROM imports ORDER BY id").all() as { source: string; file: string; rows: number; names: number; finished_at: string }[]).map(
        (row) => ({ source: row.source, file: row.file, rows: row.rows, names: row.names, finishedAt: row.finished_at }),
      ),
    };
  }

  close(): void {
    this.#db.close();
  }
}

function toPlace(record: PlaceRecord): GazetteerPlace {
  return {
    rowid: record.id,
    source: record.source,
    sourceId: record.source_id,
    name: record.name,
    featureClass: record.feature_class,
    featureCode: record.feature_code,
    countries: record.country ? record.country.split("|") : [],
    admin1Code: record.admin1_code,
    admin1Name: record.admin1_name,
    admin2Code: record.admin2_code,
    lat: record.lat,
    lon: record.lon,
    population: record.population,
    radiusKm: record.radius_km,
    precision: record.precision,
    provenance: record.provenance,
  };
}

function toMatch(record: MatchRecord): NameMatch {
  return { place: toPlace(record), name: record.matched, key: record.matched_key, lang: record.lang === "" ? null : record.lang, kind: record.kind };
}
