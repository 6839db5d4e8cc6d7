/**
 * Opens a GeoNames dump as a stream of bytes, from a plain `.txt` or from the
 * `.zip` GeoNames distributes, without ever holding the file: allCountries is
 * 1.5 GB. A zip is read by streaming its one table entry.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { crc32 } from "node:zlib";
import yauzl from "yauzl";
import { SitrepError, isSitrepError } from "../../model/errors.js";

export interface DumpInput {
  /** The bytes of the table, decompressed. */
  bytes: AsyncIterable<Buffer>;
  /** Bytes `bytes` will yield: the file's size, or the zip entry's uncompressed size. */
  totalBytes: number;
}

/** Files GeoNames ships inside its zips beside the table. */
const COMPANION_FILES = new Set(["readme.txt", "iso-languagecodes.txt"]);

export async function openDump(path: string): Promise<DumpInput> {
  const stats = await stat(path).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new SitrepError("input-not-found", `no such file: ${path}`, { cause: error });
    throw new SitrepError("input-unreadable", `cannot read ${path}: ${messageOf(error)}`, { cause: error });
  });
  if (!stats.isFile()) throw new SitrepError("input-unreadable", `${path} is not a regular file`);
  if (extname(path).toLowerCase() === ".zip") return openZipEntry(path);
  return { bytes: fileBytes(path), totalBytes: stats.size };
}

async function* fileBytes(path: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(path)) yield chunk as Buffer;
  } catch (error) {
    throw new SitrepError("input-unreadable", `cannot read ${path}: ${messageOf(error)}`, { cause: error });
  }
}

async function openZipEntry(path: string): Promise<DumpInput> {
  let zip: yauzl.ZipFile;
  try {
    // autoClose off: the entry is opened after the listing ends, which would otherwise close the file.
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw corruptZip(path, error);
  }
  try {
    const entries: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) entries.push(entry);
    const entry = pickTable(path, entries);
    return { bytes: entryBytes(path, zip, entry), totalBytes: entry.uncompressedSize };
  } catch (error) {
    zip.close();
    throw isSitrepError(error) ? error : corruptZip(path, error);
  }
}

/** The entry named like the zip (SY.zip → SY.txt), else its only table: GeoNames zips hold one table and a readme. */
function pickTable(path: string, entries: readonly yauzl.Entry[]): yauzl.Entry {
  const tables = entries.filter((entry) => entry.fileName.toLowerCase().endsWith(".txt") && !COMPANION_FILES.has(basename(entry.fileName).toLowerCase()));
  const expected = `${basename(path, extname(path))}.txt`.toLowerCase();
  const named = tables.find((entry) => basename(entry.fileName).toLowerCase() === expected);
  if (named !== undefined) return named;
  const [only, ...others] = tables;
  if (only !== undefined && others.length === 0) return only;
  const listing = entries.map((entry) => entry.fileName).join(", ") || "nothing";
  throw new SitrepError("gazetteer-format", `${path} does not hold one GeoNames table (.txt); it holds ${listing}`);
}

async function* entryBytes(path: string, zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  let checksum = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) {
      checksum = crc32(chunk as Buffer, checksum);
      yield chunk as Buffer;
    }
  } catch (error) {
    throw corruptZip(path, error);
  } finally {
    zip.close();
  }
  // yauzl checks sizes but not checksums, and a damaged download can keep its sizes.
  if (checksum >>> 0 !== entry.crc32 >>> 0) throw corruptZip(path, new Error(`${entry.fileName} fails its CRC-32 check`));
}

function corruptZip(path: string, error: unknown): SitrepError {
  return new SitrepError("gazetteer-format", `${path} is not a readable zip file (${messageOf(error)}); download it again`, { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
