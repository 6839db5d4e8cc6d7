import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NO_LABEL } from "../classification-metrics.js";
import type { EvalResult, EvalRunOptions } from "../task.js";
import { createPloverTask, PLOVER_COLUMNS, predictPlover } from "./plover.js";
import { eventRecord, fakeEventStages, type FakeTrigger } from "../../test-support/events.js";

const GSR = fileURLToPath(new URL("../../../fixtures/eval/plover-gsr.txt", import.meta.url));
const NGEC = fileURLToPath(new URL("../../../fixtures/eval/ngec-synthetic.csv", import.meta.url));

// Gold records: ASSAULT "bombed" (right, mode right), AGREE "agreed" (COOPERATE: wrong), PROTEST "strike" (right, mode wrong).
// Synthetic stories: PROTEST "walked off" (right, mode STRIKE right in any case), ASSAULT (no event: none), AGREE "agreed" (wrong).
const TRIGGERS: FakeTrigger[] = [
  { word: "bombed", plover: { type: "ASSAULT", mode: "heavy-weapons" }, confidence: 0.9 },
  { word: "agreed", plover: { type: "COOPERATE", mode: null } },
  { word: "strike", plover: { type: "PROTEST", mode: "strike" } },
  { word: "walked off", plover: { type: "protest", mode: "STRIKE" } },
];

async function dataDir(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "sitrep-plover-"));
  await mkdir(join(root, "plover-gsr"));
  await copyFile(GSR, join(root, "plover-gsr", "PLOVER_GSR_CAMEO.txt"));
  await mkdir(join(root, "ngec-synthetic"));
  await copyFile(NGEC, join(root, "ngec-synthetic", "gpt_synthetic_events_2023-10-19_19.csv"));
  return root;
}

async function run(triggers: FakeTrigger[], options: EvalRunOptions = {}, root?: string): Promise<EvalResult> {
  const outcome = await createPloverTask({ createStages: () => fakeEventStages(triggers, []) }).run(root ?? (await dataDir()), options);
  if ("skipped" in outcome) throw new Error(`skipped: ${outcome.skipped}`);
  return outcome;
}

describe("predictPlover", () => {
  it("reads type (upper case) and mode (lower case) from the most confident event, none from no event", () => {
    const events = [eventRecord({ start: 0, text: "hit", plover: { type: "assault", mode: "Firearms" }, confidence: 0.7 }), eventRecord({ start: 5, text: "said", plover: { type: "ACCUSE", mode: null } })];
    expect(predictPlover(events)).toMatchObject({ type: "ASSAULT", mode: "firearms" });
    expect(predictPlover([])).toEqual({ type: NO_LABEL, mode: null, event: null });
  });
});

describe("plover task", () => {
  it("scores each data set's type accuracy, macro F1 and mode accuracy with predictable numbers", async () => {
    const result = await run(TRIGGERS);
    expect(result.columns).toEqual(PLOVER_COLUMNS);
    for (const row of result.rows) expect(Object.keys(row).sort()).toEqual([...PLOVER_COLUMNS].sort());
    const summaries = result.rows.filter((row) => row.class === "all");
    expect(summaries).toEqual([
      { dataset: "plover-gsr", class: "all", n: 3, predicted: 3, accuracy: 2 / 3, "macro F1": 0.5, "mode n": 2, "mode accuracy": 0.5, P: "-", R: "-", F1: "-" },
      { dataset: "ngec-synthetic", class: "all", n: 3, predicted: 2, accuracy: 1 / 3, "macro F1": 0.25, "mode n": 2, "mode accuracy": 0.5, P: "-", R: "-", F1: "-" },
    ]);
    expect(result.rows.filter((row) => row.dataset === "plover-gsr" && row.class !== "all").map((row) => [row.class, row.n, row.predicted, row.F1])).toEqual([
      ["AGREE", 1, 0, 0],
      ["ASSAULT", 1, 1, 1],
      ["COOPERATE", 0, 1, 0],
      ["PROTEST", 1, 1, 1],
    ]);
    expect(result.notes.find((note) => note.startsWith("ngec-synthetic:"))).toContain("1 modes respelled");
    expect(result.notes.some((note) => note.includes("never evidence of accuracy on real news"))).toBe(true);
  });

  it("writes each text's gold and prediction in the details", async () => {
    const details = (await run(TRIGGERS)).details as Record<string, { texts: unknown[] }>;
    expect(details["ngec-synthetic"]?.texts[1]).toEqual({ id: "2", gold: { type: "ASSAULT", mode: "primitive" }, predicted: { type: NO_LABEL, mode: null }, trigger: null, confidence: null });
    expect(details["plover-gsr"]?.texts[0]).toEqual({
      id: "FIXTURE-GSR-ASSAULT-0001",
      gold: { type: "ASSAULT", mode: "heavy-weapons" },
      predicted: { type: "ASSAULT", mode: "heavy-weapons" },
      trigger: "bombed",
      confidence: 0.9,
    });
  });

  it("gives a well-formed table of zeros when the pipeline finds no event", async () => {
    const result = await run([]);
    for (const row of result.rows.filter((item) => item.class === "all")) expect(row).toMatchObject({ predicted: 0, accuracy: 0, "macro F1": 0, "mode accuracy": 0 });
    expect(result.rows.filter((row) => row.class !== "all").every((row) => row.F1 === 0)).toBe(true);
    expect(result.notes.at(-1)).toContain("found no event in any text");
  });

  it("detects which data set a --gold file is, honours --limit, and refuses a file it cannot tell", async () => {
    const gsr = await run(TRIGGERS, { gold: GSR, limit: 1 });
    expect(gsr.rows.filter((row) => row.class === "all").map((row) => [row.dataset, row.n])).toEqual([["plover-gsr", 1]]);
    const ngec = await run(TRIGGERS, { gold: NGEC });
    expect(ngec.rows.filter((row) => row.class === "all").map((row) => row.dataset)).toEqual(["ngec-synthetic"]);
    const other = join(await mkdtemp(join(tmpdir(), "sitrep-plover-other-")), "other.csv");
    await writeFile(other, "id,sentence\n1,Nothing.\n");
    await expect(run(TRIGGERS, { gold: other })).rejects.toMatchObject({ code: "input-format" });
    await expect(run(TRIGGERS, { gold: join(tmpdir(), "sitrep-no-such-plover") })).rejects.toMatchObject({ code: "input-not-found" });
  });

  it("reads the gold records' earlier types in the 2021 revision's terms (DEMAND is REQUEST)", async () => {
    const root = await mkdtemp(join(tmpdir(), "sitrep-plover-revision-"));
    const gold = join(root, "PLOVER_GSR_CAMEO.txt");
    const record = { id: "FIXTURE-GSR-DEMAND-0001", event: "DEMAND", eventText: "urged", mode: "", text: "The council urged both sides to release their prisoners.", source: [], target: [] };
    await writeFile(gold, JSON.stringify([record]));
    const result = await run([{ word: "urged", plover: { type: "REQUEST", mode: null } }], { gold });
    expect(result.rows[0]).toMatchObject({ dataset: "plover-gsr", accuracy: 1 });
    expect(result.notes.join(" ")).toMatch(/merged DEMAND into REQUEST/);
  });

  it("is skipped when neither data set is found", async () => {
    const empty = await mkdtemp(join(tmpdir(), "sitrep-plover-empty-"));
    expect(await createPloverTask({ createStages: () => [] }).run(empty)).toEqual({ skipped: expect.stringContaining("no PLOVER data set") });
  });
});
