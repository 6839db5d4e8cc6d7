/**
 * Fetching GeoNames per-country dumps in the official layout
 * (https://download.geonames.org/export/dump/): XX.zip, alternatenames/XX.zip,
 * admin1CodesASCII.txt and admin2Codes.txt, saved under a folder in the same
 * layout so that the importer recognises each file by its name.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fetchUrl, type FetchOptions } from "../ingest/fetch-url.js";
import { isSitrepError } from "../model/errors.js";

export const GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump/";

export interface DownloadOptions {
  baseUrl: string;
  /** Where the files are saved, in the dump's layout. */
  directory: string;
  fetch: FetchOptions;
  /** Told of each file saved, and of each optional file the server does not have. */
  onFile?: (event: { url: string; path: string; bytes: number } | { url: string; missing: string }) => void;
}

/** Downloads what `codes` (ISO alpha-2, upper case) need; returns the saved files in the order to import them. */
export async function downloadGeoNames(codes: readonly string[], options: DownloadOptions): Promise<string[]> {
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const saved: string[] = [];
  // Admin codes first: they name the regions the places refer to, and do not depend on them.
  for (const name of ["admin1CodesASCII.txt", "admin2Codes.txt"]) saved.push(await fetchTo(`${base}${name}`, name, options));
  for (const code of codes) {
    saved.push(await fetchTo(`${base}${code}.zip`, `${code}.zip`, options));
    // Alternate names load onto places already there, so they come after their country's dump.
    const alternates = await fetchTo(`${base}alternatenames/${code}.zip`, join("alternatenames", `${code}.zip`), options).catch((error: unknown) => {
      // A country GeoNames has no alternate names for is answered with a 404; fetchUrl says the status only in its message.
      if (isSitrepError(error) && error.code === "url-status" && / HTTP 404\b/.test(error.message)) {
        options.onFile?.({ url: `${base}alternatenames/${code}.zip`, missing: error.message });
        return null;
      }
      throw error;
    });
    if (alternates !== null) saved.push(alternates);
  }
  return saved;
}

async function fetchTo(url: string, relative: string, options: DownloadOptions): Promise<string> {
  const fetched = await fetchUrl(url, options.fetch);
  const path = join(options.directory, relative);
  await mkdir(dirname(path), { recursive: true });
  // Written aside and renamed, so an interrupted download never passes for a complete file.
  const partial = `${path}.part`;
  await writeFile(partial, fetched.bytes);
  await rename(partial, path);
  options.onFile?.({ url, path, bytes: fetched.bytes.byteLength });
  return path;
}
