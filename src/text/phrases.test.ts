import { describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import type { Doc } from "../model/document.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { longestMatches, PhraseMatcher, phraseWords } from "./phrases.js";

async function docOf(text: string): Promise<Doc> {
  return runPipeline(createTextStages(), await ingestDocument(text));
}

function matcherOf(forms: readonly string[]): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>();
  for (const form of forms) matcher.add(phraseWords(form), form);
  return matcher;
}

describe("phraseWords", () => {
  it("splits on spaces, hyphens and after elided articles, and folds", () => {
    expect(phraseWords("Front al-Nosra")).toEqual([{ text: "front", prefix: false }, { text: "al", prefix: false }, { text: "nosra", prefix: false }]);
    expect(phraseWords("d'assaut")).toEqual([{ text: "d'", prefix: false }, { text: "assaut", prefix: false }]);
    expect(phraseWords("shell*")).toEqual([{ text: "shell", prefix: true }]);
  });
});

describe("PhraseMatcher", () => {
  it("matches multi-word phrases across joiners and returns spans into the text", async () => {
    const doc = await docOf("L'armée syrienne a repris al-Nosra hier, selon le front al-Nosra.");
    const matches = longestMatches(matcherOf(["al-Nosra", "front al-Nosra", "armée"]).matchAll(doc));
    expect(matches.map((match) => doc.document.text.slice(match.start, match.end))).toEqual(["armée", "al-Nosra", "front al-Nosra"]);
  });

  it("matches prefix words and stops at punctuation and sentence ends", async () => {
    const doc = await docOf("Rebels shelled the town. Shelling, then clashes.");
    const matches = matcherOf(["shell*", "shell* then"]).matchAll(doc);
    expect(matches.map((match) => match.value)).toEqual(["shell*", "shell*"]);
  });

  it("matches Arabic words once their proclitics are stripped, and says so", async () => {
    const doc = await docOf("وقال مصدر إن المسلحين هاجموا والمسلحين في الغارة الجوية");
    const matches = matcherOf(["مسلحين", "غارة جوية"]).matchAll(doc);
    expect(matches.map((match) => [doc.document.text.slice(match.start, match.end), match.viaStem])).toEqual([
      ["المسلحين", true],
      ["والمسلحين", true],
      ["الغارة الجوية", true],
    ]);
  });

  it("limits matching to a range", async () => {
    const doc = await docOf("Clashes in the north. Clashes in the south.");
    const second = doc.sentences[1];
    if (!second) throw new Error("expected two sentences");
    const matches = matcherOf(["clashes"]).matchAll(doc, second);
    expect(matches.map((match) => match.start)).toEqual([second.start]);
  });

  it("cuts ranges from the document's matches as a walk within each range would find them", async () => {
    const doc = await docOf("Heavy clashes erupted. Clashes, then heavy clashes near the border. Heavy");
    const matcher = matcherOf(["clashes", "heavy clashes", "heavy clashes near", "clashes near the border"]);
    const [first, second, third] = doc.sentences;
    if (!first || !second || !third) throw new Error("expected three sentences");
    const texts = (range?: { start: number; end: number }): string[] => matcher.matchAll(doc, range).map((match) => doc.document.text.slice(match.start, match.end));
    expect(texts(first)).toEqual(["Heavy clashes", "clashes"]);
    expect(texts(second)).toEqual(["Clashes", "heavy clashes", "heavy clashes near", "clashes", "clashes near the border"]);
    expect(texts(third)).toEqual([]);
    // A range that ends inside a phrase keeps only what ends by then; one that starts inside a word keeps that word.
    const cut = { start: second.start + 2, end: doc.document.text.indexOf(" near") };
    expect(texts(cut)).toEqual(["Clashes", "heavy clashes", "clashes"]);
    expect(texts()).toEqual([...texts(first), ...texts(second)]);
  });

  it("returns fresh matches on every call, and sees phrases added after a document was matched", async () => {
    const doc = await docOf("Clashes and shelling in the north.");
    const matcher = matcherOf(["clashes"]);
    const once = matcher.matchAll(doc);
    (once[0] as { start: number }).start = -1;
    expect(matcher.matchAll(doc)[0]?.start).toBe(0);
    matcher.add(phraseWords("shelling"), "shelling");
    expect(matcher.matchAll(doc).map((match) => match.value)).toEqual(["clashes", "shelling"]);
  });

  it("matches each document on its own tokens, also two of the same text", async () => {
    const one = await docOf("Clashes erupted.");
    const other = await docOf("Clashes erupted.");
    const matcher = matcherOf(["clashes"]);
    expect(matcher.matchAll(one)).toEqual(matcher.matchAll(other));
    expect(matcher.matchAll(one)).toHaveLength(1);
  });

  it("refuses an empty phrase", () => {
    expect(() => new PhraseMatcher<string>().add([], "x")).toThrow(/at least one word/);
  });
});
