import { describe, expect, it } from "vitest";
import { SpanIndex, contains, overlaps, type Span } from "./span.js";

const s = (start: number, end: number): Span => ({ start, end });

describe("span relations", () => {
  it("treats spans as half-open", () => {
    expect(overlaps(s(0, 5), s(5, 9))).toBe(false);
    expect(overlaps(s(0, 6), s(5, 9))).toBe(true);
    expect(contains(s(0, 9), s(0, 9))).toBe(true);
    expect(contains(s(1, 9), s(0, 9))).toBe(false);
  });
});

describe("SpanIndex", () => {
  const layer = [s(20, 30), s(0, 10), s(5, 8), s(0, 100), s(40, 45), s(29, 41)];
  const index = new SpanIndex(layer);

  it("finds overlapping items in text order", () => {
    expect(index.overlapping(s(9, 21))).toEqual([s(0, 100), s(0, 10), s(20, 30)]);
    expect(index.overlapping(s(45, 46))).toEqual([s(0, 100)]);
    expect(index.overlapping(s(100, 120))).toEqual([]);
  });

  it("finds items within and covering a span", () => {
    expect(index.within(s(0, 10))).toEqual([s(0, 10), s(5, 8)]);
    expect(index.covering(s(6, 7))).toEqual([s(0, 100), s(0, 10), s(5, 8)]);
    expect(index.covering(s(29, 30))).toEqual([s(0, 100), s(20, 30), s(29, 41)]);
  });

  it("agrees with a brute-force scan on random layers", () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: 40 }, () => {
        const start = random(200);
        return s(start, start + random(30));
      });
      const idx = new SpanIndex(items);
      const query = s(random(200), 0);
      query.end = query.start + random(40);
      const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
      expect(idx.overlapping(query)).toEqual(sorted.filter((i) => overlaps(i, query)));
      expect(idx.within(query)).toEqual(sorted.filter((i) => contains(query, i)));
      expect(idx.covering(query)).toEqual(sorted.filter((i) => contains(i, query)));
    }
  });
});
