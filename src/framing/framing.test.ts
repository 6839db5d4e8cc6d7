import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import type { Analysis, FramingSpan } from "../model/analysis.js";
import { toAnalysis } from "../model/document.js";
import { createSpanCheckStage } from "../pipeline/check-spans.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline, type Stage } from "../pipeline/stage.js";
import { assertValid } from "../test-support/schema.js";
import { sliceProblems } from "../test-support/spans.js";
import { createFramingStage, lineSpans, paragraphSpans, paragraphTechniques, SEMEVAL_TECHNIQUES, type FramingOptions } from "./index.js";

const defaultStages = [...createTextStages(), createFramingStage(), createSpanCheckStage()];

async function analyse(language: string, text: string, stages: readonly Stage[] = defaultStages): Promise<Analysis> {
  const analysis = toAnalysis(runPipeline(stages, await ingestDocument(text, { metadata: { language } })));
  assertValid("analysis", analysis);
  expect(sliceProblems(analysis)).toEqual([]);
  return analysis;
}

const withOptions = (options: FramingOptions): Stage[] => [...createTextStages(), createFramingStage(options), createSpanCheckStage()];
const found = (analysis: Analysis, technique?: string): string[] => analysis.framing.filter((span) => technique === undefined || span.technique === technique).map((span) => span.text);
const techniquesOf = (analysis: Analysis): string[] => [...new Set(analysis.framing.map((span) => span.technique))].sort();

describe("framing stage on the founding example", () => {
  const text = readFileSync(new URL("../../examples/qalamoun-fr.txt", import.meta.url), "utf8");

  it("marks the rout, the stampede and the militia label", async () => {
    const analysis = await analyse("fr", text);
    expect(analysis.stages).toContain("framing");
    const at = (phrase: string): FramingSpan[] => analysis.framing.filter((span) => span.text.toLowerCase() === phrase);
    expect(at("effondrement total").map((span) => span.technique)).toContain("Loaded_Language");
    expect(at("évasion en masse").map((span) => span.technique)).toContain("Loaded_Language");
    expect(at("milice").map((span) => span.technique)).toContain("Name_Calling-Labeling");
    expect(at("miliciens").map((span) => span.technique)).toContain("Name_Calling-Labeling");
    // Every "effondrement total" of the text, not only the first.
    expect(at("effondrement total").filter((span) => span.technique === "Loaded_Language")).toHaveLength(3);
  });

  it("numbers the spans in text order and names the rule and lexicon line", async () => {
    const { framing } = await analyse("fr", text);
    expect(framing.map((span) => span.id)).toEqual(framing.map((_, i) => `f${i + 1}`));
    for (let i = 1; i < framing.length; i++) expect((framing[i] as FramingSpan).start).toBeGreaterThanOrEqual((framing[i - 1] as FramingSpan).start);
    for (const span of framing) {
      expect(SEMEVAL_TECHNIQUES).toContain(span.technique);
      expect(span.by).toMatch(/^framing:(lexicon:\d+|[a-z-]+)$/);
    }
    expect(framing.find((span) => span.text === "totalement libérée")).toMatchObject({ technique: "Exaggeration-Minimisation", by: "framing:exaggeration-intensifier" });
  });

  it("gives each line its techniques, the text having no blank line", async () => {
    const analysis = await analyse("fr", text);
    const paragraphs = paragraphTechniques(analysis);
    expect(paragraphs).toHaveLength(text.trim().split("\n").length);
    expect(paragraphs[0]?.techniques).toEqual(expect.arrayContaining(["Loaded_Language", "Name_Calling-Labeling"]));
    expect(paragraphs[1]).toEqual({ paragraph: { start: text.indexOf("La bataille"), end: text.indexOf("\n", text.indexOf("La bataille")) }, techniques: [] });
  });
});

describe("framing stage rules", () => {
  it("reads English: labels, horror, doubt, authority, flag, fear and superlatives", async () => {
    const analysis = await analyse(
      "en",
      "The so-called experts agree that the regime's thugs carried out a horrific massacre. Our country faces a threat to our way of life. It was the worst attack ever seen in the region. Who can believe these lies?",
    );
    expect(found(analysis, "Doubt")).toEqual(["so-called experts", "Who can believe these lies?"]);
    expect(found(analysis, "Appeal_to_Authority")).toEqual(["experts agree"]);
    expect(found(analysis, "Name_Calling-Labeling")).toContain("thugs");
    expect(found(analysis, "Loaded_Language")).toEqual(expect.arrayContaining(["horrific", "massacre"]));
    expect(found(analysis, "Flag_Waving")).toContain("Our country");
    expect(found(analysis, "Appeal_to_Fear-Prejudice")).toEqual(["threat to our way of life"]);
    expect(found(analysis, "Exaggeration-Minimisation")).toEqual(["the worst attack ever"]);
  });

  it("reads Arabic through proclitics and the article", async () => {
    const analysis = await analyse(
      "ar",
      "قال المتحدث إن الإرهابيين التكفيريين وميليشيا العدو الصهيوني ارتكبوا مجزرة وحشية، وإن الجيش البطولي دافع عن الوطن. وبحسب الخبراء فإن الاحتلال يشكل خطرا على وجود شعبنا. من يصدق هذه الأكاذيب؟",
    );
    expect(found(analysis, "Name_Calling-Labeling")).toEqual(["الإرهابيين", "التكفيريين", "وميليشيا", "العدو الصهيوني", "الاحتلال"]);
    expect(found(analysis, "Loaded_Language")).toEqual(expect.arrayContaining(["مجزرة", "وحشية", "البطولي", "الأكاذيب"]));
    expect(found(analysis, "Flag_Waving")).toEqual(["الوطن", "شعبنا"]);
    expect(found(analysis, "Appeal_to_Authority")).toEqual(["وبحسب الخبراء"]);
    expect(found(analysis, "Appeal_to_Fear-Prejudice")).toHaveLength(1);
    expect(found(analysis, "Doubt")).toEqual(["من يصدق هذه الأكاذيب؟"]);
  });

  it("reads French doubt, authority, flag, fear and exaggeration", async () => {
    const analysis = await analyse(
      "fr",
      "Le soi-disant gouvernement promet la paix. Comme l'a dit de Gaulle, notre patrie ne cédera pas. C'est une menace pour notre civilisation. Ce fut la plus grande défaite jamais subie. Qui peut croire de telles promesses ?",
    );
    expect(found(analysis, "Doubt")).toEqual(["soi-disant gouvernement", "Qui peut croire de telles promesses ?"]);
    expect(found(analysis, "Appeal_to_Authority")).toEqual(["Comme l'a dit de Gaulle"]);
    expect(found(analysis, "Flag_Waving")).toEqual(["notre patrie", "notre civilisation"]);
    expect(found(analysis, "Appeal_to_Fear-Prejudice")).toEqual(["menace pour notre"]);
    expect(found(analysis, "Exaggeration-Minimisation")).toEqual(["la plus grande défaite jamais"]);
  });

  it("finds a word hammered within a paragraph, and a refrain across its sentences", async () => {
    const hammered = await analyse("fr", "La guerre, encore la guerre, toujours la guerre : voilà ce qu'ils nous offrent.");
    expect(found(hammered, "Repetition")).toEqual(["guerre", "guerre", "guerre"]);
    const refrain = await analyse("fr", "Deux ans de promesses trahies par le pouvoir. Deux ans de promesses trahies par ses ministres.");
    expect(found(refrain, "Repetition")).toEqual(["Deux ans de promesses trahies", "Deux ans de promesses trahies"]);
  });

  it("leaves function words, names and a topic spread over a long paragraph alone", async () => {
    const names = await analyse("fr", "Le président Macron a reçu Scholz. Ensuite Macron a parlé, et Macron a conclu.");
    expect(found(names, "Repetition")).toEqual([]);
    const spread = `Le budget sera voté. ${"Les députés ont longuement débattu des amendements déposés en commission. ".repeat(3)}Le budget sera publié. ${"Les sénateurs examineront ensuite le texte adopté. ".repeat(2)}Le budget entrera en vigueur.`;
    expect(found(await analyse("fr", spread), "Repetition").filter((text) => text === "budget")).toEqual([]);
  });

  it("keeps the longest span of a technique over those inside it", async () => {
    const analysis = await analyse("en", "The so-called ceasefire collapsed.");
    expect(found(analysis, "Doubt")).toEqual(["so-called ceasefire"]);
  });
});

describe("framing stage options", () => {
  it("leaves weight-1 rows out by default and uses them when asked", async () => {
    const text = "Le régime a répondu.";
    expect(found(await analyse("fr", text), "Name_Calling-Labeling")).toEqual([]);
    expect(found(await analyse("fr", text, withOptions({ minWeight: 1 })), "Name_Calling-Labeling")).toEqual(["régime"]);
  });

  it("runs the rules it is given", async () => {
    const analysis = await analyse("fr", "Le soi-disant gouvernement est barbare.", withOptions({ rules: [] }));
    expect(analysis.framing).toEqual([]);
  });

  it("gives a document in another language an empty layer", async () => {
    const analysis = await analyse("de", "Die sogenannten Experten lügen.");
    expect(analysis.framing).toEqual([]);
    expect(analysis.stages).toContain("framing");
  });

  it("finds nothing in a plain report", async () => {
    const analysis = await analyse("en", "The minister met his counterpart in Geneva on Tuesday to discuss trade.");
    expect(techniquesOf(analysis)).toEqual([]);
  });
});

describe("paragraphs", () => {
  it("splits on blank lines, or on single line breaks when there is none", () => {
    const blank = "Titre\r\n\r\nUn.\r\nSuite de un.\r\n  \r\nDeux.";
    expect(paragraphSpans(blank).map((span) => blank.slice(span.start, span.end))).toEqual(["Titre", "Un.\r\nSuite de un.", "Deux."]);
    const lines = "Un.\nDeux.\n\tTrois. \n";
    expect(paragraphSpans(lines).map((span) => lines.slice(span.start, span.end))).toEqual(["Un.", "Deux.", "Trois."]);
    expect(lineSpans(blank).map((span) => blank.slice(span.start, span.end))).toEqual(["Titre", "Un.", "Suite de un.", "Deux."]);
    expect(paragraphSpans("")).toEqual([]);
  });

  it("lists the techniques of each paragraph once, sorted, and takes the caller's paragraphs", () => {
    const text = "Barbares !\n\nRien.";
    const span = (technique: string, start: number, end: number): FramingSpan => ({ id: `f${start}`, technique, text: text.slice(start, end), start, end, by: "framing:test" });
    const doc = {
      document: { text } as Analysis["document"],
      framing: [span("Loaded_Language", 0, 8), span("Name_Calling-Labeling", 0, 8), span("Loaded_Language", 0, 3)],
    };
    expect(paragraphTechniques(doc)).toEqual([
      { paragraph: { start: 0, end: 10 }, techniques: ["Loaded_Language", "Name_Calling-Labeling"] },
      { paragraph: { start: 12, end: 17 }, techniques: [] },
    ]);
    expect(paragraphTechniques(doc, [{ start: 0, end: 4 }]).map((item) => item.techniques)).toEqual([["Loaded_Language", "Name_Calling-Labeling"]]);
  });
});
