import { describe, expect, it } from "vitest";
import type { PlaceMention } from "../model/analysis.js";
import { distanceKm, EARTH_RADIUS_KM } from "../model/geo.js";
import {
  errorCurveAuc,
  matchSpans,
  median,
  placeToGeoSpan,
  scoreDataset,
  scoreDocument,
  spanScores,
  type GeoSpan,
} from "./geo-metrics.js";

const BEIRUT = { lat: 33.8938, lon: 35.5018 };
const DAMASCUS = { lat: 33.5138, lon: 36.2765 };

const span = (start: number, end: number, point: { lat: number; lon: number } | null = null, geonameId: string | null = null): GeoSpan => ({
  start,
  end,
  text: "x".repeat(end - start),
  lat: point?.lat ?? null,
  lon: point?.lon ?? null,
  geonameId,
});

describe("matchSpans", () => {
  it("pairs exact spans one to one", () => {
    expect(matchSpans([span(0, 4), span(10, 15)], [span(10, 15), span(0, 3)], "exact")).toEqual([[1, 0]]);
  });

  it("pairs overlapping spans one to one, largest overlap first", () => {
    // One long prediction over two gold toponyms counts for the one it covers most.
    expect(matchSpans([span(0, 4), span(5, 15)], [span(2, 12)], "overlap")).toEqual([[1, 0]]);
    expect(matchSpans([span(0, 4), span(5, 15)], [span(2, 12), span(0, 2)], "overlap")).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(matchSpans([span(0, 4)], [span(4, 8)], "overlap")).toEqual([]);
    // As many characters shared by an exact and a wider prediction: the exact one wins.
    expect(matchSpans([span(5, 10)], [span(3, 12), span(5, 10)], "overlap")).toEqual([[0, 1]]);
  });
});

describe("scoreDocument and spanScores", () => {
  const gold = [span(0, 4, BEIRUT, "276781"), span(10, 17, DAMASCUS, "170654"), span(20, 25, BEIRUT)];
  // Right place exactly; a partial span resolved to the wrong city; a false positive; the third toponym missed.
  const predicted = [span(0, 4, BEIRUT, "276781"), span(10, 14, BEIRUT, "276781"), span(30, 35, DAMASCUS)];
  const score = scoreDocument(gold, predicted);

  it("counts a miss and a false positive, exactly and by overlap", () => {
    expect(score.exact).toEqual({ truePositives: 1, falsePositives: 2, falseNegatives: 2 });
    expect(score.overlap).toEqual({ truePositives: 2, falsePositives: 1, falseNegatives: 1 });
    expect(spanScores(score.exact)).toEqual({ precision: 1 / 3, recall: 1 / 3, f1: 1 / 3 });
    expect(spanScores(score.overlap)).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    expect(score.missed.map((toponym) => toponym.start)).toEqual([20]);
    expect(score.spurious.map((place) => place.start)).toEqual([30]);
  });

  it("measures the error of each matched toponym and compares GeoNames ids", () => {
    expect(score.matched.map((pair) => [pair.exact, pair.errorKm, pair.sameGeonameId])).toEqual([
      [true, 0, true],
      [false, distanceKm(DAMASCUS, BEIRUT), false],
    ]);
    expect(score.goldWithCoordinates).toBe(3);
  });

  it("has no precision without predictions and no recall without gold", () => {
    expect(spanScores({ truePositives: 0, falsePositives: 0, falseNegatives: 3 })).toEqual({ precision: null, recall: 0, f1: 0 });
    expect(spanScores({ truePositives: 0, falsePositives: 2, falseNegatives: 0 })).toEqual({ precision: 0, recall: null, f1: 0 });
    expect(spanScores({ truePositives: 0, falsePositives: 0, falseNegatives: 0 })).toEqual({ precision: null, recall: null, f1: null });
  });

  it("counts a prediction on an ignored annotation as neither right nor wrong", () => {
    const ignored = scoreDocument([span(0, 4)], [span(0, 4), span(10, 16), span(30, 35)], [span(8, 16)]);
    expect(ignored.exact).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 0 });
    expect(ignored.spurious.map((place) => place.start)).toEqual([30]);
  });
});

describe("errorCurveAuc", () => {
  it("is 0 for perfect answers, 1 for answers half a world away, and in between otherwise", () => {
    // ln(1 + 20038) / ln(20039) = 1; no two points on Earth are farther apart than π R ≈ 20015 km.
    const worst = 20038;
    expect(errorCurveAuc([])).toBeNull();
    expect(errorCurveAuc([0])).toBe(0);
    expect(errorCurveAuc([0, 0, 0])).toBe(0);
    expect(errorCurveAuc([worst, worst])).toBeCloseTo(1, 12);
    expect(errorCurveAuc([Math.PI * EARTH_RADIUS_KM])).toBeLessThan(1);
    expect(errorCurveAuc([worst, 0])).toBeCloseTo(0.5, 12);
    expect(errorCurveAuc([worst, 0, worst])).toBeCloseTo(0.75, 12);
    const auc = errorCurveAuc([5, 80, 400, 3000]) ?? Number.NaN;
    expect(auc).toBeGreaterThan(0);
    expect(auc).toBeLessThan(1);
  });

  it("sorts the errors first, so their order does not matter", () => {
    expect(errorCurveAuc([3000, 5, 400, 80])).toBe(errorCurveAuc([5, 80, 400, 3000]));
  });

  it("follows ln(1 + km) / ln(20039) by the trapezoidal rule", () => {
    const y = [10, 100].map((km) => Math.log(1 + km) / Math.log(20039));
    expect(errorCurveAuc([100, 10])).toBeCloseTo(((y[0] ?? 0) + (y[1] ?? 0)) / 2, 12);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("scoreDataset", () => {
  it("pools documents, and tells resolved-only accuracy from accuracy over all gold coordinates", () => {
    const far = { lat: DAMASCUS.lat + 3, lon: DAMASCUS.lon };
    const documents = [
      scoreDocument([span(0, 4, BEIRUT), span(5, 9, DAMASCUS)], [span(0, 4, BEIRUT), span(5, 9, far)]),
      // Found but unresolved, and missed: both wrong for all-gold, absent from resolved-only.
      scoreDocument([span(0, 4, BEIRUT), span(5, 9, DAMASCUS), span(10, 14)], [span(0, 4)]),
    ];
    const score = scoreDataset(documents);
    expect(score).toMatchObject({ documents: 2, gold: 5, predicted: 3 });
    expect(score.exact).toMatchObject({ truePositives: 3, falsePositives: 0, falseNegatives: 2, precision: 1, recall: 0.6 });
    expect(score.resolution).toMatchObject({ resolved: 2, accuracy161Resolved: 0.5, goldWithCoordinates: 4, accuracy161AllGold: 0.25, idPairs: 0, idMatch: null });
    const errors = [0, distanceKm(DAMASCUS, far)];
    expect(score.resolution.meanKm).toBeCloseTo((errors[0]! + errors[1]!) / 2, 9);
    expect(score.resolution.medianKm).toBeCloseTo((errors[0]! + errors[1]!) / 2, 9);
    expect(score.resolution.auc).toBe(errorCurveAuc(errors));
  });

  it("has no resolution scores when nothing was predicted", () => {
    const score = scoreDataset([scoreDocument([span(0, 4, BEIRUT)], [])]);
    expect(score.resolution).toMatchObject({ resolved: 0, accuracy161Resolved: null, accuracy161AllGold: 0, meanKm: null, medianKm: null, auc: null });
    expect(score.exact).toMatchObject({ precision: null, recall: 0, f1: 0 });
  });
});

describe("placeToGeoSpan", () => {
  const place = (resolved: PlaceMention["resolved"]): PlaceMention => ({
    id: "p1",
    start: 0,
    end: 6,
    text: "Beirut",
    kind: "toponym",
    resolved,
    score: 1,
    precision: 1,
    alternatives: [],
    by: "places:test",
  });
  const entry = { id: "276781", name: "Beirut", country: "LB", admin1: null, lat: 33.89, lon: 35.5, feature: "PPLC", population: null };

  it("takes coordinates from the resolved entry, and the id only from GeoNames", () => {
    expect(placeToGeoSpan(place({ gazetteer: "geonames", ...entry }))).toEqual({ start: 0, end: 6, text: "Beirut", lat: 33.89, lon: 35.5, geonameId: "276781" });
    expect(placeToGeoSpan(place({ gazetteer: "wof", ...entry })).geonameId).toBeNull();
    expect(placeToGeoSpan(place(null))).toMatchObject({ lat: null, lon: null, geonameId: null });
  });
});
