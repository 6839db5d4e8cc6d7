import { describe, expect, it } from "vitest";
import { addMonths, dayInMonth, isoDate, monthNear, nextWeekday, previousWeekday, referenceDay, utcDay, weekStart } from "./calendar.js";

const friday = utcDay(2015, 5, 15);

describe("calendar", () => {
  it("reads the publication day as written, whatever its time and offset", () => {
    expect(referenceDay("2015-05-15")).toEqual(friday);
    expect(referenceDay("2015-05-15T23:30:00-05:00")).toEqual(friday);
    expect(referenceDay("2015-05-15T00:30:00+14:00")).toEqual(friday);
    expect(referenceDay("2015-02-30")).toBeNull();
    expect(referenceDay("15 May 2015")).toBeNull();
    expect(referenceDay(null)).toBeNull();
  });

  it("finds weekdays back and forth from the reference day", () => {
    expect(isoDate(previousWeekday(friday, 3, false))).toBe("2015-05-13");
    expect(isoDate(previousWeekday(friday, 5, false))).toBe("2015-05-15");
    expect(isoDate(previousWeekday(friday, 5, true))).toBe("2015-05-08");
    expect(isoDate(previousWeekday(friday, 0, false))).toBe("2015-05-10");
    expect(isoDate(nextWeekday(friday, 1))).toBe("2015-05-18");
    expect(isoDate(nextWeekday(friday, 5))).toBe("2015-05-22");
  });

  it("dates a week by its Monday", () => {
    expect(isoDate(weekStart(friday))).toBe("2015-05-11");
    expect(isoDate(weekStart(utcDay(2015, 5, 17)))).toBe("2015-05-11");
    expect(isoDate(weekStart(utcDay(2015, 5, 11)))).toBe("2015-05-11");
  });

  it("moves by months without overflowing short ones", () => {
    expect(isoDate(addMonths(utcDay(2015, 3, 31), -1))).toBe("2015-02-28");
    expect(isoDate(addMonths(friday, -3))).toBe("2015-02-15");
    expect(isoDate(addMonths(utcDay(2015, 1, 15), -1))).toBe("2014-12-15");
  });

  it("puts a month without a year nearest the reference, or before / after it", () => {
    expect(isoDate(monthNear(friday, 12, "nearest"))).toBe("2014-12-01");
    expect(isoDate(monthNear(friday, 8, "nearest"))).toBe("2015-08-01");
    expect(isoDate(monthNear(friday, 5, "past"))).toBe("2015-05-01");
    expect(isoDate(monthNear(friday, 6, "past"))).toBe("2014-06-01");
    expect(isoDate(monthNear(friday, 3, "future"))).toBe("2016-03-01");
  });

  it("refuses days a month does not have, and needs no reference with a year", () => {
    expect(dayInMonth(friday, 2, 30, 1, 2015, "nearest")).toBeNull();
    expect(dayInMonth(null, 2, 28, 1, 2015, "nearest")).toEqual({ value: "2015-02-28", precision: 1 });
    expect(dayInMonth(null, 2, 28, 1, null, "nearest")).toEqual({ value: null, precision: null });
  });
});
