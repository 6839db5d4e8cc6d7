import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NO_LABEL } from "../classification-metrics.js";
import type { EvalProgress, EvalResult, EvalRunOptions } from "../task.js";
import { createEventTypingTask, EVENT_TYPING_COLUMNS, predictCaseLabel } from "./event-typing.js";
import { eventRecord, fakeEventStages, type FakeTrigger } from "../../test-support/events.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/case2021-task2.tsv", import.meta.url));

// On the fixture: snippet 1 → AIR_STRIKE (right, over a weaker Attack), 3 → PEACE_PROTEST (right),
// 5 → NATURAL_DISASTER (right, the earlier of two equally confident events), 7 → ARREST (gold ORG_CRIME).
const TRIGGERS: FakeTrigger[] = [
  { word: "struck", subEventType: "Air/drone strike", confidence: 0.9 },
  { word: "killing", subEventType: "Attack", confidence: 0.6 },
  { word: "marched", subEventType: "Peaceful protest", confidence: 0.7 },
  { word: "earthquake", scope: "natural-disaster", confidence: 0.8 },
  { word: "damaging", subEventType: "Looting/property destruction", confidence: 0.8 },
  { word: "arrested", subEventType: "Arrests", confidence: 0.7 },
];

async function run(triggers: FakeTrigger[], options: EvalRunOptions = {}): Promise<EvalResult> {
  const task = createEventTypingTask({ createStages: () => fakeEventStages(triggers, ["Idlib", "Beirut", "Hama", "Homs"]) });
  const outcome = await task.run("/nonexistent", { gold: FIXTURE, ...options });
  if ("skipped" in outcome) throw new Error(`skipped: ${outcome.skipped}`);
  return outcome;
}

describe("predictCaseLabel", () => {
  it("reads the label from the most confident event, and none from no event", () => {
    const events = [eventRecord({ start: 0, text: "hit", subEventType: "Grenade", confidence: 0.3 }), eventRecord({ start: 9, text: "said", scope: "claim", confidence: 0.6 })];
    expect(predictCaseLabel(events).label).toBe("ATTRIB");
    expect(predictCaseLabel([])).toEqual({ label: NO_LABEL, event: null });
  });
});

describe("event-typing task", () => {
  it("scores the 30 CASE labels and ACLED's event types with predictable numbers", async () => {
    const result = await run(TRIGGERS);
    expect(result.columns).toEqual(EVENT_TYPING_COLUMNS);
    for (const row of result.rows) expect(Object.keys(row).sort()).toEqual([...EVENT_TYPING_COLUMNS].sort());
    const [fine, coarse, ...classes] = result.rows;
    expect(fine).toEqual({ scored: "all 30 sub-event types", n: 4, predicted: 4, accuracy: 0.75, "micro F1": 0.75, "macro F1": 3 / 30, "weighted F1": 0.75, P: "-", R: "-", F1: "-" });
    expect(coarse).toMatchObject({ scored: "ACLED event types", n: 4, accuracy: 0.75, "macro F1": 3 / 11, "weighted F1": 0.75 });
    expect(classes).toHaveLength(30);
    expect(classes.find((row) => row.scored === "AIR_STRIKE")).toMatchObject({ n: 1, predicted: 1, F1: 1 });
    expect(classes.find((row) => row.scored === "ARREST")).toMatchObject({ n: 0, predicted: 1, P: 0, F1: 0 });
    expect(classes.find((row) => row.scored === "ORG_CRIME")).toMatchObject({ n: 1, predicted: 0, R: 0 });
    expect(result.notes.find((note) => note.startsWith("support:"))).toContain("ORG_CRIME 1");
  });

  it("writes each snippet's prediction and the confusion matrix in the details", async () => {
    const details = JSON.parse(JSON.stringify((await run(TRIGGERS)).details)) as {
      "case2021-task2": { snippets: unknown[]; score: { confusion: { gold: string[]; predicted: string[]; counts: number[][] } }; eventTypes: { accuracy: number } };
    };
    const { snippets, score, eventTypes } = details["case2021-task2"];
    expect(snippets).toEqual([
      { id: "1", gold: "AIR_STRIKE", predicted: "AIR_STRIKE", trigger: "struck", confidence: 0.9, events: 2 },
      { id: "3", gold: "PEACE_PROTEST", predicted: "PEACE_PROTEST", trigger: "marched", confidence: 0.7, events: 1 },
      { id: "5", gold: "NATURAL_DISASTER", predicted: "NATURAL_DISASTER", trigger: "earthquake", confidence: 0.8, events: 2 },
      { id: "7", gold: "ORG_CRIME", predicted: "ARREST", trigger: "arrested", confidence: 0.7, events: 1 },
    ]);
    const { gold, predicted, counts } = score.confusion;
    expect(counts[gold.indexOf("ORG_CRIME")]?.[predicted.indexOf("ARREST")]).toBe(1);
    expect(predicted).not.toContain(NO_LABEL);
    expect(eventTypes.accuracy).toBe(0.75);
  });

  it("gives a well-formed table of zeros, every prediction none, when the pipeline finds no event", async () => {
    const result = await run([]);
    expect(result.rows).toHaveLength(32);
    expect(result.rows[0]).toMatchObject({ n: 4, predicted: 0, accuracy: 0, "micro F1": 0, "macro F1": 0, "weighted F1": 0 });
    for (const row of result.rows.slice(2)) expect(row).toMatchObject({ predicted: 0, F1: 0 });
    expect(result.notes.at(-1)).toContain("found no event in any snippet");
    const details = result.details?.["case2021-task2"] as { score: { confusion: { predicted: string[] } } };
    expect(details.score.confusion.predicted.at(-1)).toBe(NO_LABEL);
  });

  it("reports an event outside the contract per snippet and goes on", async () => {
    const result = await run([...TRIGGERS.filter((trigger) => trigger.word !== "marched"), { word: "marched", subEventType: "Peaceful march", confidence: 0.7 }]);
    expect(result.rows[0]).toMatchObject({ accuracy: 0.5, predicted: 3 });
    expect(result.notes.find((note) => note.includes("failed on 1 texts"))).toContain('"Peaceful march"');
  });

  it("honours --limit and reports progress", async () => {
    const seen: EvalProgress[] = [];
    const result = await run(TRIGGERS, { limit: 2, onProgress: (progress) => seen.push(progress) });
    expect(result.rows[0]).toMatchObject({ n: 2, accuracy: 1 });
    expect(seen.at(-1)).toEqual({ task: "event-typing", dataset: "case2021-task2", done: 2, total: 2 });
    expect(result.notes[0]).toContain("the first 2 scored");
  });

  it("is skipped when the data set is not found", async () => {
    const empty = await mkdtemp(join(tmpdir(), "sitrep-event-typing-"));
    const outcome = await createEventTypingTask({ createStages: () => fakeEventStages([], []) }).run(empty);
    expect(outcome).toEqual({ skipped: expect.stringContaining("no CASE 2021 Task 2 data") });
  });
});
