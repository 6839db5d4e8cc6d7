import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { buildGeoDocument, parseCoordinates, parseGeonameId, type GeoDocument, type StatedToponym } from "./geo-document.js";

interface IdrisiMention {
  text?: string;
  type?: string;
  start_offset?: number;
  end_offset?: number;
  osm_json?: { lat?: string; lon?: string; extratags?: Record<string, string> } | null;
}

interface IdrisiTweet {
  tweet_id: string;
  text: string;
  location_mentions?: IdrisiMention[];
}

/**
 * IDRISI-D Arabic location mentions (idrisi-ar/<event>/train.jsonl), one tweet
 * per line. Takes the folder of events, one event's folder, or one .jsonl file.
 *
 * Offsets count Unicode code points (the data was made in Python), not UTF-16
 * units: they differ after an emoji, so they are converted here. Coordinates
 * are OpenStreetMap's (`osm_json.lat`/`lon`, strings, sometimes absent); the
 * GeoNames id is OSM's own `geonames:id` tag of the object, when it has one.
 * A mention's `type` (Country, City/town, …) becomes its `kind`.
 */
export async function readIdrisiLocations(path: string): Promise<GeoDocument[]> {
  const documents: GeoDocument[] = [];
  for (const file of await jsonlFiles(path)) {
    // Tweet ids are unique within an event; the event is the file's folder.
    const event = basename(dirname(file));
    for (const line of (await readFile(file, "utf8")).split("\n")) {
      if (line.trim() === "") continue;
      documents.push(parseIdrisiTweet(JSON.parse(line) as IdrisiTweet, event));
    }
  }
  return documents;
}

export function parseIdrisiTweet(tweet: IdrisiTweet, event: string): GeoDocument {
  const units = codePointToUnitOffsets(tweet.text);
  const toUnits = (offset: number | undefined): number => (offset !== undefined && Number.isInteger(offset) ? (units[offset] ?? Number.NaN) : Number.NaN);
  const stated = (tweet.location_mentions ?? []).map((mention): StatedToponym => {
    const tags = mention.osm_json?.extratags ?? {};
    return {
      start: toUnits(mention.start_offset),
      end: toUnits(mention.end_offset),
      text: mention.text ?? "",
      ...parseCoordinates(mention.osm_json?.lat, mention.osm_json?.lon),
      geonameId: parseGeonameId(tags["geonames:id"] ?? tags["geonames_id"]),
      ...(mention.type ? { kind: mention.type } : {}),
    };
  });
  return buildGeoDocument(`${event}/${tweet.tweet_id}`, tweet.text, stated);
}

/** `result[i]` is the UTF-16 offset of code point `i`; one entry past the end. */
export function codePointToUnitOffsets(text: string): number[] {
  const offsets: number[] = [];
  let unit = 0;
  for (const character of text) {
    offsets.push(unit);
    unit += character.length;
  }
  offsets.push(unit);
  return offsets;
}

/** The .jsonl files of `path`: itself, the ones in it, or else the ones in its sub-folders (one per event). */
async function jsonlFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const here = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".jsonl")).map((entry) => join(path, entry.name));
  if (here.length > 0) return here;
  const nested: string[] = [];
  for (const entry of entries.filter((item) => item.isDirectory())) {
    const files = (await readdir(join(path, entry.name))).filter((name) => name.endsWith(".jsonl")).sort();
    nested.push(...files.map((name) => join(path, entry.name, name)));
  }
  return nested;
}
