import { describe, expect, it } from "vitest";
import { actorFacts, eventReport, placeFacts } from "../test-support/reports.js";
import { candidateWindow, chooseCluster, clusterReports, compareReports } from "./cluster.js";
import type { EventReport, PlaceFacts } from "./types.js";

const BAGHDAD = placeFacts("geonames:98182", 33.34058, 44.40088, { name: "Baghdad", country: "IQ", feature: "PPLC" });
/** Kilometres along a meridian per degree of latitude on the sphere cluster.ts uses. */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

/** A place `km` north of `place`: distances along a meridian are exact, so the thresholds can be tested to the kilometre. */
function north(place: PlaceFacts, km: number): PlaceFacts {
  return placeFacts(`test:${place.id}+${km}km`, place.lat + km / KM_PER_DEGREE, place.lon);
}

const army = actorFacts("military-forces-of-iraq", { country: "IQ" });
const isis = actorFacts("isis", { inter: 2 });
const pmf = actorFacts("popular-mobilization-forces", { inter: 3, country: "IQ" });
const gunmen = actorFacts("generic:gunmen:IQ", { inter: 3, country: "IQ" });
const police = actorFacts("generic:police:IQ", { country: "IQ" });
const civilians = actorFacts("generic:civilians:IQ", { inter: 7, country: "IQ" });

/** A report of document `doc` in Baghdad on 10 March 2024. */
function baghdad(doc: string, overrides: Partial<EventReport> = {}): EventReport {
  return eventReport({ key: `${doc}/e1`, place: BAGHDAD, ...overrides });
}

const carBomb = (doc: string, overrides: Partial<EventReport> = {}) =>
  baghdad(doc, { subEventType: "Remote explosive/landmine/IED", ploverType: "ASSAULT", ploverMode: "explosive", actor2: [civilians], trigger: "car bomb", ...overrides });
const checkpointAttack = (doc: string, overrides: Partial<EventReport> = {}) => baghdad(doc, { subEventType: "Armed clash", actor1: [gunmen], actor2: [police], trigger: "attacked", ...overrides });

describe("compareReports", () => {
  it("merges two outlets' reports of one clash, naming every rule that agreed", () => {
    const a = baghdad("d1", { actor1: [army], actor2: [isis], fatalities: { low: 4, high: 4, text: "four" } });
    const b = baghdad("d2", { actor1: [army], fatalities: { low: 3, high: 5, text: "three to five" } });
    expect(compareReports(a, b)).toEqual({
      merge: true,
      score: 1,
      rules: ["cluster:same-type", "cluster:same-date", "cluster:same-place", "cluster:actors-overlap", "cluster:fatalities-agree"],
      blockers: [],
    });
  });

  it("never merges two events of one document", () => {
    const decision = compareReports(baghdad("d1"), eventReport({ key: "d1/e2", place: BAGHDAD }));
    expect(decision).toMatchObject({ merge: false, blockers: ["cluster:same-document"] });
  });

  it("clusters only asserted and reported events", () => {
    expect(compareReports(baghdad("d1"), baghdad("d2", { modality: "reported" })).merge).toBe(true);
    for (const modality of ["negated", "future", "hypothetical"] as const) {
      expect(compareReports(baghdad("d1"), baghdad("d2", { modality })).blockers).toEqual(["cluster:modality"]);
    }
  });

  it("keeps contradicting fatality figures together without calling them agreed", () => {
    const decision = compareReports(baghdad("d1", { fatalities: { low: 3, high: 3, text: "3" } }), baghdad("d2", { fatalities: { low: 30, high: 40, text: "30 to 40" } }));
    expect(decision.merge).toBe(true);
    expect(decision.rules).not.toContain("cluster:fatalities-agree");
  });

  describe("types", () => {
    it("blocks different scopes", () => {
      expect(compareReports(baghdad("d1"), baghdad("d2", { scope: "political", eventType: null, subEventType: null, ploverType: null })).blockers).toEqual(["cluster:scope-differs"]);
    });

    it("blocks sub-event types no outlet confuses, even within one event type", () => {
      expect(compareReports(carBomb("d1"), checkpointAttack("d2")).blockers).toContain("cluster:types-incompatible");
      expect(compareReports(baghdad("d1", { subEventType: "Grenade" }), baghdad("d2", { subEventType: "Air/drone strike" })).blockers).toEqual(["cluster:types-incompatible"]);
    });

    it("merges the listed pairs, in either order, as compatible rather than the same", () => {
      const attack = baghdad("d1", { subEventType: "Attack", actor2: [civilians] });
      const shelling = baghdad("d2", { subEventType: "Shelling/artillery/missile attack", actor2: [civilians] });
      for (const [a, b] of [[attack, shelling], [shelling, attack]] as const) {
        const decision = compareReports(a, b);
        expect(decision.merge).toBe(true);
        expect(decision.rules).toContain("cluster:compatible-types");
      }
      expect(compareReports(baghdad("d1", { subEventType: "Arrests" }), baghdad("d2", { subEventType: "Abduction/forced disappearance" })).merge).toBe(true);
    });

    it("compares PLOVER types outside ACLED's scope, and lets an unknown type pass on the scope alone", () => {
      const talks = (doc: string, ploverType: string | null) => baghdad(doc, { scope: "diplomatic", eventType: null, subEventType: null, ploverType });
      expect(compareReports(talks("d1", "CONSULT"), talks("d2", "CONSULT")).rules).toContain("cluster:same-type");
      expect(compareReports(talks("d1", "CONSULT"), talks("d2", "AGREE")).blockers).toEqual(["cluster:types-incompatible"]);
      expect(compareReports(talks("d1", "CONSULT"), talks("d2", null)).rules).toContain("cluster:same-scope");
    });
  });

  describe("dates, within their combined precision plus a day", () => {
    const on = (doc: string, dateValue: string | null, timePrecision: 1 | 2 | 3 | null = 1) => baghdad(doc, { dateValue, timePrecision });
    const dates = (a: EventReport, b: EventReport) => compareReports(a, b).rules.concat(compareReports(a, b).blockers).filter((rule) => /date/.test(rule));

    it("allows day-precision dates one day apart, not two", () => {
      expect(dates(on("d1", "2024-03-10"), on("d2", "2024-03-10"))).toEqual(["cluster:same-date"]);
      expect(dates(on("d1", "2024-03-10"), on("d2", "2024-03-11"))).toEqual(["cluster:date-within-precision"]);
      expect(dates(on("d1", "2024-03-10"), on("d2", "2024-03-08"))).toEqual(["cluster:dates-apart"]);
    });

    it("reads a week from its first day, and a month as 31 days", () => {
      const week = on("d1", "2024-03-04", 2);
      expect(dates(week, on("d2", "2024-03-03"))).toEqual(["cluster:date-within-precision"]);
      expect(dates(week, on("d2", "2024-03-11"))).toEqual(["cluster:date-within-precision"]);
      expect(dates(week, on("d2", "2024-03-12"))).toEqual(["cluster:dates-apart"]);
      expect(dates(week, on("d2", "2024-03-04", 2))).toEqual(["cluster:date-within-precision"]);
      const march = on("d1", "2024-03-01", 3);
      expect(dates(march, on("d2", "2024-04-01"))).toEqual(["cluster:date-within-precision"]);
      expect(dates(march, on("d2", "2024-04-02"))).toEqual(["cluster:dates-apart"]);
      expect(dates(march, on("d2", "2024-02-29"))).toEqual(["cluster:date-within-precision"]);
    });

    it("cannot merge a report without a date", () => {
      expect(dates(on("d1", null, null), on("d2", "2024-03-10"))).toEqual(["cluster:no-date"]);
    });

    it("throws on a date that is not ISO, saying which report", () => {
      expect(() => compareReports(on("d1", "10/03/2024"), on("d2", "2024-03-10"))).toThrow(/d1\/e1 .*found "10\/03\/2024"/);
    });
  });

  describe("places, within the sum of their radii (5, 25, 100 km)", () => {
    const at = (doc: string, place: PlaceFacts | null, geoPrecision: 1 | 2 | 3 | null = 1) => baghdad(doc, { place, geoPrecision });
    const places = (a: EventReport, b: EventReport) => [...compareReports(a, b).rules, ...compareReports(a, b).blockers].filter((rule) => /place/.test(rule));

    it("merges one place id, and two towns only as close as a town's extent allows", () => {
      expect(places(at("d1", BAGHDAD), at("d2", BAGHDAD))).toEqual(["cluster:same-place"]);
      expect(places(at("d1", BAGHDAD), at("d2", north(BAGHDAD, 9)))).toEqual(["cluster:place-within-precision"]);
      expect(places(at("d1", BAGHDAD), at("d2", north(BAGHDAD, 11)))).toEqual(["cluster:places-apart"]);
    });

    it("widens with the less precise report", () => {
      expect(places(at("d1", BAGHDAD), at("d2", north(BAGHDAD, 29), 2))).toEqual(["cluster:place-within-precision"]);
      expect(places(at("d1", BAGHDAD), at("d2", north(BAGHDAD, 31), 2))).toEqual(["cluster:places-apart"]);
      expect(places(at("d1", BAGHDAD), at("d2", north(BAGHDAD, 104), 3))).toEqual(["cluster:place-within-precision"]);
      expect(places(at("d1", BAGHDAD, 3), at("d2", north(BAGHDAD, 199), 3))).toEqual(["cluster:place-within-precision"]);
      expect(places(at("d1", BAGHDAD, 3), at("d2", north(BAGHDAD, 201), 3))).toEqual(["cluster:places-apart"]);
    });

    it("measures great circles, not degrees: one degree of longitude is shorter far from the equator", () => {
      const oslo = placeFacts("test:oslo", 59.91, 10.75);
      const east = placeFacts("test:oslo-east", 59.91, 10.75 + 1.5);
      expect(places(at("d1", oslo, 3), at("d2", east, 2))).toEqual(["cluster:place-within-precision"]);
    });

    it("cannot merge a report without a place", () => {
      expect(places(at("d1", null, null), at("d2", BAGHDAD))).toEqual(["cluster:no-place"]);
    });
  });

  describe("actors", () => {
    const rulesOf = (a: EventReport, b: EventReport) => [...compareReports(a, b).rules, ...compareReports(a, b).blockers].filter((rule) => /actors|targets/.test(rule));

    it("matches actors by id across sides, since outlets disagree on who attacked whom", () => {
      expect(rulesOf(baghdad("d1", { actor1: [army], actor2: [isis] }), baghdad("d2", { actor1: [isis], actor2: [army] }))).toEqual(["cluster:actors-overlap"]);
    });

    it("lets a generic actor stand for a named one of its kind and country, but not of another kind", () => {
      expect(rulesOf(baghdad("d1", { actor1: [gunmen] }), baghdad("d2", { actor1: [isis] }))).toEqual(["cluster:actors-compatible"]);
      expect(rulesOf(baghdad("d1", { actor1: [police] }), baghdad("d2", { actor1: [army] }))).toEqual(["cluster:actors-compatible"]);
      expect(rulesOf(baghdad("d1", { actor1: [police] }), baghdad("d2", { actor1: [isis] }))).toEqual(["cluster:actors-disjoint"]);
      const syrianArmy = actorFacts("generic:military:SY", { country: "SY" });
      expect(rulesOf(baghdad("d1", { actor1: [syrianArmy] }), baghdad("d2", { actor1: [army] }))).toEqual(["cluster:actors-disjoint"]);
    });

    it("blocks when both name a side and no actor matches, but not when they name different sides", () => {
      expect(rulesOf(baghdad("d1", { actor1: [isis] }), baghdad("d2", { actor1: [pmf] }))).toEqual(["cluster:actors-disjoint"]);
      expect(rulesOf(baghdad("d1", { actor1: [isis] }), baghdad("d2", { actor2: [civilians] }))).toEqual([]);
      expect(rulesOf(baghdad("d1"), baghdad("d2", { actor1: [isis] }))).toEqual([]);
    });

    it("blocks disjoint targets even when the attackers agree", () => {
      const onCivilians = baghdad("d1", { subEventType: "Remote explosive/landmine/IED", actor1: [isis], actor2: [civilians] });
      const onPolice = baghdad("d2", { subEventType: "Remote explosive/landmine/IED", actor1: [isis], actor2: [police] });
      expect(rulesOf(onCivilians, onPolice)).toEqual(["cluster:actors-overlap", "cluster:targets-disjoint"]);
      const onBoth = baghdad("d3", { subEventType: "Remote explosive/landmine/IED", actor2: [police, civilians] });
      expect(compareReports(onCivilians, onBoth).merge).toBe(true);
    });
  });
});

describe("two attacks in one city on one day stay two", () => {
  it("a car bomb at a market and gunmen attacking a police checkpoint", () => {
    const reports = [
      carBomb("reuters-1", { fatalities: { low: 12, high: 12, text: "12" } }),
      checkpointAttack("afp-1", { fatalities: { low: 3, high: 3, text: "three" } }),
      carBomb("ina-1", { subEventType: "Suicide bomb", fatalities: { low: 15, high: 15, text: "15" } }),
      checkpointAttack("sumaria-1", { actor1: [isis] }),
      // An outlet that names the victims and not the weapon: an attack on civilians is the bombing, not the checkpoint.
      baghdad("shafaq-1", { subEventType: "Attack", actor2: [civilians] }),
    ];
    const clusters = clusterReports(reports);
    expect(clusters.map((cluster) => cluster.members.map((member) => member.report.documentId).sort())).toEqual([
      ["afp-1", "sumaria-1"],
      ["ina-1", "reuters-1", "shafaq-1"],
    ]);
  });

  it("two bombs of one type with disjoint named targets", () => {
    const shrine = actorFacts("shia-pilgrims", { inter: 7, country: "IQ" });
    const ied = (doc: string, target: typeof shrine) => baghdad(doc, { subEventType: "Remote explosive/landmine/IED", actor1: [isis], actor2: [target] });
    const clusters = clusterReports([ied("a", shrine), ied("b", pmf), ied("c", pmf), ied("d", shrine)]);
    expect(clusters.map((cluster) => cluster.members.map((member) => member.report.documentId))).toEqual([
      ["a", "d"],
      ["b", "c"],
    ]);
  });
});

describe("candidateWindow", () => {
  it("spans from a month before the period to the day after it", () => {
    expect(candidateWindow(baghdad("d1"))).toMatchObject({ from: "2024-02-08", to: "2024-03-11" });
    expect(candidateWindow(baghdad("d1", { dateValue: "2024-03-04", timePrecision: 2 }))).toMatchObject({ from: "2024-02-02", to: "2024-03-11" });
  });

  it("is null for a report that merges with nothing", () => {
    expect(candidateWindow(baghdad("d1", { modality: "negated" }))).toBeNull();
    expect(candidateWindow(baghdad("d1", { dateValue: null, timePrecision: null }))).toBeNull();
    expect(candidateWindow(baghdad("d1", { place: null, geoPrecision: null }))).toBeNull();
  });

  it("spans every longitude where the box would cross the antimeridian", () => {
    const fiji = placeFacts("test:fiji", -17.8, 179.5);
    const window = candidateWindow(baghdad("d1", { place: fiji }));
    expect(window?.bbox[0]).toBe(-180);
    expect(window?.bbox[2]).toBe(180);
  });

  it("holds every report that compareReports merges with it", () => {
    // A small linear congruential generator: the same pseudo-random reports on every run.
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const precisions = [1, 2, 3] as const;
    const pick = () => precisions[Math.floor(random() * 3)] as 1 | 2 | 3;
    const day = (offset: number) => new Date(Date.UTC(2024, 2, 10 + offset)).toISOString().slice(0, 10);
    let merged = 0;
    for (let i = 0; i < 4000; i++) {
      const latitude = random() * 160 - 80;
      const base = placeFacts("test:base", latitude, random() * 360 - 180);
      const a = eventReport({ key: `a${i}/e1`, place: base, geoPrecision: pick(), dateValue: day(0), timePrecision: pick() });
      // Up to 220 km away in any direction, a little beyond the widest merge (200 km), to test the edges.
      const [distance, bearing] = [random() * 220, random() * 2 * Math.PI];
      const [kmNorth, kmEast] = [distance * Math.cos(bearing), distance * Math.sin(bearing)];
      const other = placeFacts(`test:${i}`, latitude + kmNorth / KM_PER_DEGREE, base.lon + kmEast / KM_PER_DEGREE / Math.cos((latitude * Math.PI) / 180));
      const subEventType = (["Armed clash", "Attack", "Air/drone strike", "Grenade"] as const)[Math.floor(random() * 4)] as string;
      const b = eventReport({ key: `b${i}/e1`, place: other, geoPrecision: pick(), dateValue: day(Math.floor(random() * 70) - 35), timePrecision: pick(), subEventType });
      if (!compareReports(a, b).merge || other.lon < -180 || other.lon > 180) continue;
      merged++;
      const window = candidateWindow(a);
      if (window === null) throw new Error("expected a window for a report that merged");
      const [minLon, minLat, maxLon, maxLat] = window.bbox;
      expect((b.dateValue as string) >= window.from && (b.dateValue as string) <= window.to, `${b.dateValue} in ${window.from}..${window.to}`).toBe(true);
      const earliest = window.fromByPrecision[b.timePrecision ?? 3];
      expect((b.dateValue as string) >= earliest, `${b.dateValue} (precision ${b.timePrecision}) on or after ${earliest}`).toBe(true);
      expect(window.scope).toBe(b.scope);
      expect(window.subEventTypes === null || b.subEventType === null || window.subEventTypes.includes(b.subEventType)).toBe(true);
      expect(other.lat >= minLat && other.lat <= maxLat && other.lon >= minLon && other.lon <= maxLon, `${other.lat},${other.lon} in ${window.bbox.join(",")}`).toBe(true);
    }
    expect(merged).toBeGreaterThan(200);
  });
});

describe("chooseCluster", () => {
  const member = (report: EventReport) => ({ report, merged: null });

  it("excludes a cluster when any member blocks, however well another matches", () => {
    const clusters = [{ id: "c1", members: [member(carBomb("d1")), member(checkpointAttack("d2"))] }];
    expect(chooseCluster(carBomb("d3"), clusters)).toBeNull();
  });

  it("joins the cluster of the best-scoring member, with that member as the evidence", () => {
    const week = baghdad("d1", { dateValue: "2024-03-04", timePrecision: 2 });
    const sameDay = baghdad("d2", { actor1: [army] });
    const clusters = [
      { id: "c1", members: [member(week)] },
      { id: "c2", members: [member(baghdad("d3", { dateValue: "2024-03-04", timePrecision: 2 })), member(sameDay)] },
    ];
    expect(chooseCluster(baghdad("d4", { actor1: [army] }), clusters)).toEqual({
      clusterId: "c2",
      merged: { with: "d2/e1", score: 0.95, rules: ["cluster:same-type", "cluster:same-date", "cluster:same-place", "cluster:actors-overlap"] },
    });
  });

  it("breaks ties by cluster id, numbers as numbers", () => {
    const clusters = [
      { id: "c10", members: [member(baghdad("d1"))] },
      { id: "c2", members: [member(baghdad("d2"))] },
    ];
    expect(chooseCluster(baghdad("d3"), clusters)?.clusterId).toBe("c2");
  });

  it("says what it expected of an empty cluster", () => {
    expect(() => chooseCluster(baghdad("d1"), [{ id: "c7", members: [] }])).toThrow(/cluster c7 has none/);
  });
});

describe("clusterReports", () => {
  it("adds reports in key order whatever the input order, numbering clusters as they are made", () => {
    const reports = [checkpointAttack("d3"), carBomb("d2"), carBomb("d1"), checkpointAttack("d4")];
    const clusters = clusterReports(reports);
    expect(clusters.map((cluster) => cluster.id)).toEqual(["c1", "c2"]);
    expect(clusters.map((cluster) => cluster.members.map((m) => m.report.key))).toEqual([
      ["d1/e1", "d2/e1"],
      ["d3/e1", "d4/e1"],
    ]);
    expect(clusters[0]?.members[1]?.merged).toMatchObject({ with: "d1/e1" });
    expect(clusterReports([...reports].reverse())).toEqual(clusters);
  });
});
