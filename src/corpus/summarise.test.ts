import { describe, expect, it } from "vitest";
import { actorFacts, ALEPPO, eventReport, outletFacts, placeFacts } from "../test-support/reports.js";
import { summariseCluster } from "./summarise.js";
import type { ClusterMember, EventReport } from "./types.js";

const members = (...reports: EventReport[]): ClusterMember[] => reports.map((report, i) => ({ report, merged: i === 0 ? null : { with: reports[0]?.key ?? "", score: 1, rules: [] } }));
const saa = actorFacts("military-forces-of-syria", { country: "SY" });
const hts = actorFacts("hts", { inter: 2, country: "SY" });
const civilians = actorFacts("generic:civilians:SY", { inter: 7, country: "SY" });
const reuters = outletFacts("reuters", { alignment: "wire" });
const afp = outletFacts("afp", { alignment: "wire" });
const sana = outletFacts("sana", { country: "SY", ownership: "state", alignment: "state-owned" });

describe("summariseCluster", () => {
  it("takes the type with the most confidence behind it, not the most reports", () => {
    const summary = summariseCluster(
      members(
        eventReport({ key: "a/e1", subEventType: "Shelling/artillery/missile attack", ploverMode: "artillery", confidence: 0.3 }),
        eventReport({ key: "b/e1", subEventType: "Shelling/artillery/missile attack", ploverMode: "artillery", confidence: 0.3 }),
        eventReport({ key: "c/e1", subEventType: "Air/drone strike", ploverMode: "aerial", confidence: 0.9 }),
      ),
    );
    expect(summary).toMatchObject({ scope: "acled", eventType: "Explosions/Remote violence", subEventType: "Air/drone strike", ploverType: "ASSAULT", ploverMode: "aerial" });
  });

  it("takes the PLOVER mode from the members of the chosen type only", () => {
    const summary = summariseCluster(
      members(
        eventReport({ key: "a/e1", subEventType: "Air/drone strike", ploverMode: "aerial", confidence: 0.5 }),
        eventReport({ key: "b/e1", subEventType: "Shelling/artillery/missile attack", ploverMode: "artillery", confidence: 0.2 }),
        eventReport({ key: "c/e1", subEventType: "Shelling/artillery/missile attack", ploverMode: "artillery", confidence: 0.2 }),
      ),
    );
    expect(summary).toMatchObject({ subEventType: "Air/drone strike", ploverMode: "aerial" });
  });

  it("takes the most precise date, then the one most members give, then the earliest", () => {
    const on = (key: string, dateValue: string | null, timePrecision: 1 | 2 | 3 | null) => eventReport({ key, dateValue, timePrecision });
    expect(summariseCluster(members(on("a/e1", "2024-03-01", 3), on("b/e1", "2024-03-04", 2), on("c/e1", null, null)))).toMatchObject({ dateValue: "2024-03-04", timePrecision: 2 });
    expect(summariseCluster(members(on("a/e1", "2024-03-10", 1), on("b/e1", "2024-03-09", 1), on("c/e1", "2024-03-10", 1)))).toMatchObject({ dateValue: "2024-03-10", timePrecision: 1 });
    expect(summariseCluster(members(on("a/e1", "2024-03-10", 1), on("b/e1", "2024-03-09", 1)))).toMatchObject({ dateValue: "2024-03-09", timePrecision: 1 });
    expect(summariseCluster(members(on("a/e1", null, null)))).toMatchObject({ dateValue: null, timePrecision: null });
  });

  it("takes the most precise place, then the one most members give", () => {
    const village = placeFacts("geonames:1", 36.3, 37.2, { name: "Village" });
    const other = placeFacts("geonames:2", 36.25, 37.1, { name: "Other" });
    const at = (key: string, place: typeof village | null, geoPrecision: 1 | 2 | 3 | null) => eventReport({ key, place, geoPrecision });
    expect(summariseCluster(members(at("a/e1", ALEPPO, 2), at("b/e1", village, 1), at("c/e1", ALEPPO, 2)))).toMatchObject({ place: village, geoPrecision: 1 });
    expect(summariseCluster(members(at("a/e1", village, 1), at("b/e1", other, 1), at("c/e1", other, 1)))).toMatchObject({ place: other, geoPrecision: 1 });
    expect(summariseCluster(members(at("a/e1", null, null)))).toMatchObject({ place: null, geoPrecision: null });
  });

  it("pools actors by id, on the side most members put them", () => {
    const summary = summariseCluster(
      members(
        eventReport({ key: "a/e1", actor1: [saa], actor2: [hts] }),
        eventReport({ key: "b/e1", actor1: [hts], actor2: [saa, civilians] }),
        eventReport({ key: "c/e1", actor1: [saa] }),
      ),
    );
    expect(summary.actor1.map((actor) => actor.id)).toEqual(["military-forces-of-syria"]);
    expect(summary.actor2.map((actor) => actor.id)).toEqual(["hts", "generic:civilians:SY"]);
  });

  it("puts an actor named as often on each side where the most confident member puts it", () => {
    const summary = summariseCluster(members(eventReport({ key: "a/e1", actor1: [hts], confidence: 0.4 }), eventReport({ key: "b/e1", actor2: [hts], confidence: 0.9 })));
    expect(summary.actor2.map((actor) => actor.id)).toEqual(["hts"]);
    expect(summary.actor1).toEqual([]);
  });

  it("keeps every fatality figure as a claim, with who gave it, and flags contradictions", () => {
    const toll = (low: number, high: number) => ({ low, high, text: `${low}-${high}` });
    const summary = summariseCluster(
      members(
        eventReport({ key: "a/e1", outlet: sana, fatalities: toll(3, 3) }),
        eventReport({ key: "b/e1", outlet: reuters, fatalities: toll(12, 12) }),
        eventReport({ key: "c/e1", outlet: afp, fatalities: toll(12, 12) }),
        eventReport({ key: "d/e1", outlet: reuters, fatalities: toll(12, 12) }),
        eventReport({ key: "e/e1", outlet: null }),
      ),
    );
    expect(summary.fatalities).toEqual([
      { low: 12, high: 12, reports: ["b/e1", "c/e1", "d/e1"], outlets: ["reuters", "afp"] },
      { low: 3, high: 3, reports: ["a/e1"], outlets: ["sana"] },
    ]);
    expect(summary.fatalitiesDisagree).toBe(true);
  });

  it("does not call overlapping ranges a contradiction", () => {
    const summary = summariseCluster(
      members(eventReport({ key: "a/e1", fatalities: { low: 10, high: 12, text: "10 to 12" } }), eventReport({ key: "b/e1", fatalities: { low: 12, high: 15, text: "12 to 15" } })),
    );
    expect(summary.fatalities).toHaveLength(2);
    expect(summary.fatalitiesDisagree).toBe(false);
  });

  it("is asserted when any member asserts it", () => {
    expect(summariseCluster(members(eventReport({ key: "a/e1", modality: "reported" }), eventReport({ key: "b/e1", modality: "asserted" }))).modality).toBe("asserted");
    expect(summariseCluster(members(eventReport({ key: "a/e1", modality: "reported" }), eventReport({ key: "b/e1", modality: "reported" }))).modality).toBe("reported");
  });

  it("combines confidence over independent voices only", () => {
    const independent = summariseCluster(members(eventReport({ key: "a/e1", outlet: reuters, confidence: 0.6 }), eventReport({ key: "b/e1", outlet: afp, confidence: 0.6 })));
    expect(independent.confidence).toBeCloseTo(0.84, 9);
    const relayed = summariseCluster(
      members(eventReport({ key: "a/e1", outlet: afp, confidence: 0.6 }), eventReport({ key: "b/e1", outlet: reuters, origins: ["afp"], confidence: 0.5 }), eventReport({ key: "c/e1", outlet: sana, confidence: 0.5 })),
    );
    expect(relayed.confidence).toBeCloseTo(1 - 0.4 * 0.5, 9);
  });

  it("takes the notes from the most confident member, and the corroboration from all", () => {
    const summary = summariseCluster(
      members(
        eventReport({ key: "a/e1", outlet: reuters, sentence: "Fighting was reported.", confidence: 0.5 }),
        eventReport({ key: "b/e1", outlet: afp, sentence: "Government forces shelled the village, killing three.", confidence: 0.9 }),
      ),
    );
    expect(summary.notes).toBe("Government forces shelled the village, killing three.");
    expect(summary.corroboration).toMatchObject({ reports: 2, independentOutlets: 2, singleSource: false });
  });

  it("says what it expected when given no members", () => {
    expect(() => summariseCluster([])).toThrow(/expected at least one cluster member/);
  });
});
