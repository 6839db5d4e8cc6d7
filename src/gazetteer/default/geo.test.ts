import { describe, expect, it } from "vitest";
import { percentile, polygonCentroid } from "./geo.js";

const square = (west: number, south: number, size: number): number[][] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

describe("geometry for the default gazetteer", () => {
  it("finds the centroid of a polygon, whatever its orientation, minus its holes", () => {
    expect(polygonCentroid([square(0, 0, 4)])).toMatchObject({ lon: 2, lat: 2 });
    expect(polygonCentroid([[...square(0, 0, 4)].reverse()])).toMatchObject({ lon: 2, lat: 2 });
    // A hole in the east half's corner pulls the centroid west and south.
    const holed = polygonCentroid([square(0, 0, 4), square(2, 2, 2)]);
    expect(holed.lon).toBeCloseTo(5 / 3, 10);
    expect(holed.lat).toBeCloseTo(5 / 3, 10);
    expect(holed.area).toBeCloseTo(12 * Math.cos(((5 / 3) * Math.PI) / 180), 10);
  });

  it("measures percentiles", () => {
    expect(percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([42], 0.9)).toBe(42);
  });
});
