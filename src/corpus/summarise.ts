/**
 * What a cluster says happened: each field of the summary from the members
 * that know it best. Types and modality go by a confidence-weighted vote;
 * the date and the place by precision first (the outlet that names the day
 * or the village knows more than the one that names the month or the
 * province), then by how many members agree; actors are pooled. Fatality
 * figures are never averaged: each distinct figure is a claim, with who
 * made it, and the summary says when the claims contradict each other.
 */
import type { Modality } from "../model/analysis.js";
import { corroborate, independenceGroups } from "./corroborate.js";
import type { ActorFacts, ClusterMember, ClusterSummary, EventReport, FatalityClaim, PlaceFacts } from "./types.js";

export function summariseCluster(members: readonly ClusterMember[]): ClusterSummary {
  if (members.length === 0) throw new Error("summariseCluster: expected at least one cluster member, found none");
  const reports = members.map((member) => member.report);
  const type = vote(reports, (report) => [report.scope, report.eventType, report.subEventType] as const);
  const ofType = reports.filter((report) => report.scope === type[0] && report.eventType === type[1] && report.subEventType === type[2]);
  const plover = vote(ofType, (report) => [report.ploverType, report.ploverMode] as const);
  const date = chooseDate(reports);
  const place = choosePlace(reports);
  const { actor1, actor2 } = poolActors(reports);
  const fatalities = fatalityClaims(reports);
  return {
    scope: type[0],
    eventType: type[1],
    subEventType: type[2],
    ploverType: plover[0],
    ploverMode: plover[1],
    modality: reports.some((report) => report.modality === "asserted") ? "asserted" : vote(reports, (report): Modality => report.modality),
    dateValue: date?.dateValue ?? null,
    timePrecision: date?.timePrecision ?? null,
    place: place?.place ?? null,
    geoPrecision: place?.geoPrecision ?? null,
    actor1,
    actor2,
    fatalities,
    fatalitiesDisagree: fatalities.some((x, i) => fatalities.slice(i + 1).some((y) => x.high < y.low || y.high < x.low)),
    corroboration: corroborate(members),
    confidence: combinedConfidence(reports),
    notes: mostConfident(reports).sentence,
  };
}

function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The value with the most confidence behind it; ties go to the value more members give, then to the first in JSON order. */
function vote<T>(reports: readonly EventReport[], valueOf: (report: EventReport) => T): T {
  const tally = new Map<string, { value: T; weight: number; count: number }>();
  for (const report of reports) {
    const value = valueOf(report);
    const key = JSON.stringify(value);
    const entry = tally.get(key) ?? { value, weight: 0, count: 0 };
    entry.weight += report.confidence;
    entry.count += 1;
    tally.set(key, entry);
  }
  const [winner] = [...tally].sort(([keyA, a], [keyB, b]) => b.weight - a.weight || b.count - a.count || compareStrings(keyA, keyB));
  if (winner === undefined) throw new Error("vote: expected at least one report, found none");
  return winner[1].value;
}

/**
 * The reports of the most precise kind (lowest `precision`, an unknown
 * precision last) that give the value most of them give; ties by `tie`.
 */
function mostPrecise(reports: readonly EventReport[], precision: (report: EventReport) => number | null, keyOf: (report: EventReport) => string | null, tie: (x: EventReport[], y: EventReport[]) => number): EventReport | null {
  const rank = (report: EventReport) => precision(report) ?? Number.POSITIVE_INFINITY;
  const known = reports.filter((report) => keyOf(report) !== null);
  const best = Math.min(...known.map(rank));
  const byKey = new Map<string, EventReport[]>();
  for (const report of known.filter((candidate) => rank(candidate) === best)) {
    const key = keyOf(report) as string;
    byKey.set(key, [...(byKey.get(key) ?? []), report]);
  }
  const [winner] = [...byKey.values()].sort((x, y) => y.length - x.length || tie(x, y));
  return winner?.[0] ?? null;
}

/** The most precise date; ties by how many give it, then the earliest. */
function chooseDate(reports: readonly EventReport[]): EventReport | null {
  return mostPrecise(reports, (report) => report.timePrecision, (report) => report.dateValue, (x, y) => compareStrings(x[0]?.dateValue ?? "", y[0]?.dateValue ?? ""));
}

/** The most precise place; ties by how many give it, then by the confidence behind it, then by place id. */
function choosePlace(reports: readonly EventReport[]): { place: PlaceFacts; geoPrecision: 1 | 2 | 3 | null } | null {
  const confidence = (group: EventReport[]) => group.reduce((sum, report) => sum + report.confidence, 0);
  const chosen = mostPrecise(reports, (report) => report.geoPrecision, (report) => report.place?.id ?? null, (x, y) => confidence(y) - confidence(x) || compareStrings(x[0]?.place?.id ?? "", y[0]?.place?.id ?? ""));
  return chosen?.place ? { place: chosen.place, geoPrecision: chosen.geoPrecision } : null;
}

/**
 * Every actor any member names, once, in order of first mention, on the side
 * most members put it; on a tie, the side the most confident of the members
 * naming it puts it (actor1 if it puts it on both).
 */
function poolActors(reports: readonly EventReport[]): { actor1: ActorFacts[]; actor2: ActorFacts[] } {
  const pooled = new Map<string, { actor: ActorFacts; first: number; second: number; tieSide: 1 | 2; tieConfidence: number }>();
  for (const report of reports) {
    for (const [side, actors] of [[1, report.actor1], [2, report.actor2]] as const) {
      for (const actor of actors) {
        const entry = pooled.get(actor.id) ?? { actor, first: 0, second: 0, tieSide: side, tieConfidence: report.confidence };
        if (side === 1) entry.first += 1;
        else entry.second += 1;
        if (report.confidence > entry.tieConfidence) {
          entry.tieSide = report.actor1.some((named) => named.id === actor.id) ? 1 : 2;
          entry.tieConfidence = report.confidence;
        }
        pooled.set(actor.id, entry);
      }
    }
  }
  const actor1: ActorFacts[] = [];
  const actor2: ActorFacts[] = [];
  for (const { actor, first, second, tieSide } of pooled.values()) {
    const side = first > second ? 1 : second > first ? 2 : tieSide;
    (side === 1 ? actor1 : actor2).push(actor);
  }
  return { actor1, actor2 };
}

/** One claim per distinct low–high figure, the most reported first (then the lowest). */
function fatalityClaims(reports: readonly EventReport[]): FatalityClaim[] {
  const claims = new Map<string, FatalityClaim>();
  for (const report of reports) {
    if (report.fatalities === null) continue;
    const { low, high } = report.fatalities;
    const claim = claims.get(`${low}-${high}`) ?? { low, high, reports: [], outlets: [] };
    claim.reports.push(report.key);
    if (report.outlet && !claim.outlets.includes(report.outlet.id)) claim.outlets.push(report.outlet.id);
    claims.set(`${low}-${high}`, claim);
  }
  return [...claims.values()].sort((x, y) => y.reports.length - x.reports.length || x.low - y.low || x.high - y.high);
}

/**
 * The chance that at least one independent voice is right: a noisy-OR,
 * 1 − Π(1 − c), over the independence groups, each group counting with its
 * most confident report. Reports of one voice are one piece of evidence, so
 * ten outlets relaying one agency add nothing to that agency's report, while
 * two independent outlets at 0.6 make 0.84.
 */
function combinedConfidence(reports: readonly EventReport[]): number {
  const confidence = new Map(reports.map((report) => [report.key, report.confidence]));
  const doubt = independenceGroups(reports).reduce((product, group) => product * (1 - Math.max(...group.reports.map((key) => confidence.get(key) ?? 0))), 1);
  return 1 - doubt;
}

/** The most confident report; ties go to the first member. */
function mostConfident(reports: readonly EventReport[]): EventReport {
  return reports.reduce((best, report) => (report.confidence > best.confidence ? report : best));
}
