import { describe, expect, it } from "vitest";
import { detectKind, kindFromName } from "./detect-format.js";

describe("detecting a GeoNames table", () => {
  it("knows the dump's file names", () => {
    expect(kindFromName("/data/admin1CodesASCII.txt")).toBe("admin1-codes");
    expect(kindFromName("admin2Codes.txt")).toBe("admin2-codes");
    expect(kindFromName("alternateNamesV2.zip")).toBe("alternate-names");
    expect(kindFromName("dump/alternatenames/SY.zip")).toBe("alternate-names");
    expect(kindFromName("allCountries.zip")).toBe("geoname");
    expect(kindFromName("cities15000.txt")).toBe("geoname");
    // A bare country file can be either table: the columns decide.
    expect(kindFromName("dump/SY.zip")).toBeNull();
  });

  it("falls back on the first line's columns", () => {
    expect(detectKind("SY.txt", Array.from({ length: 19 }, () => ""))).toBe("geoname");
    expect(detectKind("SY.txt", Array.from({ length: 10 }, () => ""))).toBe("alternate-names");
    expect(detectKind("codes.txt", ["SY.01", "Rif Dimashq", "Rif Dimashq", "1"])).toBe("admin1-codes");
    expect(detectKind("codes.txt", ["SY.01.0101", "Qara District", "Qara District", "1"])).toBe("admin2-codes");
    expect(() => detectKind("notes.txt", ["just text"])).toThrow(/notes\.txt is not a GeoNames dump/);
  });
});
