import { describe, expect, it } from "vitest";
import { SANA, REUTERS, outlet } from "../test-support/corpus-events.js";
import { civilianTargeting, disorderType, interaction, sourceScale } from "./acled-codes.js";

describe("disorderType", () => {
  it.each([
    ["Battles", "Armed clash", "Political violence"],
    ["Explosions/Remote violence", "Air/drone strike", "Political violence"],
    ["Violence against civilians", "Attack", "Political violence"],
    ["Protests", "Peaceful protest", "Demonstrations"],
    ["Protests", "Protest with intervention", "Demonstrations"],
    ["Protests", "Excessive force against protesters", "Political violence; Demonstrations"],
    ["Riots", "Violent demonstration", "Demonstrations"],
    ["Riots", "Mob violence", "Political violence"],
    ["Strategic developments", "Arrests", "Strategic developments"],
  ])("%s / %s → %s", (eventType, subEventType, expected) => {
    expect(disorderType(eventType, subEventType)).toBe(expected);
  });

  it("is empty for an event outside ACLED's taxonomy", () => {
    expect(disorderType(null, null)).toBe("");
  });

  it("refuses an event type ACLED does not have, naming it", () => {
    expect(() => disorderType("Skirmish", null)).toThrow(/"Skirmish"/);
  });
});

describe("interaction", () => {
  it.each([
    [1, 3, 13],
    [3, 1, 13],
    [7, 1, 17],
    [2, 2, 22],
    [6, 0, 60],
    [0, 8, 80],
    [0, 0, 0],
  ])("inter %i and %i → %i", (inter1, inter2, expected) => {
    expect(interaction(inter1, inter2)).toBe(expected);
  });
});

describe("civilianTargeting", () => {
  it("marks political violence against civilians only", () => {
    expect(civilianTargeting("Political violence", 7)).toBe("Civilian targeting");
    expect(civilianTargeting("Political violence; Demonstrations", 7)).toBe("Civilian targeting");
    expect(civilianTargeting("Political violence", 2)).toBe("");
    expect(civilianTargeting("Demonstrations", 7)).toBe("");
    expect(civilianTargeting("Strategic developments", 7)).toBe("");
  });
});

describe("sourceScale", () => {
  const anadolu = outlet("anadolu", { name: "Anadolu Agency", country: "TR", alignment: "state-owned" });
  const lemonde = outlet("lemonde", { name: "Le Monde", country: "FR", alignment: "independent" });
  const amaq = outlet("amaq", { name: "Amaq", country: null, ownership: "armed-group" });

  it("places each outlet relative to the event's country and ACLED region", () => {
    expect(sourceScale([SANA], "SY")).toBe("National");
    expect(sourceScale([anadolu], "SY")).toBe("Regional");
    expect(sourceScale([lemonde], "SY")).toBe("International");
    expect(sourceScale([lemonde], "FR")).toBe("National");
  });

  it("counts an international wire as International wherever it is based", () => {
    expect(sourceScale([REUTERS], "GB")).toBe("International");
  });

  it("calls an outlet with no known seat Other", () => {
    expect(sourceScale([amaq], "SY")).toBe("Other");
  });

  it("joins several scales narrowest first, each once", () => {
    expect(sourceScale([REUTERS, SANA, lemonde], "SY")).toBe("National-International");
    expect(sourceScale([amaq, REUTERS, anadolu, SANA], "SY")).toBe("National-Regional-International-Other");
  });

  it("places only wires and seatless outlets when the event has no country", () => {
    expect(sourceScale([SANA, REUTERS], null)).toBe("International");
    expect(sourceScale([SANA], null)).toBe("");
  });
});
