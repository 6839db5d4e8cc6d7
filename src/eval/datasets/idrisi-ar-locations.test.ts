import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codePointToUnitOffsets, readIdrisiLocations } from "./idrisi-ar-locations.js";

// Invented tweets in IDRISI's layout; offsets count code points, so the emoji
// (two UTF-16 units, one code point) moves every later offset by one.
const mention = (text: string, type: string, start: number, osm: Record<string, unknown> | null): Record<string, unknown> => ({
  text,
  type,
  start_offset: start,
  end_offset: start + [...text].length,
  osm_json: osm,
});

const TWEETS = [
  {
    tweet_id: "101",
    text: "أمطار 🌧 في #عمان والزرقاء",
    location_mentions: [
      mention("#عمان", "City/town", 11, { lat: "31.95", lon: "35.93", extratags: { "geonames:id": "250441" } }),
      mention("الزرقاء", "City/town", 18, { lat: "32.07", lon: "36.09" }),
      mention("الزرقاء", "City/town", 18, { lat: "32.07", lon: "36.09" }),
      mention("إربد", "City/town", 3, null),
    ],
  },
  { tweet_id: "102", text: "لا شيء", location_mentions: [] },
];

async function fixture(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "sitrep-idrisi-"));
  await mkdir(join(folder, "jordan_rain_2099"));
  await writeFile(join(folder, "jordan_rain_2099", "train.jsonl"), `${TWEETS.map((tweet) => JSON.stringify(tweet)).join("\n")}\n`);
  return folder;
}

describe("readIdrisiLocations", () => {
  it("converts code-point offsets to UTF-16, reads OSM coordinates and GeoNames tags, merges repeats, drops the unfindable", async () => {
    const folder = await fixture();
    const documents = await readIdrisiLocations(folder);
    expect(documents.map((document) => document.id)).toEqual(["jordan_rain_2099/101", "jordan_rain_2099/102"]);
    const [first] = documents;
    const text = TWEETS[0]?.text ?? "";
    expect(first?.toponyms).toEqual([
      { start: 12, end: 17, text: "#عمان", lat: 31.95, lon: 35.93, geonameId: "250441", kind: "City/town" },
      { start: 19, end: 26, text: "الزرقاء", lat: 32.07, lon: 36.09, geonameId: null, kind: "City/town" },
    ]);
    for (const toponym of first?.toponyms ?? []) expect(text.slice(toponym.start, toponym.end)).toBe(toponym.text);
    expect(first?.dropped.map((dropped) => [dropped.text, dropped.code])).toEqual([
      ["الزرقاء", "duplicate"],
      ["إربد", "unaligned"],
    ]);
  });

  it("takes one event folder or one file too", async () => {
    const folder = await fixture();
    const all = await readIdrisiLocations(folder);
    expect(await readIdrisiLocations(join(folder, "jordan_rain_2099"))).toEqual(all);
    expect(await readIdrisiLocations(join(folder, "jordan_rain_2099", "train.jsonl"))).toEqual(all);
  });
});

describe("codePointToUnitOffsets", () => {
  it("maps code points to UTF-16 offsets, one past the end", () => {
    expect(codePointToUnitOffsets("a🌧b")).toEqual([0, 1, 3, 4]);
  });
});
