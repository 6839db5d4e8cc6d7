import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Analysis, PlaceMention } from "../../model/analysis.js";
import { createDoc, toAnalysis } from "../../model/document.js";
import { createTextStages } from "../../pipeline/default.js";
import type { EventVerbRecord } from "../datasets/event-verb-locations.js";
import type { EvalProgress, EvalResult, EvalRunOptions } from "../task.js";
import { createEventLocationTask, EVENT_LOCATION_COLUMNS, firstPlaceInSentence, locationOutcome, nearestPlace, predictEventLocation } from "./event-location.js";
import { eventRecord, fakeEventStages, type FakeTrigger } from "../../test-support/events.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/event-location.json", import.meta.url));

// On the fixture's five records (four with a gold location):
//   1 "Shelling hit … in Homs": the only event is at "Shelling", not the verb "hit" → no event; both rules find Homs.
//   2 "Gunmen attacked … the road to Hama": the event takes "road" → wrong; so do both rules.
//   3 "The ministry condemned … in a statement" (no gold location): an event without a place → right; both rules say "statement".
//   4 "Fighters stormed and seized the town of Afrin": the event at the second verb takes Afrin → right; both rules too.
//   5 "In Idlib province … rebels shelled Kafr Nabl": the event takes Kafr Nabl → right; the first place is Idlib, the nearest Kafr Nabl.
const TRIGGERS: FakeTrigger[] = [{ word: "Shelling" }, { word: "attacked" }, { word: "condemned", located: false }, { word: "seized" }, { word: "shelled" }];
const PLACES = ["Homs", "road", "Hama", "statement", "Afrin", "Idlib", "Kafr Nabl"];

async function run(triggers: FakeTrigger[], options: EvalRunOptions = {}): Promise<EvalResult> {
  const task = createEventLocationTask({ createStages: () => [...createTextStages(), ...fakeEventStages(triggers, PLACES)] });
  const outcome = await task.run("/nonexistent", { gold: FIXTURE, ...options });
  if ("skipped" in outcome) throw new Error(`skipped: ${outcome.skipped}`);
  return outcome;
}

const place = (id: string, start: number, text: string): PlaceMention => ({
  id,
  start,
  end: start + text.length,
  text,
  kind: "toponym",
  resolved: null,
  score: 1,
  precision: 1,
  alternatives: [],
  by: "places:test",
});

function analysisOf(text: string, init: Partial<Pick<Analysis, "sentences" | "places" | "events">>): Analysis {
  const document = { id: "t", url: null, outlet: null, language: "en", language_scores: [], published: null, title: null, text, metadata_from: {}, input: { format: "text" as const, encoding: "utf-8", bytes: text.length, source_map: null } };
  return { ...toAnalysis(createDoc(document)), ...init };
}

const record = (text: string, verb: string, locations: string[]): EventVerbRecord => {
  const at = (phrase: string): { start: number; end: number; text: string } => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase });
  return { id: "1", source: "test", text, verbs: [at(verb)], locations: locations.map(at), dropped: [] };
};

describe("event location predictions on hand-built analyses", () => {
  const text = "In Aleppo, talks went on. Troops shelled the outskirts of Hama and then Homs.";
  const aleppo = place("p1", 3, "Aleppo");
  const hama = place("p2", text.indexOf("Hama"), "Hama");
  const homs = place("p3", text.indexOf("Homs"), "Homs");
  const shelled = text.indexOf("shelled");
  const sentences = [
    { start: 0, end: 25 },
    { start: 26, end: text.length },
  ];
  const verb = { start: shelled, end: shelled + "shelled".length };

  it("takes the most confident event overlapping the verb, and its place", () => {
    const analysis = analysisOf(text, {
      sentences,
      places: [aleppo, hama, homs],
      events: [
        eventRecord({ id: "elsewhere", start: text.indexOf("talks"), text: "talks", confidence: 0.99, location: "p1" }),
        eventRecord({ id: "weak", start: shelled, text: "shelled", confidence: 0.4, location: "p3" }),
        eventRecord({ id: "strong", start: shelled, text: "shelled", confidence: 0.8, location: "p2" }),
      ],
    });
    expect(predictEventLocation(analysis, [verb])).toMatchObject({ event: { id: "strong" }, place: { id: "p2" } });
    expect(predictEventLocation(analysisOf(text, { places: [hama] }), [verb])).toEqual({ event: null, place: null });
  });

  it("finds the first place of the verb's sentence, and the place nearest the verb", () => {
    const analysis = analysisOf(text, { sentences, places: [aleppo, hama, homs] });
    expect(firstPlaceInSentence(analysis, verb)?.text).toBe("Hama");
    expect(nearestPlace(analysis, verb)?.text).toBe("Hama");
    const unsegmented = analysisOf(text, { places: [homs, hama, aleppo] });
    expect(firstPlaceInSentence(unsegmented, verb)?.text).toBe("Aleppo");
    expect(nearestPlace(analysisOf(text, { places: [] }), verb)).toBeNull();
    // Equally far on either side: the earlier one.
    const even = "Homs hit Hama";
    expect(nearestPlace(analysisOf(even, { places: [place("b", 9, "Hama"), place("a", 0, "Homs")] }), { start: 5, end: 8 })?.id).toBe("a");
  });

  it("tells right, wrong, no location, no event and the two outcomes of a sentence without location apart", () => {
    const located = record("Troops shelled the outskirts of Hama.", "shelled", ["the outskirts of Hama"]);
    const unlocated = record("Troops shelled the town.", "shelled", []);
    const event = eventRecord({ start: 7, text: "shelled" });
    const hamaHere = place("p", located.text.indexOf("Hama"), "Hama");
    expect(locationOutcome(located, { event, place: hamaHere }, "events")).toBe("right");
    expect(locationOutcome(located, { event, place: place("q", 0, "Troops") }, "events")).toBe("wrong");
    expect(locationOutcome(located, { event, place: null }, "events")).toBe("no-location");
    expect(locationOutcome(located, { event: null, place: null }, "events")).toBe("no-event");
    expect(locationOutcome(located, { event: null, place: null }, "nearest")).toBe("no-location");
    expect(locationOutcome(unlocated, { event: null, place: null }, "events")).toBe("none-right");
    expect(locationOutcome(unlocated, { event: null, place: place("q", 0, "Troops") }, "nearest")).toBe("none-wrong");
  });
});

describe("event-location task", () => {
  it("scores the events stage and the two rules with predictable numbers", async () => {
    const result = await run(TRIGGERS);
    expect(result.columns).toEqual(EVENT_LOCATION_COLUMNS);
    expect(result.rows).toEqual([
      { method: "events", records: 5, "with location": 4, accuracy: 0.5, exact: 0.5, "no event": 0.25, "no location": 0, wrong: 0.25, "none when none": 1 },
      { method: "first in sentence", records: 5, "with location": 4, accuracy: 0.5, exact: 0.5, "no event": "-", "no location": 0, wrong: 0.5, "none when none": 0 },
      { method: "nearest", records: 5, "with location": 4, accuracy: 0.75, exact: 0.75, "no event": "-", "no location": 0, wrong: 0.25, "none when none": 0 },
      // The same methods on the four records with an event at the verb (three of them with a gold location).
      { method: "events, where an event is found", records: 4, "with location": 3, accuracy: 2 / 3, exact: 2 / 3, "no event": 0, "no location": 0, wrong: 1 / 3, "none when none": 1 },
      { method: "first in sentence, where an event is found", records: 4, "with location": 3, accuracy: 1 / 3, exact: 1 / 3, "no event": "-", "no location": 0, wrong: 2 / 3, "none when none": 0 },
      { method: "nearest, where an event is found", records: 4, "with location": 3, accuracy: 2 / 3, exact: 2 / 3, "no event": "-", "no location": 0, wrong: 1 / 3, "none when none": 0 },
    ]);
    expect(result.notes[0]).toContain("5 records, 4 with a location; 1 span offsets taken from their tokens, 1 spans dropped");
    expect(result.notes[1]).toBe("the pipeline found an event at the gold verb in 4 of 5 records; a place mention overlapping a gold location in 4 of 4 (100.0%), the ceiling of every row's accuracy");
  });

  it("writes each record's verb, gold, event and predictions in the details", async () => {
    const details = JSON.parse(JSON.stringify((await run(TRIGGERS)).details)) as { "event-location": { records: Record<string, unknown>[] } };
    const second = details["event-location"].records[1];
    expect(second).toEqual({
      id: "2",
      source: "Atrocities",
      verb: [{ start: 7, end: 15, text: "attacked" }],
      gold: [{ start: 44, end: 48, text: "Hama" }],
      event: { trigger: { start: 7, end: 15, text: "attacked" }, confidence: 0.5 },
      predictions: {
        events: { place: { start: 36, end: 40, text: "road" }, outcome: "wrong", exact: false },
        "first in sentence": { place: { start: 36, end: 40, text: "road" }, outcome: "wrong", exact: false },
        nearest: { place: { start: 36, end: 40, text: "road" }, outcome: "wrong", exact: false },
      },
    });
  });

  it("gives a well-formed table when the pipeline finds no event: the events row predicts nothing", async () => {
    const result = await run([]);
    expect(result.rows[0]).toEqual({ method: "events", records: 5, "with location": 4, accuracy: 0, exact: 0, "no event": 1, "no location": 0, wrong: 0, "none when none": 1 });
    expect(result.notes.at(-1)).toContain("found no event in any record");
  });

  it("honours --limit and reports progress", async () => {
    const seen: EvalProgress[] = [];
    const result = await run(TRIGGERS, { limit: 2, onProgress: (progress) => seen.push(progress) });
    expect(result.rows.map((row) => row.records)).toEqual([2, 2, 2, 1, 1, 1]);
    expect(seen.at(-1)).toEqual({ task: "event-location", dataset: "event-location", done: 2, total: 2 });
  });

  it("is skipped when the data set is not found", async () => {
    const empty = await mkdtemp(join(tmpdir(), "sitrep-event-location-"));
    expect(await createEventLocationTask({ createStages: () => fakeEventStages([], []) }).run(empty)).toEqual({ skipped: expect.stringContaining("no event-location data") });
  });
});
