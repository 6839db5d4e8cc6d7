import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ACLED_REGIONS, acledRegion } from "./acled-regions.js";

describe("acledRegion", () => {
  it.each([
    ["SY", "Middle East"],
    ["IR", "Middle East"],
    ["TR", "Middle East"],
    ["YE", "Middle East"],
    ["PS", "Middle East"],
    ["EG", "Northern Africa"],
    ["ML", "Western Africa"],
    ["CD", "Middle Africa"],
    ["SO", "Eastern Africa"],
    ["SS", "Eastern Africa"],
    ["ZA", "Southern Africa"],
    ["AF", "South Asia"],
    ["MM", "Southeast Asia"],
    ["CN", "East Asia"],
    ["AM", "Caucasus and Central Asia"],
    ["GE", "Caucasus and Central Asia"],
    ["KZ", "Caucasus and Central Asia"],
    ["RU", "Europe"],
    ["UA", "Europe"],
    ["CY", "Europe"],
    ["HT", "Caribbean"],
    ["MX", "Central America"],
    ["CO", "South America"],
    ["US", "North America"],
    ["PG", "Oceania"],
  ])("%s → %s", (country, region) => {
    expect(acledRegion(country)).toBe(region);
  });

  it("has no region for Antarctica or an unknown code", () => {
    expect(acledRegion("AQ")).toBeNull();
    expect(acledRegion("ZZ")).toBeNull();
  });

  it("gives every inhabited country in world-countries one of ACLED's regions", () => {
    const countries = createRequire(import.meta.url)("world-countries/countries.json") as { cca2: string; region: string }[];
    const inhabited = countries.filter((country) => country.region !== "Antarctic");
    const unplaced = inhabited.filter((country) => acledRegion(country.cca2) === null).map((country) => country.cca2);
    expect(unplaced).toEqual([]);
    expect(new Set(inhabited.map((country) => acledRegion(country.cca2)))).toEqual(new Set(ACLED_REGIONS));
  });
});
