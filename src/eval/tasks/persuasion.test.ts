import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../cli/exit-codes.js";
import { runSitrepInProcess } from "../../test-support/cli.js";
import type { FramingSpan } from "../../model/analysis.js";
import type { Doc } from "../../model/document.js";
import type { Stage } from "../../pipeline/stage.js";
import type { EvalResult, EvalRunOptions } from "../task.js";
import { createPersuasionTask, PERSUASION_COLUMNS, scoreMultiLabel, scoreSpanOverlap } from "./persuasion.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/semeval", import.meta.url));

/** Framing spans on fixed words, so that the scores can be worked out by hand. */
function fakeFraming(words: Readonly<Record<string, string>>): Stage[] {
  return [
    function framing(doc: Doc): Doc {
      const spans: FramingSpan[] = [];
      for (const [word, technique] of Object.entries(words)) {
        for (let at = doc.document.text.indexOf(word); at >= 0; at = doc.document.text.indexOf(word, at + word.length)) {
          spans.push({ id: `f${spans.length + 1}`, technique, text: word, start: at, end: at + word.length, by: "framing:test" });
        }
      }
      return { ...doc, framing: spans };
    },
  ];
}

// On the fixture: "miliciens" (title, paragraph 3) is right twice; "carnage" is right; "écoles" puts
// Loaded_Language on a paragraph with none; "croire" finds the Doubt; Flag_Waving and Slogans are missed.
const WORDS = { miliciens: "Name_Calling-Labeling", carnage: "Loaded_Language", écoles: "Loaded_Language", croire: "Doubt" };

async function run(words: Readonly<Record<string, string>>, options: EvalRunOptions = {}): Promise<EvalResult> {
  const outcome = await createPersuasionTask({ createStages: () => fakeFraming(words) }).run("/nonexistent", { gold: FIXTURE, ...options });
  if ("skipped" in outcome) throw new Error(`skipped: ${outcome.skipped}`);
  return outcome;
}

const row = (result: EvalResult, scored: string) => result.rows.find((item) => item.scored === scored);

describe("scoreMultiLabel", () => {
  it("counts paragraphs per technique, sums them for micro and averages F1 for macro", () => {
    const score = scoreMultiLabel(
      [
        { gold: ["A", "B"], predicted: ["A"] },
        { gold: [], predicted: ["A"] },
        { gold: ["B"], predicted: ["B", "C"] },
      ],
      ["A", "B", "C", "D"],
    );
    expect(score.labels.map((item) => [item.label, item.support, item.predicted, item.correct])).toEqual([
      ["A", 1, 2, 1],
      ["B", 2, 1, 1],
      ["C", 0, 1, 0],
      ["D", 0, 0, 0],
    ]);
    expect(score.micro).toMatchObject({ support: 3, predicted: 4, correct: 2, precision: 0.5, recall: 2 / 3 });
    expect(score.macroF1).toBeCloseTo((2 / 3 + 2 / 3) / 4);
  });
});

describe("scoreSpanOverlap", () => {
  it("credits a predicted span that overlaps a gold span of its technique, and the gold span it overlaps", () => {
    const predicted = (start: number, end: number, technique = "Loaded_Language"): FramingSpan => ({ id: "f", technique, text: "", start, end, by: "framing:test" });
    const score = scoreSpanOverlap("Loaded_Language", [
      {
        gold: [
          { technique: "Loaded_Language", start: 0, end: 10 },
          { technique: "Loaded_Language", start: 20, end: 30 },
          { technique: "Doubt", start: 40, end: 50 },
        ],
        predicted: [predicted(5, 8), predicted(8, 12), predicted(40, 45), predicted(20, 25, "Doubt")],
      },
    ]);
    expect(score).toMatchObject({ gold: 2, predicted: 3, rightPredicted: 2, foundGold: 1, precision: 2 / 3, recall: 0.5 });
  });
});

describe("persuasion task", () => {
  it("scores paragraphs per technique with numbers worked out by hand", async () => {
    const result = await run(WORDS);
    expect(result.columns).toEqual(PERSUASION_COLUMNS);
    for (const item of result.rows) expect(Object.keys(item).sort()).toEqual([...PERSUASION_COLUMNS].sort());
    expect(row(result, "all 23 techniques")).toMatchObject({ support: 7, predicted: 5, P: 0.8, R: 4 / 7 });
    expect(row(result, "all 23 techniques")?.["macro F1"]).toBeCloseTo(2.5 / 23);
    expect(row(result, "8 framing-stage techniques")).toMatchObject({ support: 6, predicted: 5, P: 0.8, R: 4 / 6 });
    expect(row(result, "Loaded_Language")).toMatchObject({ support: 2, predicted: 2, P: 0.5, R: 0.5, F1: 0.5, "macro F1": "-" });
    expect(row(result, "Name_Calling-Labeling")).toMatchObject({ support: 2, predicted: 2, F1: 1 });
    expect(row(result, "Flag_Waving")).toMatchObject({ support: 1, predicted: 0, R: 0, F1: 0 });
    expect(row(result, "Slogans")).toMatchObject({ support: 1, predicted: 0, F1: 0 });
    expect(result.rows.filter((item) => !String(item.scored).startsWith("all") && !String(item.scored).includes(" "))).toHaveLength(23);
  });

  it("scores Loaded_Language and Name_Calling spans by overlap", async () => {
    const result = await run(WORDS);
    expect(row(result, "spans: Loaded_Language")).toMatchObject({ support: 3, predicted: 2, P: 0.5, R: 1 / 3 });
    expect(row(result, "spans: Name_Calling-Labeling")).toMatchObject({ support: 2, predicted: 2, P: 1, R: 1 });
  });

  it("writes each paragraph's gold, prediction and evidence in the details, and scores --limit articles", async () => {
    const details = (await run(WORDS)).details?.["semeval2023-fr"] as { paragraphs: { article: string; paragraph: number; gold: string[]; predicted: string[]; evidence: { text: string }[] }[] };
    expect(details.paragraphs).toHaveLength(8);
    expect(details.paragraphs[3]).toEqual({ article: "1", paragraph: 6, gold: [], predicted: ["Loaded_Language"], evidence: [{ technique: "Loaded_Language", text: "écoles", by: "framing:test" }] });
    const limited = await run(WORDS, { limit: 1 });
    expect((limited.details?.["semeval2023-fr"] as { paragraphs: unknown[] }).paragraphs).toHaveLength(5);
    expect(limited.notes[0]).toContain("the first 1 scored");
  });

  it("skips without the data set, and gives a table of zeros when nothing is found", async () => {
    expect(await createPersuasionTask().run(join(tmpdir(), "sitrep-no-data-here"))).toEqual({ skipped: expect.stringContaining("semeval2023-fr") });
    const result = await run({});
    expect(row(result, "all 23 techniques")).toMatchObject({ support: 7, predicted: 0, F1: 0, "macro F1": 0 });
  });
});

describe("sitrep eval persuasion", () => {
  it("runs the framing stage on a --gold folder and reports every paragraph", async () => {
    const report = join(await mkdtemp(join(tmpdir(), "sitrep-persuasion-cli-")), "report.json");
    const { status, stdout: out, stderr: err } = await runSitrepInProcess("eval", "persuasion", "--data", tmpdir(), "--gold", FIXTURE, "--out", report);
    expect(err).toBe("");
    expect(status).toBe(EXIT.ok);
    expect(out.startsWith("persuasion: ")).toBe(true);
    expect(out).toMatch(/\nall 23 techniques +7 /);
    expect(out).toContain("pipeline stages: language, segment, normalise, framing");
    const json = JSON.parse(await readFile(report, "utf8")) as { results: { persuasion: { details: { "semeval2023-fr": { paragraphs: { predicted: string[] }[] } } } } };
    const paragraphs = json.results.persuasion.details["semeval2023-fr"].paragraphs;
    expect(paragraphs).toHaveLength(8);
    // The title's "effondrement total" and "miliciens", found by the real stage.
    expect(paragraphs[0]?.predicted).toEqual(expect.arrayContaining(["Loaded_Language", "Name_Calling-Labeling"]));
  });
});
