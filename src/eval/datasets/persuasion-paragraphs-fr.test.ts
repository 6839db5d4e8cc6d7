import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readSemevalCorpus } from "./persuasion-paragraphs-fr.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/semeval", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "sitrep-semeval-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("readSemevalCorpus", () => {
  it("maps each paragraph number onto its line of the article file, CRLF or LF", async () => {
    const corpus = await readSemevalCorpus(FIXTURE);
    expect(corpus.articles.map((article) => article.id)).toEqual(["1", "2"]);
    expect(corpus.unlabelled).toEqual(["3"]);
    expect(corpus.missing).toEqual([]);
    const [first, second] = corpus.articles;
    if (!first || !second) throw new Error("expected two articles");
    expect(first.text).toContain("\r\n");
    const lines = (article: typeof first) => article.paragraphs.map((paragraph) => [paragraph.number, article.text.slice(paragraph.start, paragraph.end), paragraph.techniques]);
    expect(lines(first)).toEqual([
      [1, "L'effondrement total des miliciens", ["Loaded_Language", "Name_Calling-Labeling"]],
      [3, "Les miliciens ont pris la fuite après une nuit de combats près de la ville.", ["Name_Calling-Labeling"]],
      [5, "C'est un carnage, une honte absolue, selon un habitant.", ["Loaded_Language"]],
      // Line 6 follows line 5 with no blank line between: a paragraph of its own.
      [6, "Le maire a annoncé la réouverture des écoles lundi.", []],
      [8, "Qui peut croire encore à leurs promesses ?", ["Doubt"]],
    ]);
    expect(lines(second).map(([number]) => number)).toEqual([1, 3, 5]);
  });

  it("reads the span labels as offsets into the article file as read", async () => {
    const [first, second] = (await readSemevalCorpus(FIXTURE)).articles;
    expect(first?.spans?.map((span) => [span.technique, first.text.slice(span.start, span.end)])).toEqual([
      ["Loaded_Language", "effondrement total"],
      ["Name_Calling-Labeling", "miliciens"],
      ["Name_Calling-Labeling", "miliciens"],
      ["Loaded_Language", "carnage"],
      ["Loaded_Language", "honte absolue"],
      ["Doubt", "Qui peut croire encore à leurs promesses ?"],
    ]);
    expect(second?.spans?.map((span) => span.technique)).toEqual(["Flag_Waving", "Slogans"]);
  });

  it("takes the articles folder itself, with the labels beside it", async () => {
    const corpus = await readSemevalCorpus(join(FIXTURE, "train-articles-subtask-3"));
    expect(corpus.articles).toHaveLength(2);
    expect(corpus.spansDir).not.toBeNull();
  });

  it("scores without span labels, and reports articles the labels name but the folder lacks", async () => {
    const split = join(scratch, "no-spans");
    cpSync(join(FIXTURE, "train-articles-subtask-3"), join(split, "dev-articles-subtask-3"), { recursive: true });
    writeFileSync(join(split, "dev-labels-subtask-3.txt"), "1\t1\tLoaded_Language\n9\t1\t\n");
    const corpus = await readSemevalCorpus(split);
    expect(corpus.articles.map((article) => [article.id, article.spans])).toEqual([["1", null]]);
    expect(corpus.missing).toEqual(["9"]);
  });

  it("says what is wrong with a malformed split", async () => {
    await expect(readSemevalCorpus(join(scratch, "absent"))).rejects.toThrow(/expected a SemEval-2023 Task 3 folder/);
    const bad = join(scratch, "bad");
    cpSync(join(FIXTURE, "train-articles-subtask-3"), join(bad, "train-articles-subtask-3"), { recursive: true });
    writeFileSync(join(bad, "train-labels-subtask-3.txt"), "1\tone\tDoubt\n");
    await expect(readSemevalCorpus(bad)).rejects.toThrow(/train-labels-subtask-3\.txt, line 1: expected article<TAB>paragraph<TAB>techniques/);
    writeFileSync(join(bad, "train-labels-subtask-3.txt"), "1\t40\tDoubt\n");
    await expect(readSemevalCorpus(bad)).rejects.toThrow(/article 1 paragraph 40, but .* has 9 lines/);
  });
});
