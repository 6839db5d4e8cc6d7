import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../cli/exit-codes.js";
import { runSitrepInProcess } from "../../test-support/cli.js";
import type { Doc } from "../../model/document.js";
import type { AttributionFinding } from "../../sources/attribution.js";
import type { EvalResult, EvalRow } from "../task.js";
import { createAttributionTask, score, spanCounts, textWords, wordCounts } from "./attribution.js";

const FIXTURES = fileURLToPath(new URL("../../../fixtures/eval/polnear", import.meta.url));

/** A finding cut from the document's text by the words it names. */
function finding(doc: Doc, source: string, cue: string, content: string): AttributionFinding {
  const text = doc.document.text;
  const span = (words: string) => {
    const start = text.indexOf(words);
    if (start === -1) throw new Error(`finding: ${JSON.stringify(words)} is not in the text`);
    return { start, end: start + words.length, text: words };
  };
  return { source: span(source), cue: span(cue), content: span(content), quote: null, rule: "test" };
}

const row = (result: EvalResult, scored: string): EvalRow | undefined => result.rows.find((candidate) => candidate.scored === scored);

describe("attribution scores", () => {
  it("count a word for a role when it shares a character with a span of the role", () => {
    const text = "The army said, on Monday, that it won.";
    expect(textWords(text)).toHaveLength(8);
    const gold = [[{ start: 0, end: 8 }]]; // "The army"
    const predicted = [[{ start: 4, end: 13 }]]; // "army said"
    expect(wordCounts(text, gold, predicted)).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(score({ tp: 1, fp: 1, fn: 1 })).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(score({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it("match spans exactly by extent and by overlap of any fragment, equal spans once", () => {
    const discontinuous = [
      { start: 0, end: 5 },
      { start: 20, end: 30 },
    ];
    const counts = spanCounts([discontinuous, [{ start: 40, end: 45 }]], [[{ start: 0, end: 30 }], [{ start: 22, end: 25 }], [{ start: 22, end: 25 }], [{ start: 50, end: 60 }]]);
    expect(counts).toEqual({ gold: 2, predicted: 3, exact: { predicted: 1, gold: 1 }, overlap: { predicted: 2, gold: 1 } });
  });
});

describe("eval task attribution", () => {
  it("scores the first annotator's file of each article against what the finder returns", async () => {
    const task = createAttributionTask({
      find: (doc) => (doc.document.text.startsWith("Aid convoy") ? [finding(doc, "the Red Crescent", "said", "The convoy reached the city")] : []),
    });
    const outcome = await task.run("/nowhere", { gold: FIXTURES, limit: 1 });
    if ("skipped" in outcome) throw new Error(outcome.skipped);
    expect(row(outcome, "Source")).toMatchObject({ gold: 1, predicted: 1, "word P": 1, "word R": 1, "word F1": 1, "exact F1": 1 });
    expect(row(outcome, "Cue")).toMatchObject({ gold: 2, predicted: 1, "word P": 1, "word R": 1 / 3, "word F1": 0.5, "exact R": 0.5 });
    expect(row(outcome, "Content")).toMatchObject({ "word P": 1, "word R": 5 / 11, "exact P": 0, "overlap P": 1, "overlap R": 0.5 });
    expect(row(outcome, "Content")?.["word F1"]).toBeCloseTo(0.625, 10);
    expect(row(outcome, "attribution")).toMatchObject({ gold: 3, predicted: 1, "overlap P": 1, "overlap R": 1 / 3 });
    expect(outcome.notes.join("\n")).toMatch(/2 articles; the first 1 scored/u);
    expect(outcome.notes.join("\n")).toMatch(/T7 Source offsets 500 510 fall outside the text/u);
  });

  it("runs the text stages and the attribution rules on a split, naming every article's annotators", async () => {
    const outcome = await createAttributionTask().run("/nowhere", { gold: join(FIXTURES, "dev") });
    if ("skipped" in outcome) throw new Error(outcome.skipped);
    const articles = (outcome.details?.polnear as { articles: { id: string; annotator: string; annotators: string[]; predicted: { source: string | null }[] }[] }).articles;
    const talks = articles.find((article) => article.id === "wire_2016-01-01_ceasefire-talks");
    expect(talks).toMatchObject({ annotator: "aa11", annotators: ["aa11", "bb22"] });
    expect(talks?.predicted.map((predicted) => predicted.source)).toEqual(expect.arrayContaining(["the envoy", "he", "a diplomat close to the talks"]));
    expect(row(outcome, "Source")?.["word F1"]).toBeGreaterThan(0.8);
    expect(outcome.notes.join("\n")).toMatch(/1 of the scored articles have several annotators' files/u);
  });

  it("is skipped without PolNeAR data, and refuses a --gold folder that is no split", async () => {
    expect(await createAttributionTask().run(await mkdtemp(join(tmpdir(), "sitrep-no-polnear-")))).toEqual({ skipped: expect.stringMatching(/no PolNeAR data/u) });
    await expect(createAttributionTask().run("/nowhere", { gold: await mkdtemp(join(tmpdir(), "sitrep-not-polnear-")) })).rejects.toThrow(/expected a PolNeAR split/u);
  });

  it("runs as `sitrep eval attribution` and writes the per-article details", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "sitrep-attribution-cli-")), "report.json");
    const { status, stdout: printed } = await runSitrepInProcess("eval", "attribution", "--data", FIXTURES, "--gold", FIXTURES, "--out", out);
    expect(status).toBe(EXIT.ok);
    expect(printed).toMatch(/^attribution: /u);
    expect(printed).toMatch(/\nSource +4 +/u);
    const report = JSON.parse(await readFile(out, "utf8")) as { results: { attribution: { details: { polnear: { articles: unknown[] } } } } };
    expect(report.results.attribution.details.polnear.articles).toHaveLength(2);
  });
});
