/**
 * The gazetteer's SQLite schema. One row per place whatever its source
 * (GeoNames dumps, the embedded default's packages, the curated overlay), one
 * row per name with its normalisation keys, a full-text index over names that
 * folds case and diacritics, and an R*Tree over places' extents.
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- What was loaded, when, from where: 'sitrep gazetteer info' reads this.
CREATE TABLE IF NOT EXISTS imports (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  file TEXT NOT NULL,
  rows INTEGER NOT NULL,
  names INTEGER NOT NULL,
  finished_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,            -- geonames | natural-earth | overlay | …
  source_id TEXT NOT NULL,         -- the id within that source (a GeoNames id, an ISO code, an overlay slug)
  name TEXT NOT NULL,
  feature_class TEXT,              -- GeoNames feature class: A, P, T, H, L, S, V, R, U
  feature_code TEXT,               -- GeoNames feature code: PPL, PPLA, ADM1, PCLI, MTS, WAD, RGN …
  country TEXT,                    -- ISO 3166-1 alpha-2; several joined by '|' for border features
  admin1_code TEXT,
  admin2_code TEXT,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  population INTEGER,
  radius_km REAL,                  -- extent of an area as a circle, when known (regions, natural features)
  precision INTEGER,               -- ACLED geo_precision a curated row asks for
  provenance TEXT,                 -- the curated row's source, or the file it was imported from
  UNIQUE (source, source_id)
);
CREATE INDEX IF NOT EXISTS places_country ON places (country, feature_class);

CREATE TABLE IF NOT EXISTS names (
  id INTEGER PRIMARY KEY,
  place INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  lang TEXT,                       -- ISO 639 code, '' when the source does not say
  kind TEXT NOT NULL,              -- name | ascii | alternate | preferred | short | colloquial | historic | demonym
  fold TEXT NOT NULL,              -- nameKey(name): folded, punctuation-insensitive
  skeleton TEXT NOT NULL,          -- skeletonKey(name)
  UNIQUE (place, name, kind)
);
CREATE INDEX IF NOT EXISTS names_fold ON names (fold);
-- Look-alike queries ask for one skeleton within a range of key lengths.
CREATE INDEX IF NOT EXISTS names_skeleton ON names (skeleton, length(fold));

CREATE VIRTUAL TABLE IF NOT EXISTS names_fts USING fts5 (
  name, content = 'names', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS names_fts_insert AFTER INSERT ON names BEGIN
  INSERT INTO names_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER IF NOT EXISTS names_fts_delete AFTER DELETE ON names BEGIN
  INSERT INTO names_fts (names_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS places_rtree USING rtree (id, min_lat, max_lat, min_lon, max_lon);

-- First- and second-level administrative divisions by code ('SY.08', 'SY.08.123').
CREATE TABLE IF NOT EXISTS admin_codes (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  ascii_name TEXT,
  geonameid TEXT
);
`;
