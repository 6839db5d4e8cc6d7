import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../gazetteer.js";
import { openGazetteerDatabase } from "../store.js";
import { buildDefaultGazetteer } from "./build-default.js";
import { isStaleDefault } from "./fingerprint.js";
import { gazetteerFixture as fixture, SMALL_DEFAULT_INPUTS as SMALL } from "../../test-support/gazetteer-fixtures.js";



let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-default-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("buildDefaultGazetteer", () => {
  it("lets the curated country points win over every other source", async () => {
    const path = join(dir, "points", "gazetteer.sqlite");
    await buildDefaultGazetteer(path, { inputs: { ...SMALL, countryPoints: fixture("default/country-points.tsv") } });
    const gazetteer = new Gazetteer(path);
    try {
      const syria = gazetteer.byKey("syrian arab republic").find((match) => match.place.featureCode === "PCLI")?.place;
      expect(syria).toMatchObject({ lat: 35, lon: 38, provenance: "country-points.tsv: written for tests" });
    } finally {
      gazetteer.close();
    }
  });

  it("places a country at its conventional centre point when one is given, with its other spellings", async () => {
    const path = join(dir, "centres", "gazetteer.sqlite");
    await buildDefaultGazetteer(path, { inputs: { ...SMALL, centres: fixture("default/centres.json") } });
    const gazetteer = new Gazetteer(path);
    try {
      const lebanon = gazetteer.byKey("liban").find((match) => match.place.featureCode === "PCLI")?.place;
      expect(lebanon).toMatchObject({ lat: 33.83333333, lon: 35.83333333, provenance: "centres.json: conventional centre point" });
      expect(gazetteer.byKey("al jumhuriyah al libnaniyah").map((match) => match.place.sourceId)).toEqual(["LB"]);
      expect(gazetteer.byKey("lb")).toEqual([]);
    } finally {
      gazetteer.close();
    }
  });

  it("builds towns, regions, countries with demonyms, continents and the overlay, and says what it did", async () => {
    const path = join(dir, "small", "gazetteer.sqlite");
    const progress: [number, number][] = [];
    const report = await buildDefaultGazetteer(path, { inputs: SMALL, onProgress: (done, total) => progress.push([done, total]) });

    expect(report.steps.map(({ step, places }) => [step, places])).toEqual([
      ["towns", 7],
      ["regions", 4],
      ["districts", 2],
      ["countries", 2],
      ["demonyms", 0],
      ["continents", 2],
      ["overlay", 2],
      ["aliases", 0],
    ]);
    expect(report.steps.find((step) => step.step === "regions")?.notes).toEqual(["1 region(s) with no GeoNames town, so no point: SY.99"]);
    expect(report.steps.find((step) => step.step === "districts")?.notes).toEqual(["1 region(s) with no GeoNames town, so no point: SY.01.0199"]);
    expect(report.steps.find((step) => step.step === "aliases")).toMatchObject({ newNames: 1, notes: ["1 alias row(s) for places not in this build, skipped: natural-earth:ZZ"] });
    expect(report.steps.find((step) => step.step === "countries")?.notes).toEqual([
      "1 country(ies) without a shape, placed at their capital: LB",
      "1 country(ies) without a shape or a capital, left out: TK",
    ]);
    expect(report).toMatchObject({ path, places: 19, bytes: (await stat(path)).size });
    const [, total] = progress.at(-1) ?? [];
    expect(progress.at(-1)).toEqual([total, total]);

    const gazetteer = new Gazetteer(path);
    try {
      // Rif Dimashq sits at the population-weighted mean of Yabroud (25,000), Flita (5,000) and Qarah (20,000).
      const [region] = gazetteer.byKey("rif dimashq").filter((match) => match.place.source === "geonames-admin1");
      expect(region?.place).toMatchObject({ featureCode: "ADM1", countries: ["SY"], admin1Code: "01", admin1Name: "Rif Dimashq" });
      // The middle of the area its fixture towns cover.
      expect(region?.place.lat).toBeCloseTo(34.06, 2);
      expect(region?.place.lon).toBeCloseTo(36.66, 2);
      expect(region?.place.radiusKm).toBeGreaterThan(10);

      // A district holds the towns that carry its code, and their people: Yabroud (25,000) and Flita (5,000).
      const [district] = gazetteer.byKey("yabroud district");
      expect(district?.place).toMatchObject({ source: "geonames-admin2", featureCode: "ADM2", countries: ["SY"], admin1Code: "01", admin2Code: "0102", population: 30_000 });

      // Syria at the centroid of its large square, not pulled towards its small island far south-west.
      const [syria] = gazetteer.byKey("syrie");
      expect(syria?.place).toMatchObject({ source: "natural-earth", sourceId: "SY", name: "Syrian Arab Republic", featureCode: "PCLI", provenance: "atlas.json: centroid of the largest polygon" });
      expect(syria?.place.lat).toBeCloseTo(34.5, 6);
      expect(syria?.place.lon).toBeCloseTo(39, 6);
      expect(syria?.place.radiusKm).toBeGreaterThan(350);
      expect(gazetteer.byKey("syria").map((match) => `${match.lang}:${match.kind}`)).toEqual(["en:short"]);
      expect(gazetteer.byKey("syriennes").map((match) => [match.place.sourceId, match.lang, match.kind])).toEqual([["SY", "fr", "demonym"]]);

      // Lebanon has no shape in this atlas: its capital stands in, and the place says so.
      const [lebanon] = gazetteer.byKey("liban");
      expect(lebanon?.place).toMatchObject({ name: "Lebanese Republic", lat: 33.89, lon: 35.5, radiusKm: null, provenance: "no shape in atlas.json: point of the capital Beirut from GeoNames (PPLC)" });
      expect(gazetteer.byKey("lebanon").map((match) => `${match.lang}:${match.kind}`)).toEqual(["en:alternate"]);

      expect(gazetteer.byKey("afrique")[0]?.place).toMatchObject({ source: "continents", featureClass: "L", featureCode: "CONT", radiusKm: 4100, provenance: "written for tests" });
      const [qalamoun] = gazetteer.byKey("القلمون");
      expect(qalamoun?.place).toMatchObject({ source: "overlay", sourceId: "qalamoun", countries: ["SY", "LB"], radiusKm: 50, precision: 3, provenance: "written for tests" });
      expect(gazetteer.search("Wadi")[0]?.place).toMatchObject({ sourceId: "wadi-test", radiusKm: null, precision: null });
    } finally {
      gazetteer.close();
    }

    const db = openGazetteerDatabase(path, { readonly: true });
    const meta = Object.fromEntries((db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[]).map((row) => [row.key, row.value]));
    db.close();
    expect(Date.parse(meta.default_built_at ?? "")).not.toBeNaN();
    expect(JSON.parse(meta.default_inputs ?? "{}")).toMatchObject({ cities: SMALL.cities, overlay: SMALL.overlay });
  });

  it("records what it was built from, so that a build from other curated tables reads as stale", async () => {
    const path = join(dir, "fingerprint", "gazetteer.sqlite");
    await buildDefaultGazetteer(path, { inputs: SMALL });
    expect(isStaleDefault(path, SMALL)).toBe(false);
    const edited = join(dir, "fingerprint", "aliases.tsv");
    await writeFile(edited, `${await readFile(SMALL.aliases, "utf8")}\n`);
    expect(isStaleDefault(path, { ...SMALL, aliases: edited })).toBe(true);
    expect(isStaleDefault(join(dir, "fingerprint", "missing.sqlite"), SMALL)).toBe(false);
  });

  it("leaves the previous gazetteer untouched and no temporary file when a build fails", async () => {
    const path = join(dir, "failing", "gazetteer.sqlite");
    await buildDefaultGazetteer(path, { inputs: SMALL });
    const before = await readFile(path);
    const overlay = join(dir, "failing", "overlay.tsv");
    await writeFile(overlay, `${await readFile(SMALL.overlay[0] as string, "utf8")}broken\tBroken\t\tT\tMTS\tSY\tnorth\t36\t\t\tx\t\n`);

    await expect(buildDefaultGazetteer(path, { inputs: { ...SMALL, overlay: [overlay] } })).rejects.toThrow(/overlay\.tsv, line 5: lat must be a number/);
    expect((await readFile(path)).equals(before)).toBe(true);
    expect(await readdir(join(dir, "failing"))).toEqual(["gazetteer.sqlite", "overlay.tsv"]);
  });

  it("refuses to start when an input is missing, and clears builds a dead process left behind", async () => {
    const path = join(dir, "abandoned", "gazetteer.sqlite");
    await expect(buildDefaultGazetteer(path, { inputs: { ...SMALL, demonyms: join(dir, "absent.tsv") } })).rejects.toMatchObject({ code: "input-not-found" });
    expect(existsSync(path)).toBe(false);

    // No process has this id: Linux pids stop far below it.
    const left = `${path}.building-999999999-0a1b2c3d`;
    await mkdir(join(dir, "abandoned"), { recursive: true });
    await writeFile(left, "half a database");
    await buildDefaultGazetteer(path, { inputs: SMALL });
    expect(await readdir(join(dir, "abandoned"))).toEqual(["gazetteer.sqlite"]);
  });

  it("builds from the packaged inputs and the project's curated tables (with a small towns file)", async () => {
    const path = join(dir, "packaged", "gazetteer.sqlite");
    const report = await buildDefaultGazetteer(path, { inputs: { cities: SMALL.cities } });
    const places = Object.fromEntries(report.steps.map((step) => [step.step, step.places]));
    expect(places.countries).toBeGreaterThan(200);
    expect(places.continents).toBe(7);
    expect(places.overlay).toBeGreaterThan(0);
    expect(report.steps.find((step) => step.step === "demonyms")?.newNames).toBeGreaterThan(0);
  });
});
