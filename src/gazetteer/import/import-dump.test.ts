import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../gazetteer.js";
import { GazetteerWriter, openGazetteerDatabase, type GazetteerDatabase } from "../store.js";
import { gazetteerFixture as fixture, zipOf } from "../../test-support/gazetteer-fixtures.js";
import { importGeoNamesDump } from "./import-dump.js";


let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fresh(): { db: GazetteerDatabase; writer: GazetteerWriter; gazetteer: Gazetteer; count: (table: string) => number } {
  const db = openGazetteerDatabase(":memory:");
  return {
    db,
    writer: new GazetteerWriter(db),
    gazetteer: new Gazetteer(":memory:", db),
    count: (table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
  };
}


async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, content);
  return path;
}

describe("importGeoNamesDump: the geoname table", () => {
  it("loads places with their names in Latin and Arabic script only, and their extents", async () => {
    const { writer, gazetteer, count } = fresh();
    const summary = await importGeoNamesDump(writer, fixture("towns.txt"));
    expect(summary).toMatchObject({ kind: "geoname", rows: 7, places: 7, newNames: 27, filteredNames: 3, unknownPlaces: 0 });
    expect(count("places")).toBe(7);
    expect(count("names")).toBe(27);

    const [arsal, ...others] = gazetteer.byKey("arsal");
    expect(others).toEqual([]);
    expect(arsal?.place).toMatchObject({ source: "geonames", sourceId: "9100001", name: "Aarsal", featureClass: "P", featureCode: "PPL", countries: ["LB"], admin1Code: "01", lat: 34.18, lon: 36.42, population: 40000, provenance: "towns.txt" });
    expect(arsal).toMatchObject({ name: "Arsal", lang: null, kind: "alternate" });
    expect(gazetteer.byKey("عرسال").map((match) => match.place.name)).toEqual(["Aarsal"]);
    expect(gazetteer.byKey("арсаль")).toEqual([]);
    // The ASCII name is kept only where it differs from the name, under its own kind.
    expect(gazetteer.byKey("aarsal").map((match) => match.kind)).toEqual(["name"]);
    expect(gazetteer.byKey("qarah").map((match) => `${match.kind}:${match.name}`)).toEqual(["name:Qārah", "ascii:Qarah"]);
    expect(gazetteer.near(34.18, 36.42, 1).map((place) => place.name)).toEqual(["Aarsal"]);
  });

  it("gives a country the default gazetteer holds the dump's names, not a second place with another point", async () => {
    const { writer, gazetteer, count } = fresh();
    writer.upsertPlace(
      { source: "natural-earth", sourceId: "SY", name: "Syria", featureClass: "A", featureCode: "PCLI", country: "SY", admin1Code: null, admin2Code: null, lat: 35, lon: 38, population: null, radiusKm: 400, precision: null, provenance: "written for tests" },
      [],
    );
    const row = ["163843", "Syrian Arab Republic", "Syrian Arab Republic", "Souria,سوريا", "35.00845", "38.28846", "A", "PCLI", "SY", "", "00", "", "", "", "22933531", "", "", "Asia/Damascus", "2024-01-01"];
    const summary = await importGeoNamesDump(writer, await file("SY.txt", `${row.join("\t")}\n`));
    expect(summary).toMatchObject({ places: 1, newNames: 3 });
    expect(count("places")).toBe(1);
    const [syria, ...others] = gazetteer.byKey("souria");
    expect(others).toEqual([]);
    expect(syria?.place).toMatchObject({ source: "natural-earth", sourceId: "SY", lat: 35, lon: 38 });
    expect(gazetteer.byKey("سوريا").map((match) => match.place.sourceId)).toEqual(["SY"]);
  });

  it("finds a place of an Arabic-speaking country under its name without the article, as the press writes it", async () => {
    const { writer, gazetteer } = fresh();
    const line = (id: string, name: string, country: string, alternates: string): string =>
      [id, name, name, alternates, "35.9", "39.0", "P", "PPLA", country, "", "04", "", "", "", "200000", "", "", "", "2024-01-01"].join("\t");
    await importGeoNamesDump(writer, await file("article.txt", `${line("163345", "Ar Raqqah", "SY", "Raqqa,الرقة")}\n${line("5520993", "El Paso", "US", "")}\n`));
    expect(gazetteer.byKey("raqqah").map((match) => [match.name, match.kind, match.place.name])).toEqual([["Raqqah", "no-article", "Ar Raqqah"]]);
    // A spelling the dump already gives bare is not doubled; names elsewhere keep their article ("El Paso" is no "Paso").
    expect(gazetteer.byKey("raqqa").map((match) => match.kind)).toEqual(["alternate"]);
    expect(gazetteer.byKey("paso")).toEqual([]);
  });

  it("reads the table from a zip as GeoNames ships it, beside a readme, streaming the entry", async () => {
    const towns = await readFile(fixture("towns.txt"));
    const path = await file("ZZ.zip", await zipOf({ "readme.txt": "GeoNames readme", "ZZ.txt": towns }));
    const { writer, count } = fresh();
    const progress: [number, number][] = [];
    const summary = await importGeoNamesDump(writer, path, { onProgress: (done, total) => progress.push([done, total]) });
    expect(summary).toMatchObject({ kind: "geoname", places: 7, newNames: 27 });
    expect(count("names")).toBe(27);
    expect(progress[0]).toEqual([0, towns.length]);
    expect(progress.at(-1)).toEqual([towns.length, towns.length]);
  });

  it("reports progress in bytes, from 0 to the file's size, never going back", async () => {
    const { writer } = fresh();
    const progress: [number, number][] = [];
    await importGeoNamesDump(writer, fixture("towns.txt"), { onProgress: (done, total) => progress.push([done, total]) });
    const { size } = await stat(fixture("towns.txt"));
    expect(progress[0]).toEqual([0, size]);
    expect(progress.at(-1)).toEqual([size, size]);
    expect(progress.every(([done], i) => i === 0 || done >= (progress[i - 1]?.[0] ?? 0))).toBe(true);
  });
});

describe("importGeoNamesDump: alternate names and admin codes", () => {
  it("adds alternate names with their language to loaded places, skipping links, codes, other scripts and unknown places", async () => {
    const { writer, gazetteer } = fresh();
    await importGeoNamesDump(writer, fixture("towns.txt"));
    const summary = await importGeoNamesDump(writer, fixture("alternateNamesV2.txt"));
    expect(summary).toMatchObject({ kind: "alternate-names", rows: 11, newNames: 5, unknownPlaces: 1, filteredNames: 3 });

    const arsal = gazetteer.byKey("arsal");
    // The dump's untagged "Arsal" takes the language the alternate-names file gives it.
    expect(arsal.map(({ name, lang, kind }) => ({ name, lang, kind }))).toEqual([{ name: "Arsal", lang: "fr", kind: "alternate" }]);
    expect(gazetteer.byKey("عرسال").map(({ lang, kind }) => `${lang}:${kind}`).sort()).toEqual(["ar:preferred", "null:alternate"]);
    expect(gazetteer.byKey("kara").map(({ lang, kind }) => `${lang}:${kind}`).sort()).toEqual(["de:historic", "null:alternate"]);
    expect(gazetteer.byKey("fleita")[0]?.place.name).toBe("Flita");
    expect(gazetteer.byKey("nowhere")).toEqual([]);
  });

  it("loads admin1 and admin2 codes, which places then name their region by", async () => {
    const { writer, gazetteer, count } = fresh();
    await importGeoNamesDump(writer, fixture("towns.txt"));
    expect(await importGeoNamesDump(writer, fixture("admin1CodesASCII.txt"))).toMatchObject({ kind: "admin1-codes", adminCodes: 4 });
    expect(await importGeoNamesDump(writer, fixture("admin2Codes.txt"))).toMatchObject({ kind: "admin2-codes", adminCodes: 2 });
    expect(count("admin_codes")).toBe(6);
    expect(gazetteer.byKey("yabroud")[0]?.place).toMatchObject({ admin1Code: "01", admin1Name: "Rif Dimashq", admin2Code: "0102" });
  });

  it("changes no counts when the same files are imported again, and records every import", async () => {
    const { writer, count } = fresh();
    const files = ["towns.txt", "alternateNamesV2.txt", "admin1CodesASCII.txt", "admin2Codes.txt"].map(fixture);
    for (const path of files) await importGeoNamesDump(writer, path);
    const first = ["places", "names", "admin_codes", "places_rtree", "names_fts"].map(count);
    const again = [];
    for (const path of files) again.push(await importGeoNamesDump(writer, path, { batchSize: 2 }));
    expect(["places", "names", "admin_codes", "places_rtree", "names_fts"].map(count)).toEqual(first);
    expect(again.map((summary) => summary.newNames)).toEqual([0, 0, 0, 0]);
    expect(count("imports")).toBe(8);
  });

  it("recognises per-country alternate names by their alternatenames/ folder, and by their columns without it", async () => {
    const alternates = await readFile(fixture("alternateNamesV2.txt"));
    for (const path of [await file("alternatenames/ZZ.txt", alternates), await file("renamed/ZZ.txt", alternates)]) {
      const { writer } = fresh();
      await importGeoNamesDump(writer, fixture("towns.txt"));
      expect((await importGeoNamesDump(writer, path)).kind).toBe("alternate-names");
    }
  });
});

describe("importGeoNamesDump: bad files", () => {
  it("stops at a malformed line, naming the file and line, and says what was stored before it", async () => {
    const { writer, count } = fresh();
    const importing = importGeoNamesDump(writer, fixture("malformed-towns.txt"), { batchSize: 1 });
    await expect(importing).rejects.toMatchObject({ code: "gazetteer-format" });
    await expect(importing).rejects.toThrow(/malformed-towns\.txt, line 3: latitude is not a number .*"north".*lines 1–2 were stored/);
    expect(count("places")).toBe(2);
    expect(count("imports")).toBe(0);
  });

  it("refuses a line with the wrong number of columns", async () => {
    const [first = "", second = ""] = (await readFile(fixture("towns.txt"), "utf8")).split("\n");
    const path = await file("short.txt", `${first}\n${second.split("\t").slice(0, 18).join("\t")}\n`);
    await expect(importGeoNamesDump(fresh().writer, path)).rejects.toThrow(/short\.txt, line 2: 18 tab-separated columns where a geoname line has 19/);
  });

  it("refuses files that are not GeoNames dumps, empty files, missing files and broken zips", async () => {
    const { writer } = fresh();
    const towns = await readFile(fixture("towns.txt"));
    await expect(importGeoNamesDump(writer, await file("notes.txt", "a\tb\tc\n"))).rejects.toThrow(/not a GeoNames dump: its first line has 3 tab-separated column/);
    await expect(importGeoNamesDump(writer, await file("empty.txt", ""))).rejects.toThrow(/empty\.txt is empty/);
    await expect(importGeoNamesDump(writer, join(dir, "absent.txt"))).rejects.toMatchObject({ code: "input-not-found" });
    await expect(importGeoNamesDump(writer, await file("garbage.zip", "PK this is not a zip"))).rejects.toMatchObject({ code: "gazetteer-format", message: expect.stringMatching(/not a readable zip file/) });
    await expect(importGeoNamesDump(writer, await file("pictures.zip", await zipOf({ "map.png": "…" })))).rejects.toThrow(/does not hold one GeoNames table \(\.txt\); it holds map\.png/);

    // Stored, not deflated, so that a damaged byte keeps every size right and only the checksum can tell.
    const damaged = await zipOf({ "XY.txt": towns }, false);
    const at = damaged.indexOf("Aarsal");
    damaged[at] = "B".charCodeAt(0);
    await expect(importGeoNamesDump(fresh().writer, await file("XY.zip", damaged))).rejects.toThrow(/XY\.zip is not a readable zip file \(XY\.txt fails its CRC-32 check\)/);
  });
});
