import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GazetteerEntry, PlaceMention } from "../../model/analysis.js";
import type { Doc } from "../../model/document.js";
import { createSpanCheckStage } from "../../pipeline/check-spans.js";
import { distanceKm } from "../../model/geo.js";
import { errorCurveAuc } from "../geo-metrics.js";
import type { EvalProgress, EvalResult } from "../task.js";
import { createGeoparseTask } from "./geoparse.js";

const HOMS = { lat: 34.72682, lon: 36.72339 };
const HAMA = { lat: 35.13179, lon: 36.75783 };
const DAMASCUS = { lat: 33.5102, lon: 36.29128 };
const DEIR = { lat: 35.33588, lon: 40.14084 };
const AFRIN = { lat: 36.5119, lon: 36.8694 };
const RURITANIA = { lat: 47, lon: 15 };

const entry = (gazetteer: string, id: string, point: { lat: number; lon: number }): GazetteerEntry => ({
  gazetteer,
  id,
  name: id,
  country: null,
  admin1: null,
  feature: null,
  population: null,
  ...point,
});

/** What the fake places stage finds: "Hama" resolved to Damascus (wrong), "Deir" alone (a partial span), "Shelling" (not a place). */
const KNOWN: [string, GazetteerEntry | null][] = [
  ["Shelling", null],
  ["Homs", entry("geonames", "169577", HOMS)],
  ["Hama", entry("geonames", "170654", DAMASCUS)],
  ["Deir", entry("wof", "421172779", DEIR)],
  ["Afrin", entry("geonames", "174184", AFRIN)],
  ["Ruritania", entry("geonames", "1000001", RURITANIA)],
  ["town", null],
];

function places(doc: Doc): Doc {
  const text = doc.document.text;
  if (text.includes("BOOM")) throw new Error("places: fails on purpose");
  const found: PlaceMention[] = [];
  for (const [name, resolved] of KNOWN) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      found.push({ id: `p${found.length + 1}`, start: at, end: at + name.length, text: name, kind: "toponym", resolved, score: 1, precision: 1, alternatives: [], by: "places:test" });
    }
  }
  return { ...doc, places: [...doc.places, ...found] };
}

const stages = () => [places, createSpanCheckStage()];

const LGL_TEXT = "Shelling hit Homs and Hama, then Idlib and Deir ez-Zor.";
const lglToponym = (phrase: string, id: string, point: { lat: number; lon: number }, text = LGL_TEXT): string => {
  const start = text.indexOf(phrase);
  return `<toponym><start>${start}</start><end>${start + phrase.length}</end><phrase>${phrase}</phrase><gaztag geonameid="${id}"><lat>${point.lat}</lat><lon>${point.lon}</lon></gaztag></toponym>`;
};
const LGL = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1"><text><![CDATA[${LGL_TEXT}]]></text><toponyms>
    ${lglToponym("Homs", "169577", HOMS)}
    ${lglToponym("Hama", "170017", HAMA)}
    ${lglToponym("Idlib", "169389", { lat: 35.93, lon: 36.63 })}
    ${lglToponym("Deir ez-Zor", "170794", DEIR)}
  </toponyms></article>
  <article docid="2"><text><![CDATA[BOOM in Raqqa.]]></text><toponyms>
    ${lglToponym("Raqqa", "163808", { lat: 35.95, lon: 39.01 }, "BOOM in Raqqa.")}
  </toponyms></article>
</articles>
`;

const GWN_TEXT = "Ruritania shelled Afrin, a town in the north.";
const gwnToponym = (phrase: string, type: string, point: { lat: number; lon: number } | null): string => {
  const start = GWN_TEXT.indexOf(phrase);
  const coordinates = point === null ? "" : `<latitude>${point.lat}</latitude><longitude>${point.lon}</longitude>`;
  return `<toponym><extractedName>${phrase}</extractedName><type>${type}</type><start>${start}</start><end>${start + phrase.length}</end><geonamesID/>${coordinates}</toponym>`;
};
const GWN = `<?xml version="1.0" ?>
<articles>
  <article file="0"><text>${GWN_TEXT}</text><toponyms>
    ${gwnToponym("Ruritania", "Metonymic", RURITANIA)}
    ${gwnToponym("Afrin", "Literal", AFRIN)}
    ${gwnToponym("town", "Literal_Expression", null)}
  </toponyms></article>
</articles>
`;

async function dataDir(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "sitrep-geoparse-"));
  await mkdir(join(root, "lgl"));
  await writeFile(join(root, "lgl", "lgl.xml"), LGL);
  await mkdir(join(root, "geowebnews"));
  await writeFile(join(root, "geowebnews", "GWN.xml"), GWN);
  return root;
}

async function run(options: Parameters<ReturnType<typeof createGeoparseTask>["run"]>[1] = {}): Promise<EvalResult> {
  const outcome = await createGeoparseTask({ createStages: stages }).run(await dataDir(), options);
  if ("skipped" in outcome) throw new Error(`skipped: ${outcome.skipped}`);
  return outcome;
}

describe("geoparse task", () => {
  it("scores a known pipeline with predictable numbers", async () => {
    const result = await run();
    expect(result.rows.map((row) => row.dataset)).toEqual(["geowebnews (literal)", "geowebnews (all)", "lgl"]);
    const lgl = result.rows[2];
    const hamaError = distanceKm(HAMA, DAMASCUS);
    expect(hamaError).toBeGreaterThan(161);
    expect(lgl).toEqual({
      dataset: "lgl",
      docs: 2,
      gold: 5,
      "with coords": 5,
      predicted: 4,
      "span P": 0.5,
      "span R": 0.4,
      "span F1": 4 / 9,
      "overlap F1": 6 / 9,
      resolved: 3,
      "acc@161 resolved-only": 2 / 3,
      "acc@161 all-gold": 0.4,
      "median km": 0,
      "mean km": hamaError / 3,
      AUC: errorCurveAuc([0, 0, hamaError]),
      "id match": 0.5,
    });
    for (const row of result.rows) expect(Object.keys(row)).toEqual(result.columns);
  });

  it("scores GeoWebNews literal-only and all toponyms, setting aside predictions on uncounted annotations", async () => {
    const [literal, all] = (await run()).rows;
    expect(literal).toMatchObject({ gold: 1, predicted: 1, "span P": 1, "span R": 1, "acc@161 all-gold": 1 });
    expect(all).toMatchObject({ gold: 2, predicted: 2, "span P": 1, "span R": 1, "acc@161 all-gold": 1, "id match": "-" });
  });

  it("reports a document the pipeline fails on, counts its toponyms as missed, and goes on", async () => {
    const result = await run();
    const lgl = result.details?.lgl as { documents: { id: string; error?: string; missed: { text: string }[] }[] };
    const failed = lgl.documents.find((document) => document.id === "2");
    expect(failed?.error).toContain("fails on purpose");
    expect(failed?.missed.map((toponym) => toponym.text)).toEqual(["Raqqa"]);
    expect(result.notes.some((note) => note.startsWith("lgl:") && note.includes("failed on 1 documents"))).toBe(true);
  });

  it("writes per-document details a developer can inspect", async () => {
    const result = await run();
    const lgl = JSON.parse(JSON.stringify(result.details?.lgl)) as {
      reading: { documents: number; toponyms: number };
      documents: { id: string; missed: { text: string }[]; spurious: { text: string }[]; matched: { gold: { text: string }; predicted: { text: string }; exact: boolean }[] }[];
    };
    expect(lgl.reading).toMatchObject({ documents: 2, toponyms: 5 });
    const [first] = lgl.documents;
    expect(first?.missed.map((toponym) => toponym.text)).toEqual(["Idlib"]);
    expect(first?.spurious.map((place) => place.text)).toEqual(["Shelling"]);
    expect(first?.matched.map((pair) => [pair.gold.text, pair.predicted.text, pair.exact])).toEqual([
      ["Homs", "Homs", true],
      ["Hama", "Hama", true],
      ["Deir ez-Zor", "Deir", false],
    ]);
  });

  it("honours --limit and --gold, and reports progress", async () => {
    const seen: EvalProgress[] = [];
    const limited = await run({ limit: 1, onProgress: (progress) => seen.push(progress) });
    expect(limited.rows.map((row) => row.docs)).toEqual([1, 1, 1]);
    expect(seen.at(-1)).toEqual({ task: "geoparse", dataset: "lgl", done: 1, total: 1 });
    expect(limited.notes.find((note) => note.startsWith("lgl:"))).toContain("the first 1 scored");

    const root = await dataDir();
    const outcome = await createGeoparseTask({ createStages: stages }).run("/nonexistent", { gold: join(root, "lgl", "lgl.xml") });
    expect("rows" in outcome && outcome.rows.map((row) => row.dataset)).toEqual(["lgl"]);
  });

  it("is skipped when no gold set is found", async () => {
    const empty = await mkdtemp(join(tmpdir(), "sitrep-geoparse-empty-"));
    expect(await createGeoparseTask({ createStages: stages }).run(empty)).toEqual({ skipped: `no toponym gold set found under ${empty}` });
  });
});
