/**
 * The toponym gold sets sitrep reads, where each lives under the data folder,
 * and how to tell which one a given file or folder is (`--gold PATH`).
 */
import { existsSync } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { SitrepError } from "../../model/errors.js";
import type { GeoDocument } from "./geo-document.js";
import { readGeoVirus } from "./geovirus.js";
import { readGeoWebNews } from "./geowebnews.js";
import { readIdrisiLocations } from "./idrisi-ar-locations.js";
import { readLgl } from "./lgl.js";
import { readTrNews } from "./tr-news.js";

export type GeoFormat = "geowebnews" | "lgl" | "tr-news" | "geovirus" | "idrisi-ar";

export interface GeoGoldSet {
  format: GeoFormat;
  /** The language the pipeline is told the documents are in. */
  language: "en" | "ar";
  /** Where the set lives under the data folder. */
  path: readonly string[];
  read: (path: string) => Promise<GeoDocument[]>;
}

export const GEO_GOLD_SETS: readonly GeoGoldSet[] = [
  { format: "geowebnews", language: "en", path: ["geowebnews"], read: readGeoWebNews },
  { format: "lgl", language: "en", path: ["lgl", "lgl.xml"], read: readLgl },
  { format: "tr-news", language: "en", path: ["tr-news", "TR-News.xml"], read: readTrNews },
  { format: "geovirus", language: "en", path: ["geovirus", "GeoVirus.xml"], read: readGeoVirus },
  { format: "idrisi-ar", language: "ar", path: ["idrisi-ar"], read: readIdrisiLocations },
];

export function geoGoldSet(format: GeoFormat): GeoGoldSet {
  const set = GEO_GOLD_SETS.find((item) => item.format === format);
  if (set === undefined) throw new Error(`geoGoldSet: no gold set for format "${format}"`);
  return set;
}

/** Which gold set `path` holds, and the path its reader takes. */
export async function detectGeoGold(path: string): Promise<{ set: GeoGoldSet; path: string }> {
  if (!existsSync(path)) throw new SitrepError("input-not-found", `gold data ${path} does not exist`);
  const found = (await stat(path)).isDirectory() ? await detectFolder(path) : await detectFile(path);
  if (found === null) {
    throw new SitrepError(
      "input-format",
      `cannot tell which gold format ${path} is in; expected GeoWebNews (a folder with GWN.xml or BRAT .ann files, or GWN.xml), ` +
        `LGL or TR-News XML (<toponyms>), GeoVirus XML (<locations>), or IDRISI .jsonl (a file, an event folder or the folder of events)`,
    );
  }
  return { set: geoGoldSet(found.format), path: found.path };
}

async function detectFolder(folder: string): Promise<{ format: GeoFormat; path: string } | null> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries.map((entry) => entry.name);
  if (names.includes("GWN.xml") || names.includes("GeoWebNews") || names.some((name) => name.endsWith(".ann"))) return { format: "geowebnews", path: folder };
  const xml = names.filter((name) => name.endsWith(".xml"));
  if (xml.length === 1) return detectFile(join(folder, xml[0] as string));
  if (names.some((name) => name.endsWith(".jsonl"))) return { format: "idrisi-ar", path: folder };
  for (const entry of entries.filter((item) => item.isDirectory())) {
    if ((await readdir(join(folder, entry.name))).some((name) => name.endsWith(".jsonl"))) return { format: "idrisi-ar", path: folder };
  }
  return null;
}

async function detectFile(file: string): Promise<{ format: GeoFormat; path: string } | null> {
  if (file.endsWith(".jsonl")) return { format: "idrisi-ar", path: file };
  const head = await readHead(file, 1024 * 1024);
  if (/<article\s+file=/.test(head)) return { format: "geowebnews", path: file };
  if (/<locations[\s>]/.test(head)) return { format: "geovirus", path: file };
  // TR-News uses LGL's schema; only its name tells them apart.
  if (/<toponyms[\s>]/.test(head)) return { format: /tr[-_]?news/i.test(basename(file)) ? "tr-news" : "lgl", path: file };
  return null;
}

async function readHead(file: string, bytes: number): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}
