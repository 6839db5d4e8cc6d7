import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../cli/exit-codes.js";
import type { ActorMention } from "../../model/analysis.js";
import type { Doc } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import { fakeEventStages, type FakeTrigger } from "../../test-support/events.js";
import { EVENT_FIXTURE_COLUMNS, readEventFixtures } from "../datasets/event-fixtures.js";
import type { EvalProgress, EvalResult, EvalRunOptions } from "../task.js";
import { createEventFixturesTask, EVENT_FIXTURES_COLUMNS, EVENT_FIXTURES_DIR } from "./event-fixtures.js";
import { runSitrepInProcess as sitrep } from "../../test-support/cli.js";

// f1 right throughout; f2 right (type, place, actor1); f3 no event, rightly; f4 right type and place
// but asserted where the gold is negated; f5 no event where the gold has a disaster, so wrong
// throughout. Sub-event types: 4 of 5 right; modality 2 of 4; fatalities 1 of 2; date 1 of 1;
// location 3 of 4; actor1 2 of 2; actor2 1 of 1.
const GOLD = [
  "# test fixtures, language: fr",
  EVENT_FIXTURE_COLUMNS.join("\t"),
  ["f1", "2024-03-14", "L'armée a affronté mercredi les rebelles à Gao, faisant 3 morts.", "Armed clash", "asserted", "3-3", "2024-03-13", "Gao", "armée", "rebelles"],
  ["f2", "2024-03-14", "Des manifestants ont défilé à Kidal.", "Peaceful protest", "asserted", "", "", "Kidal", "manifestants", ""],
  ["f3", "2024-03-14", "Les prix ont augmenté.", "none", "", "", "", "", "", ""],
  ["f4", "2024-03-14", "Aucune frappe n'a touché Tombouctou.", "Air/drone strike", "negated", "", "", "Tombouctou", "", ""],
  ["f5", "2024-03-14", "Un séisme a fait 2 morts à Gao.", "natural-disaster", "asserted", "2-2", "", "Gao", "", ""],
]
  .map((line) => (Array.isArray(line) ? line.join("\t") : line))
  .join("\n");

const TRIGGERS: FakeTrigger[] = [
  { word: "affronté", subEventType: "Armed clash", confidence: 0.9 },
  { word: "défilé", subEventType: "Peaceful protest", confidence: 0.7 },
  { word: "frappe", subEventType: "Air/drone strike", confidence: 0.6 },
];
const ACTOR_WORDS = ["armée", "rebelles", "manifestants"];

/** Fills in what the fake events stage leaves empty: actors (the first found is actor1, the second actor2), "N morts" and "mercredi". */
function argue(doc: Doc): Doc {
  const text = doc.document.text;
  const actors: ActorMention[] = ACTOR_WORDS.flatMap((word) => {
    const at = text.indexOf(word);
    return at < 0 ? [] : [{ id: `a${at}`, start: at, end: at + word.length, text: word, resolved: null, by: "actors:test" }];
  }).sort((a, b) => a.start - b.start);
  const toll = /(\d+) morts/.exec(text);
  const events = doc.events.map((event) => ({
    ...event,
    actor1: actors.slice(0, 1).map((actor) => actor.id),
    actor2: actors.slice(1, 2).map((actor) => actor.id),
    fatalities: toll === null ? null : { start: toll.index, end: toll.index + toll[0].length, text: toll[0], low: Number(toll[1]), high: Number(toll[1]) },
    date_value: text.includes("mercredi") ? "2024-03-13" : null,
  }));
  return { ...doc, actors, events };
}

function stages(triggers: readonly FakeTrigger[], extra: Stage = argue): Stage[] {
  const [places, events, check] = fakeEventStages(triggers, ["Gao", "Kidal", "Tombouctou"]) as [Stage, Stage, Stage];
  return [places, events, extra, check];
}

async function goldFile(content = GOLD): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "sitrep-event-fixtures-task-")), "fr.tsv");
  await writeFile(path, content);
  return path;
}

async function run(options: EvalRunOptions, createStages: () => Stage[] = () => stages(TRIGGERS)): Promise<EvalResult> {
  const outcome = await createEventFixturesTask({ createStages }).run("/nonexistent", options);
  if ("skipped" in outcome) throw new Error(`skipped: ${outcome.skipped}`);
  return outcome;
}

describe("event-fixtures task", () => {
  it("scores the sub-event type with no event as a class, and each argument over the sentences whose gold gives it", async () => {
    const result = await run({ gold: await goldFile() });
    expect(result.columns).toEqual(EVENT_FIXTURES_COLUMNS);
    for (const row of result.rows) expect(Object.keys(row).sort()).toEqual([...EVENT_FIXTURES_COLUMNS].sort());
    const byScored = Object.fromEntries(result.rows.map((row) => [row.scored, row]));
    const macro = (1 + 1 + 1 + 0 + 2 / 3) / 5;
    expect(byScored["sub-event type"]).toMatchObject({ language: "fr", n: 5, accuracy: 0.8 });
    expect(byScored["sub-event type"]?.["macro F1"]).toBeCloseTo(macro);
    expect(byScored["sub-event type"]?.["weighted F1"]).toBeCloseTo(macro);
    expect(byScored["event type"]).toMatchObject({ n: 5, accuracy: 0.8 });
    expect(byScored.modality).toMatchObject({ n: 4, accuracy: 0.5, "macro F1": "-" });
    expect(byScored.fatalities).toMatchObject({ n: 2, accuracy: 0.5 });
    expect(byScored.date).toMatchObject({ n: 1, accuracy: 1 });
    expect(byScored.location).toMatchObject({ n: 4, accuracy: 0.75 });
    expect(byScored.actor1).toMatchObject({ n: 2, accuracy: 1 });
    expect(byScored.actor2).toMatchObject({ n: 1, accuracy: 1 });
    expect(result.rows.some((row) => row.language === "all")).toBe(false);
    expect(result.notes[0]).toContain("5 sentences scored, 4 with a gold event; support: Air/drone strike 1");
  });

  it("writes each sentence's gold, prediction and judgement in the details", async () => {
    const result = await run({ gold: await goldFile() });
    const details = JSON.parse(JSON.stringify(result.details)) as {
      fr: { sentences: { id: string; predicted: Record<string, unknown>; right: Record<string, unknown> }[]; subEventTypes: { confusion: { gold: string[]; predicted: string[] } } };
    };
    const [f1, , f3, f4, f5] = details.fr.sentences;
    expect(f1?.predicted).toEqual({
      label: "Armed clash",
      trigger: "affronté",
      confidence: 0.9,
      modality: "asserted",
      fatalities: { low: 3, high: 3 },
      date: "2024-03-13",
      location: "Gao",
      actor1: ["armée"],
      actor2: ["rebelles"],
    });
    expect(f1?.right).toEqual({ label: true, modality: true, fatalities: true, date: true, location: true, actor1: true, actor2: true });
    expect(f3?.right).toEqual({ label: true, modality: null, fatalities: null, date: null, location: null, actor1: null, actor2: null });
    expect(f4?.right).toMatchObject({ label: true, modality: false, location: true });
    expect(f5?.predicted).toMatchObject({ label: "none", trigger: null });
    expect(f5?.right).toMatchObject({ label: false, modality: false, fatalities: false, location: false });
    expect(details.fr.subEventTypes.confusion.gold).toContain("no event");
    expect(details.fr.subEventTypes.confusion.predicted).not.toContain("none");
  });

  it("reads the shipped French and Arabic fixtures when given no --gold, whatever the data folder, with a row set per language and for all", async () => {
    expect(EVENT_FIXTURES_DIR.endsWith(join("fixtures", "events") + "/")).toBe(true);
    const fr = await readEventFixtures(join(EVENT_FIXTURES_DIR, "fr.tsv"));
    const ar = await readEventFixtures(join(EVENT_FIXTURES_DIR, "ar.tsv"));
    const result = await run({}, () => stages([]));
    const subEventRows = result.rows.filter((row) => row.scored === "sub-event type");
    expect(subEventRows.map((row) => [row.language, row.n])).toEqual([
      ["ar", ar.fixtures.length],
      ["fr", fr.fixtures.length],
      ["all", ar.fixtures.length + fr.fixtures.length],
    ]);
    // Nothing found: only the sentences with no event are right.
    const none = (fixtures: { label: string }[]): number => fixtures.filter((fixture) => fixture.label === "none").length;
    expect(subEventRows[1]?.accuracy).toBeCloseTo(none(fr.fixtures) / fr.fixtures.length);
    expect(result.notes.at(-1)).toContain("found no event in any sentence");
  });

  it("reads every .tsv in a --gold folder, honours --limit per file and reports progress", async () => {
    const folder = await mkdtemp(join(tmpdir(), "sitrep-event-fixtures-folder-"));
    await writeFile(join(folder, "fr.tsv"), GOLD);
    await writeFile(join(folder, "ar.tsv"), GOLD.replace("language: fr", "language: ar").replaceAll("\nf", "\na"));
    await writeFile(join(folder, "notes.md"), "not gold");
    const seen: EvalProgress[] = [];
    const result = await run({ gold: folder, limit: 2, onProgress: (progress) => seen.push(progress) });
    expect(result.rows.filter((row) => row.scored === "sub-event type").map((row) => [row.language, row.n])).toEqual([
      ["ar", 2],
      ["fr", 2],
      ["all", 4],
    ]);
    expect(seen.at(-1)).toEqual({ task: "event-fixtures", dataset: "fr", done: 2, total: 2 });
    expect(result.notes.find((note) => note.includes("sentences read"))).toContain("10 sentences read, the first 2 of each file scored");
  });

  it("reports an event outside the contract per sentence and goes on", async () => {
    const broken: Stage = function broken(doc: Doc): Doc {
      return argue({ ...doc, events: doc.events.map((event) => (event.trigger.text === "défilé" ? { ...event, acled: null } : event)) });
    };
    const result = await run({ gold: await goldFile() }, () => stages(TRIGGERS, broken));
    expect(result.rows[0]).toMatchObject({ n: 5, accuracy: 0.6 });
    expect(result.notes.find((note) => note.includes("failed on 1 texts"))).toContain(`f2: predictFixture: event e${"Des manifestants ont défilé à Kidal.".indexOf("défilé")} has scope "acled" but no acled types`);
  });

  it("refuses a --gold path that does not exist, or a folder with no fixtures", async () => {
    await expect(run({ gold: "/nonexistent/gold.tsv" })).rejects.toMatchObject({ code: "input-not-found" });
    const empty = await mkdtemp(join(tmpdir(), "sitrep-event-fixtures-empty-"));
    await mkdir(join(empty, "sub"));
    await expect(run({ gold: empty })).rejects.toMatchObject({ code: "input-format", message: expect.stringContaining("found none") });
  });
});

// The command in-process on the default pipeline and the test gazetteer (global-setup.ts):
// the scores are the pipeline's business; this checks that the task runs with and without a data folder.
describe("sitrep eval event-fixtures", () => {

  it("scores a --gold file and writes the report", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "sitrep-event-fixtures-cli-")), "report.json");
    const result = await sitrep("eval", "event-fixtures", "--data", "/nonexistent", "--gold", await goldFile(), "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(EXIT.ok);
    expect(result.stdout.startsWith("event-fixtures: ")).toBe(true);
    expect(result.stdout).toMatch(/\nfr +sub-event type +5 /);
    const report = JSON.parse(await readFile(out, "utf8")) as { results: Record<string, { details: { fr: { sentences: unknown[] } } }> };
    expect(report.results["event-fixtures"]?.details.fr.sentences).toHaveLength(5);
  });

  it("scores the shipped fixtures from an empty data folder", async () => {
    const result = await sitrep("eval", "event-fixtures", "--data", await mkdtemp(join(tmpdir(), "sitrep-no-data-")));
    expect(result.status).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/\nar +sub-event type +\d+ /);
    expect(result.stdout).toMatch(/\nfr +sub-event type +\d+ /);
    expect(result.stdout).toMatch(/\nall +actor2 +\d+ /);
  });

  it("scores the held-out fixtures as a task of their own", async () => {
    const result = await sitrep("eval", "event-heldout", "--data", await mkdtemp(join(tmpdir(), "sitrep-no-data-")));
    expect(result.status).toBe(EXIT.ok);
    expect(result.stdout.startsWith("event-heldout: ")).toBe(true);
    expect(result.stdout).toMatch(/\nall +sub-event type +80 /);
    expect(result.stdout).toMatch(/events-heldout[\\/]fr\.tsv: 40 sentences scored/);
  });
});
