/**
 * What every GeoNames table reader provides: the column counts its lines
 * have, and a writer for one line. The importer owns reading, batching into
 * transactions and counting; a format only knows its columns.
 */
import { SitrepError } from "../../model/errors.js";

export type DumpKind = "geoname" | "alternate-names" | "admin1-codes" | "admin2-codes";

/** What an import did, for its summary and the `imports` table. */
export interface ImportTally {
  /** Lines read. */
  rows: number;
  places: number;
  adminCodes: number;
  /** Names that were not stored before. */
  newNames: number;
  /** Alternate names of places this gazetteer does not hold. */
  unknownPlaces: number;
  /** Names left out for their script or their pseudo-language (links, postal and airport codes). */
  filteredNames: number;
}

export interface DumpFormat {
  kind: DumpKind;
  /** Tab-separated columns a line has (the older alternateNames.txt has fewer than V2). */
  columns: readonly number[];
  /** Writes one line; runs inside the importer's transaction. Throws `formatError` on a malformed line. */
  writeLine(fields: readonly string[], line: LineRef, tally: ImportTally): void;
}

export interface LineRef {
  file: string;
  line: number;
}

export function formatError(at: LineRef, problem: string): SitrepError {
  return new SitrepError("gazetteer-format", `${at.file}, line ${at.line}: ${problem}`);
}

/** A decimal number in range, or a format error naming the column. */
export function parseCoordinate(value: string, column: string, limit: number, at: LineRef): number {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(number) || Math.abs(number) > limit) throw formatError(at, `${column} is not a number between -${limit} and ${limit}: ${JSON.stringify(value)}`);
  return number;
}
