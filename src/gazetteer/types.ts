/** A place as the gazetteer stores it. */
export interface GazetteerPlace {
  /** Row id in this gazetteer; stable only within one database file. */
  rowid: number;
  source: string;
  sourceId: string;
  name: string;
  featureClass: string | null;
  featureCode: string | null;
  /** ISO 3166-1 alpha-2 codes; several for border features. */
  countries: string[];
  admin1Code: string | null;
  admin1Name: string | null;
  admin2Code: string | null;
  lat: number;
  lon: number;
  population: number | null;
  radiusKm: number | null;
  precision: number | null;
  provenance: string | null;
}

/** A place found under one of its names. */
export interface NameMatch {
  place: GazetteerPlace;
  /** The stored name that matched. */
  name: string;
  /** Its `nameKey`, as stored. */
  key: string;
  lang: string | null;
  kind: string;
}

export interface GazetteerInfo {
  path: string;
  places: number;
  names: number;
  bySource: { source: string; places: number }[];
  imports: { source: string; file: string; rows: number; names: number; finishedAt: string }[];
}

/** A name found by skeleton, before its place is loaded. */
export interface SkeletonName {
  placeRowid: number;
  name: string;
  key: string;
  lang: string | null;
  kind: string;
}
