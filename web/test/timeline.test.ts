import { describe, expect, it } from "vitest";
import { bucketStart } from "../src/dates.js";
import { groupBuckets } from "../src/timeline.js";

describe("the timeline's bars", () => {
  it("keeps days for a short period, with empty days drawn as gaps", () => {
    const { unit, bars } = groupBuckets([
      { start: "2015-05-15", count: 2 },
      { start: "2015-05-13", count: 7 },
    ]);
    expect(unit).toBe("day");
    expect(bars).toEqual([
      { start: "2015-05-13", end: "2015-05-14", count: 7 },
      { start: "2015-05-14", end: "2015-05-15", count: 0 },
      { start: "2015-05-15", end: "2015-05-16", count: 2 },
    ]);
  });

  it("groups into weeks from Monday over months, and into months over years", () => {
    const weeks = groupBuckets([
      { start: "2015-03-02", count: 1 },
      { start: "2015-03-08", count: 1 },
      { start: "2015-06-05", count: 1 },
    ]);
    expect(weeks.unit).toBe("week");
    expect(weeks.bars[0]).toEqual({ start: "2015-03-02", end: "2015-03-09", count: 2 });
    expect(weeks.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(3);

    const months = groupBuckets([
      { start: "2014-01-31", count: 1 },
      { start: "2016-12-01", count: 4 },
    ]);
    expect(months.unit).toBe("month");
    expect(months.bars).toHaveLength(36);
    expect(months.bars[0]).toEqual({ start: "2014-01-01", end: "2014-02-01", count: 1 });
    expect(months.bars[35]).toEqual({ start: "2016-12-01", end: "2017-01-01", count: 4 });
  });

  it("starts weeks on Monday whatever the day", () => {
    expect(bucketStart("2015-05-17", "week")).toBe("2015-05-11");
    expect(bucketStart("2015-05-11", "week")).toBe("2015-05-11");
  });
});
