import { describe, expect, it } from "vitest";
import { normalisePublished } from "./metadata.js";

describe("normalisePublished", () => {
  it("keeps a date a date", () => {
    expect(normalisePublished("2024-03-15")).toBe("2024-03-15");
    expect(normalisePublished(" 2024-02-29 ")).toBe("2024-02-29");
  });

  it("writes date-times in one form, keeping the offset given", () => {
    expect(normalisePublished("2024-03-15T10:00:00Z")).toBe("2024-03-15T10:00:00Z");
    expect(normalisePublished("2024-03-15t10:00z")).toBe("2024-03-15T10:00:00Z");
    expect(normalisePublished("2024-03-15T23:30:00+03:00")).toBe("2024-03-15T23:30:00+03:00");
    expect(normalisePublished("2024-03-15T10:00:00.123+0200")).toBe("2024-03-15T10:00:00.123+02:00");
    expect(normalisePublished("2024-03-15 10:00:00 -05")).toBe("2024-03-15T10:00:00-05:00");
    expect(normalisePublished("2024-03-15T10:00:00")).toBe("2024-03-15T10:00:00");
  });

  it("reads the RFC 2822 form of RSS feeds", () => {
    expect(normalisePublished("Fri, 15 Mar 2024 10:00:00 +0200")).toBe("2024-03-15T10:00:00+02:00");
    expect(normalisePublished("5 Mar 2024 08:15 GMT")).toBe("2024-03-05T08:15:00Z");
    expect(normalisePublished("Tue, 05 Nov 2024 18:00:00 EST")).toBe("2024-11-05T18:00:00-05:00");
  });

  it("rejects what is not a real date or time", () => {
    for (const value of [
      "",
      "yesterday",
      "15/03/2024",
      "March 15, 2024",
      "2023-02-29",
      "2024-13-01",
      "2024-04-31",
      "2024-03-15T24:00:00Z",
      "2024-03-15T10:61:00Z",
      "2024-03-15T10:00:00+25:00",
      "Fri, 31 Apr 2024 10:00:00 GMT",
      "2024-03-15T10:00:00Z trailing",
    ]) {
      expect(normalisePublished(value), value).toBeNull();
    }
  });
});
