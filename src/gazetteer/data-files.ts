/**
 * The reader of the project's curated gazetteer tables (data/gazetteer/*.tsv):
 * tab-separated, `#` lines are comments, the first other line is the header.
 * These files are reviewed by hand, so a row that does not parse stops the
 * build with the file and line to fix rather than being skipped.
 */
import { readFileSync } from "node:fs";
import { SitrepError } from "../model/errors.js";

export interface DataRow<Column extends string> {
  file: string;
  line: number;
  values: Record<Column, string>;
}

export function readDataFile<Column extends string>(file: string, header: readonly Column[]): DataRow<Column>[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SitrepError(code === "ENOENT" ? "input-not-found" : "input-unreadable", `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const rows: DataRow<Column>[] = [];
  let headerSeen = false;
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const at = { file, line: index + 1 };
    if (line.startsWith("#") || line.trim() === "") continue;
    const fields = line.split("\t");
    if (!headerSeen) {
      if (fields.join("\t") !== header.join("\t")) throw dataFileError(at, `expected the header "${header.join("\\t")}", found "${fields.join("\\t")}"`);
      headerSeen = true;
      continue;
    }
    if (fields.length !== header.length) throw dataFileError(at, `${fields.length} tab-separated fields where the header has ${header.length}`);
    rows.push({ ...at, values: Object.fromEntries(header.map((column, i) => [column, (fields[i] ?? "").trim()])) as Record<Column, string> });
  }
  if (!headerSeen) throw dataFileError({ file, line: 1 }, `no header line (expected "${header.join("\\t")}")`);
  return rows;
}

export function dataFileError(at: { file: string; line: number }, problem: string): SitrepError {
  return new SitrepError("gazetteer-format", `${at.file}, line ${at.line}: ${problem}`);
}

/** A number in [min, max]. */
export function numberField<Column extends string>(row: DataRow<Column>, column: Column, range: { min: number; max: number }): number {
  const value = row.values[column];
  const number = value === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(number) || number < range.min || number > range.max) {
    throw dataFileError(row, `${column} must be a number from ${range.min} to ${range.max}, not ${JSON.stringify(value)}`);
  }
  return number;
}

/** A number in [min, max], or null for an empty field. */
export function optionalNumberField<Column extends string>(row: DataRow<Column>, column: Column, range: { min: number; max: number }): number | null {
  return row.values[column] === "" ? null : numberField(row, column, range);
}

export function requiredField<Column extends string>(row: DataRow<Column>, column: Column): string {
  const value = row.values[column];
  if (value === "") throw dataFileError(row, `${column} is empty`);
  return value;
}

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/;

/** "en:Africa|fr:Afrique|ar:أفريقيا" → names with their language, in order. */
export function langNamesField<Column extends string>(row: DataRow<Column>, column: Column): { lang: string; name: string }[] {
  const value = row.values[column];
  if (value === "") return [];
  return value.split("|").map((entry) => {
    const colon = entry.indexOf(":");
    const lang = entry.slice(0, colon).trim();
    const name = entry.slice(colon + 1).trim();
    if (colon < 0 || !LANG.test(lang) || name === "") throw dataFileError(row, `${column}: expected lang:name, found ${JSON.stringify(entry)}`);
    return { lang, name };
  });
}
