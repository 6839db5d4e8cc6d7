import { describe, expect, it } from "vitest";
import { confusionMatrix, mapLabels, NO_LABEL, scoreClassification, type LabelPair } from "./classification-metrics.js";

const pairs = (gold: string, predicted: string): LabelPair[] =>
  gold.split(" ").map((label, i) => ({ gold: label, predicted: predicted.split(" ")[i] ?? NO_LABEL }));

// Worked by hand: A is right 2 of 3 times and predicted 3 times (once for a C); B is right
// once, predicted once for an A, and once not predicted at all; C is never predicted.
const EXAMPLE = pairs("A A A B B C", "A A B B none A");

describe("scoreClassification", () => {
  it("computes accuracy, per-class scores and the three averages of a worked example", () => {
    const score = scoreClassification(EXAMPLE, { labels: ["A", "B", "C"] });
    expect(score).toMatchObject({ items: 6, correct: 3, accuracy: 0.5, abstained: 1 });
    expect(score.classes).toEqual([
      { label: "A", precision: 2 / 3, recall: 2 / 3, f1: expect.closeTo(2 / 3, 12), support: 3, predicted: 3 },
      { label: "B", precision: 1 / 2, recall: 1 / 2, f1: 1 / 2, support: 2, predicted: 2 },
      { label: "C", precision: 0, recall: 0, f1: 0, support: 1, predicted: 0 },
    ]);
    expect(score.macroF1).toBeCloseTo(7 / 18, 12);
    expect(score.weightedF1).toBeCloseTo(1 / 2, 12);
    // The abstention counts against recall but is no false positive: P = 3/5, R = 3/6.
    expect(score.micro.precision).toBeCloseTo(3 / 5, 12);
    expect(score.micro.recall).toBe(1 / 2);
    expect(score.micro.f1).toBeCloseTo(6 / 11, 12);
  });

  it("gives the confusion matrix gold × predicted, with a none column for abstentions", () => {
    expect(scoreClassification(EXAMPLE, { labels: ["A", "B", "C"] }).confusion).toEqual({
      gold: ["A", "B", "C"],
      predicted: ["A", "B", "C", NO_LABEL],
      counts: [
        [2, 1, 0, 0],
        [0, 1, 0, 1],
        [1, 0, 0, 0],
      ],
    });
  });

  it("makes micro F1 equal accuracy when every item gets a scored class", () => {
    const score = scoreClassification(pairs("A A B B", "A B B A"));
    expect(score.micro.f1).toBe(score.accuracy);
    expect(score.confusion.predicted).toEqual(["A", "B"]);
  });

  it("scores, by default, every gold and predicted label but none, so a class never in the gold lowers the macro average", () => {
    const score = scoreClassification(pairs("X X", "X Y"));
    expect(score.classes.map((item) => [item.label, item.support, item.predicted, item.f1])).toEqual([
      ["X", 2, 1, 2 / 3],
      ["Y", 0, 1, 0],
    ]);
    expect(score.macroF1).toBe(1 / 3);
    expect(score.weightedF1).toBe(2 / 3);
  });

  it("keeps labels outside a given label set in the matrix and accuracy, not in the averages", () => {
    const score = scoreClassification(pairs("A Z A", "Q A A"), { labels: ["A"] });
    expect(score.classes).toEqual([{ label: "A", precision: 1 / 2, recall: 1 / 2, f1: 1 / 2, support: 2, predicted: 2 }]);
    expect(score.accuracy).toBe(1 / 3);
    expect(score.confusion).toEqual({
      gold: ["A", "Z"],
      predicted: ["A", "Q"],
      counts: [
        [1, 1],
        [1, 0],
      ],
    });
  });

  it("scores an empty run as zeros, and an all-abstaining run as zeros with the none column", () => {
    expect(scoreClassification([])).toMatchObject({ items: 0, accuracy: 0, macroF1: 0, weightedF1: 0, micro: { f1: 0 }, classes: [] });
    const none = scoreClassification(pairs("A B", "none none"), { labels: ["A", "B"] });
    expect(none).toMatchObject({ accuracy: 0, macroF1: 0, weightedF1: 0, abstained: 2, micro: { precision: 0, recall: 0, f1: 0 } });
    expect(none.confusion.counts).toEqual([
      [0, 0, 1],
      [0, 0, 1],
    ]);
  });

  it("refuses none or a repeated label among the classes", () => {
    expect(() => scoreClassification(EXAMPLE, { labels: ["A", NO_LABEL] })).toThrow(/cannot be a class/);
    expect(() => scoreClassification(EXAMPLE, { labels: ["A", "A"] })).toThrow(/distinct/);
  });
});

describe("confusionMatrix", () => {
  it("gives a gold none a row of its own", () => {
    expect(confusionMatrix(pairs("none A", "A A"), ["A"])).toEqual({ gold: ["A", NO_LABEL], predicted: ["A"], counts: [[1], [1]] });
  });
});

describe("mapLabels", () => {
  it("maps both sides and leaves none alone", () => {
    const coarse = (label: string): string => label.slice(0, 1);
    expect(mapLabels(pairs("A1 B2", "A2 none"), coarse)).toEqual(pairs("A B", "A none"));
  });
});
