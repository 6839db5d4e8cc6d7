/**
 * Opening a gazetteer database, and the one writer every importer goes
 * through, so that keys, the full-text index and the R*Tree stay consistent
 * whichever source a row comes from. Writes are idempotent: a place is keyed
 * by (source, source_id) and a name by (place, name, kind).
 */
import Database from "better-sqlite3";
import { skeletonKey } from "../text/normalise/index.js";
import { nameKey } from "./name-key.js";
import { SCHEMA, SCHEMA_VERSION } from "./schema.js";

export type GazetteerDatabase = Database.Database;

export function openGazetteerDatabase(path: string, options: { readonly?: boolean } = {}): GazetteerDatabase {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (options.readonly) return db;
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);
  const version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as string | undefined;
  if (version === undefined) db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
  else if (Number(version) !== SCHEMA_VERSION) {
    throw new Error(`gazetteer ${path} has schema version ${version}; this sitrep reads version ${SCHEMA_VERSION}: rebuild it`);
  }
  return db;
}

export interface PlaceRow {
  source: string;
  sourceId: string;
  name: string;
  featureClass: string | null;
  featureCode: string | null;
  country: string | null;
  admin1Code: string | null;
  admin2Code: string | null;
  lat: number;
  lon: number;
  population: number | null;
  radiusKm: number | null;
  precision: number | null;
  provenance: string | null;
}

export interface NameRow {
  name: string;
  lang: string | null;
  kind: string;
}

/** Kilometres per degree of latitude; longitude degrees shrink with the cosine of the latitude. */
const KM_PER_DEGREE = 111.32;

export class GazetteerWriter {
  readonly #upsertPlace: Database.Statement;
  readonly #insertName: Database.Statement;
  readonly #fillNameLang: Database.Statement;
  readonly #placeId: Database.Statement;
  readonly #upsertBox: Database.Statement;
  readonly #upsertAdmin: Database.Statement;
  readonly #recordImport: Database.Statement;
  readonly db: GazetteerDatabase;

  constructor(db: GazetteerDatabase) {
    this.db = db;
    this.#upsertPlace = db.prepare(`
      INSERT INTO places (source, source_id, name, feature_class, feature_code, country, admin1_code, admin2_code, lat, lon, population, radius_km, precision, provenance)
      VALUES (@source, @sourceId, @name, @featureClass, @featureCode, @country, @admin1Code, @admin2Code, @lat, @lon, @population, @radiusKm, @precision, @provenance)
      ON CONFLICT (source, source_id) DO UPDATE SET
        name = excluded.name, feature_class = excluded.feature_class, feature_code = excluded.feature_code,
        country = excluded.country, admin1_code = excluded.admin1_code, admin2_code = excluded.admin2_code,
        lat = excluded.lat, lon = excluded.lon, population = excluded.population, radius_km = excluded.radius_km,
        precision = excluded.precision, provenance = excluded.provenance
      RETURNING id`);
    this.#insertName = db.prepare(
      "INSERT OR IGNORE INTO names (place, name, lang, kind, fold, skeleton) VALUES (?, ?, ?, ?, ?, ?)",
    );
    this.#fillNameLang = db.prepare("UPDATE names SET lang = ? WHERE place = ? AND name = ? AND kind = ? AND lang = ''");
    this.#placeId = db.prepare("SELECT id FROM places WHERE source = ? AND source_id = ?").pluck();
    this.#upsertBox = db.prepare("INSERT OR REPLACE INTO places_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)");
    this.#upsertAdmin = db.prepare(
      "INSERT INTO admin_codes (code, name, ascii_name, geonameid) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, ascii_name = excluded.ascii_name, geonameid = excluded.geonameid",
    );
    this.#recordImport = db.prepare("INSERT INTO imports (source, file, rows, names, finished_at) VALUES (?, ?, ?, ?, ?)");
  }

  /** Inserts or updates a place with its names; returns how many names were new. */
  upsertPlace(place: PlaceRow, names: readonly NameRow[]): { id: number; newNames: number } {
    const { id } = this.#upsertPlace.get(place) as { id: number };
    const radius = place.radiusKm ?? 0;
    const dLat = radius / KM_PER_DEGREE;
    const dLon = radius / (KM_PER_DEGREE * Math.max(0.01, Math.cos((place.lat * Math.PI) / 180)));
    this.#upsertBox.run(id, place.lat - dLat, place.lat + dLat, place.lon - dLon, place.lon + dLon);
    return { id, newNames: this.addNames(id, [{ name: place.name, lang: null, kind: "name" }, ...names]) };
  }

  /**
   * Adds names to a place already written; returns how many were new. A name
   * stored without a language takes the language given here: a dump's
   * untagged alternate names get theirs from the alternate-names file.
   */
  addNames(placeId: number, names: readonly NameRow[]): number {
    let newNames = 0;
    const seen = new Set<string>();
    for (const entry of names) {
      const name = entry.name.trim();
      if (name === "" || seen.has(`${entry.kind}\u0000${name}`)) continue;
      seen.add(`${entry.kind}\u0000${name}`);
      const fold = nameKey(name);
      if (fold === "") continue;
      const inserted = this.#insertName.run(placeId, name, entry.lang ?? "", entry.kind, fold, skeletonKey(name)).changes;
      if (inserted === 0 && entry.lang) this.#fillNameLang.run(entry.lang, placeId, name, entry.kind);
      newNames += inserted;
    }
    return newNames;
  }

  /** The row id of the place `source` knows as `sourceId`, or null when it was never loaded. */
  placeId(source: string, sourceId: string): number | null {
    return (this.#placeId.get(source, sourceId) as number | undefined) ?? null;
  }

  upsertAdminCode(code: string, name: string, asciiName: string | null, geonameid: string | null): void {
    this.#upsertAdmin.run(code, name, asciiName, geonameid);
  }

  recordImport(source: string, file: string, rows: number, names: number): void {
    this.#recordImport.run(source, file, rows, names, new Date().toISOString());
  }

  /** Runs `work` in one transaction: an import killed half-way leaves the database as it was. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
