/**
 * Imports one GeoNames dump file into a gazetteer: streamed a chunk at a
 * time, written through the `GazetteerWriter` in transactions of a few
 * thousand lines so memory stays flat whatever the file's size. Importing a
 * file again changes nothing: places are keyed by geonameid, names by
 * (place, name, kind), admin codes by code.
 */
import { basename, resolve } from "node:path";
import { SitrepError, isSitrepError } from "../../model/errors.js";
import type { GazetteerWriter } from "../store.js";
import { createAdminCodesFormat } from "./admin-codes.js";
import { createAlternateNamesFormat } from "./alternate-names.js";
import { detectKind } from "./detect-format.js";
import { formatError, type DumpFormat, type DumpKind, type ImportTally } from "./dump-format.js";
import { GEONAMES_SOURCE } from "../sources.js";
import { createGeonameFormat } from "./geoname-table.js";
import { openDump } from "./open-dump.js";
import { readLines } from "./read-lines.js";

export interface ImportOptions {
  /** Called after each chunk read: bytes of the table done and in all (uncompressed, for a zip). */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Lines per transaction. */
  batchSize?: number;
}

export interface ImportSummary extends ImportTally {
  file: string;
  kind: DumpKind;
}

const DEFAULT_BATCH_SIZE = 5_000;

export async function importGeoNamesDump(writer: GazetteerWriter, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const input = await openDump(path);
  const tally: ImportTally = { rows: 0, places: 0, adminCodes: 0, newNames: 0, unknownPlaces: 0, filteredNames: 0 };
  let format: DumpFormat | null = null;
  let batch: { fields: string[]; line: number }[] = [];
  let lineNumber = 0;
  let storedThrough = 0;

  const flush = (dumpFormat: DumpFormat): void => {
    writer.transaction(() => {
      for (const { fields, line } of batch) dumpFormat.writeLine(fields, { file: path, line }, tally);
    });
    storedThrough = batch.at(-1)?.line ?? storedThrough;
    batch = [];
  };

  options.onProgress?.(0, input.totalBytes);
  try {
    for await (const { lines, bytesRead } of readLines(input.bytes, path)) {
      for (const text of lines) {
        lineNumber += 1;
        if (text === "") continue;
        const fields = text.split("\t");
        format ??= createFormat(detectKind(path, fields), writer, basename(path));
        if (!format.columns.includes(fields.length)) {
          throw formatError({ file: path, line: lineNumber }, `${fields.length} tab-separated columns where a ${format.kind} line has ${format.columns.join(" or ")}`);
        }
        tally.rows += 1;
        batch.push({ fields, line: lineNumber });
        if (batch.length >= batchSize) flush(format);
      }
      options.onProgress?.(bytesRead, input.totalBytes);
    }
    if (format === null) throw new SitrepError("gazetteer-format", `${path} is empty: not a GeoNames dump`);
    flush(format);
  } catch (error) {
    if (isSitrepError(error) && storedThrough > 0) {
      throw new SitrepError(error.code, `${error.message} (lines 1–${storedThrough} were stored; importing the file again is safe)`, { cause: error });
    }
    throw error;
  }
  writer.recordImport(GEONAMES_SOURCE, resolve(path), tally.rows, tally.newNames);
  return { file: path, kind: format.kind, ...tally };
}

function createFormat(kind: DumpKind, writer: GazetteerWriter, fileName: string): DumpFormat {
  switch (kind) {
    case "geoname":
      return createGeonameFormat(writer, fileName);
    case "alternate-names":
      return createAlternateNamesFormat(writer);
    case "admin1-codes":
      return createAdminCodesFormat(writer, 1);
    case "admin2-codes":
      return createAdminCodesFormat(writer, 2);
  }
}
