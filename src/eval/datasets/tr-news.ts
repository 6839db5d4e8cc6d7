import type { GeoDocument } from "./geo-document.js";
import { readLgl } from "./lgl.js";

/**
 * tr-news/TR-News.xml (Kamalloo & Rafiei 2018): LGL's schema. 117 of its
 * offsets are shifted a few characters to the right of the phrase; the shared
 * alignment (align-toponym.ts) repairs them and keeps the stated offsets.
 */
export async function readTrNews(path: string): Promise<GeoDocument[]> {
  return readLgl(path);
}
