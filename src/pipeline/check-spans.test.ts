import { describe, expect, it } from "vitest";
import { createDoc, type Doc } from "../model/document.js";
import type { AnalysisDocument } from "../model/analysis.js";
import { createSpanCheckStage, findSpanProblems, SpanCheckError } from "./check-spans.js";

function docOf(text: string): Doc {
  const document: AnalysisDocument = {
    id: "t",
    url: null,
    outlet: null,
    language: "fr",
    language_scores: [],
    published: null,
    title: null,
    text,
    metadata_from: {},
    input: { format: "text", encoding: "utf-8", bytes: text.length, source_map: null },
  };
  return createDoc(document);
}

describe("span check", () => {
  const text = "Les combattants ont fui vers Aarsale.";

  it("accepts spans that slice to their text", () => {
    const doc = { ...docOf(text), sentences: [{ start: 0, end: text.length }] };
    doc.quotes = [{ id: "q1", text: "Aarsale", start: 29, end: 36, speaker: null, by: "test:fixture" }];
    expect(findSpanProblems(doc)).toEqual([]);
  });

  it("reports a span whose text does not match, and the stage throws", () => {
    const doc = { ...docOf(text), sentences: [{ start: 0, end: text.length }] };
    doc.quotes = [{ id: "q1", text: "Aarsal", start: 29, end: 36, speaker: null, by: "test:fixture" }];
    expect(findSpanProblems(doc)).toEqual([`quotes[0]: [29, 36) slices to "Aarsale", not "Aarsal"`]);
    expect(() => createSpanCheckStage()(doc, {})).toThrow(SpanCheckError);
  });

  it("reports spans outside the text and tokens outside their sentence", () => {
    const doc = { ...docOf(text), sentences: [{ start: 0, end: 10 }, { start: 5, end: 99 }] };
    doc.tokens = [{ text: "fui", start: 20, end: 23, kind: "word", sentence: 0, stem: null, keys: null }];
    expect(findSpanProblems(doc)).toEqual(["sentences[1]: [5, 99) is outside the text (length 37)", "tokens[0]: not inside its sentence 0"]);
  });

  it("reports references to ids that do not exist", () => {
    const doc = docOf(text);
    doc.quotes = [{ id: "q1", text: "Aarsale", start: 29, end: 36, speaker: "s9", by: "test:fixture" }];
    expect(findSpanProblems(doc)).toEqual(['quotes[0]: refers to unknown id "s9"']);
  });

  it("checks attribution spans and what they refer to", () => {
    const doc = docOf(text);
    doc.attributions = [{ id: "r1", source: "s1", source_span: null, cue: { start: 20, end: 23, text: "fui" }, content: { start: 29, end: 36, text: "Aarsal" }, quote: null, by: "test:fixture" }];
    expect(findSpanProblems(doc)).toEqual([`attributions[0].content: [29, 36) slices to "Aarsale", not "Aarsal"`, 'attributions[0]: refers to unknown id "s1"']);
  });

  it("requires both offsets of a nullable span or neither", () => {
    const doc = docOf(text);
    doc.sources = [{ id: "s1", kind: "publisher", name: "x", text: null, start: 3, end: null, outlet: null, via: null, actor: null, by: "test:fixture" }];
    expect(findSpanProblems(doc)).toEqual(["sources[0]: start and end must both be set or both be null"]);
  });
});
