import { describe, expect, it } from "vitest";
import { segmentText } from "../src/article/segments.js";

const span = (name: string, start: number, end: number) => ({ name, start, end });
const names = (segments: ReturnType<typeof segmentText<ReturnType<typeof span>>>) => segments.map((segment) => [segment.start, segment.end, segment.covering.map((entry) => entry.name)]);

describe("segmentText", () => {
  it("covers the whole text with runs, each under the same annotations, innermost first", () => {
    // "al-Nosra fighters fled to Arsal": a sentence, a quote inside it, an actor inside the quote, a place after.
    const segments = segmentText(31, [span("sentence", 0, 31), span("actor", 0, 8), span("quote", 0, 17), span("place", 26, 31)]);
    expect(names(segments)).toEqual([
      [0, 8, ["actor", "quote", "sentence"]],
      [8, 17, ["quote", "sentence"]],
      [17, 26, ["sentence"]],
      [26, 31, ["place", "sentence"]],
    ]);
  });

  it("splits partly overlapping spans where each begins and ends", () => {
    expect(names(segmentText(10, [span("a", 2, 6), span("b", 4, 8)]))).toEqual([
      [0, 2, []],
      [2, 4, ["a"]],
      [4, 6, ["a", "b"]],
      [6, 8, ["b"]],
      [8, 10, []],
    ]);
  });

  it("leaves out spans it cannot show, and keeps the rest", () => {
    expect(names(segmentText(5, [span("outside", 3, 9), span("empty", 2, 2), span("reversed", 4, 1), span("fractional", 0.5, 2), span("good", 1, 3)]))).toEqual([
      [0, 1, []],
      [1, 3, ["good"]],
      [3, 5, []],
    ]);
  });

  it("gives one bare run for a text without annotations, and none for an empty text", () => {
    expect(names(segmentText(4, []))).toEqual([[0, 4, []]]);
    expect(segmentText(0, [])).toEqual([]);
  });
});
