/**
 * Cross-document clustering: whether two reports from two documents tell of
 * one real-world event, and which cluster a new report joins. Clusters are
 * built one report at a time (the store adds each new document's reports to
 * the clusters it already has), so everything here is a pure comparison of
 * two reports, and a report joins a cluster only if no member objects.
 *
 * Two reports are of one event when nothing blocks it. Each check below adds
 * a rule when it finds agreement and a blocker when it finds a difference
 * that the same event reported twice would not show:
 *
 * - **Who reports.** Reports of one document never merge (the events stage
 *   already merged what one document says twice): `cluster:same-document`.
 *   Only what is said to have happened clusters (modality "asserted" or
 *   "reported"); a denial, a threat or a hypothesis stays alone:
 *   `cluster:modality`.
 * - **Type.** The scopes must be equal (`cluster:scope-differs`). ACLED
 *   events need the same sub-event type (`cluster:same-type`) or a pair of
 *   `COMPATIBLE_SUB_EVENT_TYPES` (`cluster:compatible-types`), else
 *   `cluster:types-incompatible`. Other scopes compare their PLOVER types the
 *   same way; a side with no type to compare gives `cluster:same-scope`.
 * - **Date.** A date names a period: its first day and, by time precision, 1
 *   day (1), 7 days (2) or 31 days (3). The two periods, with one day of slack
 *   between them, must touch: `cluster:date-within-precision`, or
 *   `cluster:same-date` for one day named by both; else `cluster:dates-apart`.
 *   So day against day allows one day apart, day against week the week plus
 *   the day before and after, day against month the 31 days plus one on
 *   either side. The slack is there because outlets in different time zones,
 *   and "yesterday" read against different publication days, put one event on
 *   neighbouring days. A report without a date cannot be placed in time:
 *   `cluster:no-date`.
 * - **Place.** Each place stands for a disc by its geo precision: 5 km for
 *   the town itself (1), 25 km near it or in part of a region (2), 100 km a
 *   larger region or a natural feature (3). The distance between the two
 *   points must be within the sum of the radii: `cluster:place-within-precision`,
 *   or `cluster:same-place` for one place id; else `cluster:places-apart`. A
 *   report without a place: `cluster:no-place`.
 * - **Actors.** Two actors are the same when their ids are equal
 *   (`cluster:actors-overlap`), or may be the same when one is a generic
 *   actor ("gunmen", "the army") and the other is of the same kind of actor
 *   (`ACTOR_CLASSES`) and country (`cluster:actors-compatible`). Sides are
 *   compared crosswise, because outlets disagree on who attacked whom in a
 *   clash. When both reports name actors on one side and no actor of one
 *   matches any actor of the other: `cluster:actors-disjoint`. When both name
 *   the targets (actor2) and neither's targets are among the other's actors:
 *   `cluster:targets-disjoint`, even if the attackers agree.
 * - **Fatalities** never block: contradicting tolls are kept side by side by
 *   the summary. Overlapping ranges add `cluster:fatalities-agree`.
 *
 * What tells apart two attacks in one city on one day is their type and
 * their parties: a car bomb at a market (Remote explosive, civilians) and an
 * assault on a police checkpoint (Armed clash, police) are incompatible
 * types; two bombs of one type stay two when one hit civilians and the other
 * the police (targets disjoint), or when they are blamed on different named
 * groups and name no one else (actors disjoint). What it cannot tell apart is
 * two attacks of one type, on one kind of target, in one town, on one day,
 * with no named party to separate them.
 *
 * The score (0–1, the sum of the matched rules' weights) ranks the members a
 * report could join; whether it may join is decided by the blockers alone.
 */
import type { ActorFacts, ClusterMember, EventReport, MergeEvidence } from "./types.js";

export interface MergeDecision {
  merge: boolean;
  score: number;
  rules: string[];
  blockers: string[];
}

/** The widest date range and bounding box in which a report that could merge with this one must lie, and the types it must have. */
export interface CandidateWindow {
  from: string;
  to: string;
  /** The earliest date of a candidate of each time precision (null: unknown, counted as 3); all lie on or after `from`. */
  fromByPrecision: Record<1 | 2 | 3, string>;
  /** [minLon, minLat, maxLon, maxLat] in degrees. */
  bbox: [number, number, number, number];
  scope: EventReport["scope"];
  /** The ACLED sub-event types a candidate may have besides none; null when any will do (another scope, or no type here). */
  subEventTypes: string[] | null;
}

/** How strongly each agreement says "same event"; they sum to 1 at most (one type, one date, one place, one actor and one toll rule). */
const WEIGHTS = {
  "cluster:same-type": 0.3,
  "cluster:compatible-types": 0.15,
  "cluster:same-scope": 0.1,
  "cluster:same-date": 0.25,
  "cluster:date-within-precision": 0.15,
  "cluster:same-place": 0.25,
  "cluster:place-within-precision": 0.15,
  "cluster:actors-overlap": 0.15,
  "cluster:actors-compatible": 0.05,
  "cluster:fatalities-agree": 0.05,
} as const;
type Agreement = keyof typeof WEIGHTS;

/**
 * Pairs of ACLED sub-event types that different outlets give to one event.
 * Every other pair of different sub-event types is two events.
 */
const COMPATIBLE_SUB_EVENT_TYPES: readonly (readonly [string, string])[] = [
  // A rocket or missile is reported as an air strike, and a drone strike as shelling, in the first hours.
  ["Air/drone strike", "Shelling/artillery/missile attack"],
  // "An explosion" or "a car bomb" is reported before it is known that a bomber set it off.
  ["Suicide bomb", "Remote explosive/landmine/IED"],
  // "Attack" is what an outlet writes when it names the victims and not the weapon: the same event is shelling,
  // a strike, a bombing, a grenade or a shooting in an outlet that names the weapon. Targets still have to agree.
  ["Attack", "Shelling/artillery/missile attack"],
  ["Attack", "Air/drone strike"],
  ["Attack", "Remote explosive/landmine/IED"],
  ["Attack", "Suicide bomb"],
  ["Attack", "Grenade"],
  // An assault on a village is an attack on its people for one outlet and a clash with its defenders for another.
  ["Attack", "Armed clash"],
  // Fighting for a town is a clash in one report and its capture in another.
  ["Armed clash", "Government regains territory"],
  ["Armed clash", "Non-state actor overtakes territory"],
  // Whether the police intervened, or how hard, is what outlets leave out or stress.
  ["Peaceful protest", "Protest with intervention"],
  ["Protest with intervention", "Excessive force against protesters"],
  ["Protest with intervention", "Violent demonstration"],
  // A detention by the authorities is an abduction in the media of the detainees' side.
  ["Arrests", "Abduction/forced disappearance"],
];
const COMPATIBLE = new Set(COMPATIBLE_SUB_EVENT_TYPES.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

const CLUSTERED_MODALITIES: ReadonlySet<string> = new Set(["asserted", "reported"]);

const DAY_MS = 86_400_000;
/** Days in the period a date of each time precision names; an unknown precision counts as the widest. */
const PERIOD_DAYS = { 1: 1, 2: 7, 3: 31 } as const;
const LONGEST_PERIOD_DAYS = 31;
/** Days two periods may lie apart: time zones and "yesterday" anchored on different publication days. */
const DATE_SLACK_DAYS = 1;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?![0-9])/;

/** Radius of the area a place stands for, by geo precision; an unknown precision counts as the widest. */
const RADIUS_KM = { 1: 5, 2: 25, 3: 100 } as const;
const LARGEST_RADIUS_KM = 100;
/** Mean Earth radius (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Kinds of actor that outlets name one another's way: "militants", "gunmen"
 * and "jihadists" may be one group; "protesters" and "rioters" one crowd.
 * Keyed by ACLED inter code.
 */
const ACTOR_CLASSES: Readonly<Record<number, string>> = {
  1: "state-forces",
  2: "non-state-armed",
  3: "non-state-armed",
  4: "non-state-armed",
  5: "crowd",
  6: "crowd",
  7: "civilians",
  8: "external",
};

export function compareReports(a: EventReport, b: EventReport): MergeDecision {
  const outcomes = [...compareSources(a, b), compareTypes(a, b), compareDates(a, b), comparePlaces(a, b), ...compareActors(a, b), ...compareFatalities(a, b)];
  const rules: Agreement[] = [];
  const blockers: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.blocks) blockers.push(outcome.rule);
    else rules.push(outcome.rule);
  }
  // The weights are multiples of 0.05: rounding keeps sums of one set of rules equal, and stored scores free of float noise.
  const score = Math.round(rules.reduce((sum, rule) => sum + WEIGHTS[rule], 0) * 100) / 100;
  return { merge: blockers.length === 0, score, rules, blockers };
}

type Outcome = { rule: Agreement; blocks: false } | { rule: string; blocks: true };

const agree = (rule: Agreement): Outcome => ({ rule, blocks: false });
const block = (rule: string): Outcome => ({ rule, blocks: true });

function compareSources(a: EventReport, b: EventReport): Outcome[] {
  const outcomes: Outcome[] = [];
  if (a.documentId === b.documentId) outcomes.push(block("cluster:same-document"));
  if (!CLUSTERED_MODALITIES.has(a.modality) || !CLUSTERED_MODALITIES.has(b.modality)) outcomes.push(block("cluster:modality"));
  return outcomes;
}

function compareTypes(a: EventReport, b: EventReport): Outcome {
  if (a.scope !== b.scope) return block("cluster:scope-differs");
  const [typeA, typeB] = a.scope === "acled" ? [a.subEventType, b.subEventType] : [a.ploverType, b.ploverType];
  if (typeA === null || typeB === null) return agree("cluster:same-scope");
  if (typeA === typeB) return agree("cluster:same-type");
  if (a.scope === "acled" && COMPATIBLE.has(`${typeA}|${typeB}`)) return agree("cluster:compatible-types");
  return block("cluster:types-incompatible");
}

/** First and last day (days since 1970-01-01) of the period a report's date names. */
function period(report: EventReport): { first: number; last: number } | null {
  if (report.dateValue === null) return null;
  const match = ISO_DATE.exec(report.dateValue);
  if (!match) throw new Error(`cluster: expected report ${report.key} to have an ISO date (YYYY-MM-DD) as dateValue, found ${JSON.stringify(report.dateValue)}`);
  const first = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  return { first, last: first + PERIOD_DAYS[report.timePrecision ?? 3] - 1 };
}

function compareDates(a: EventReport, b: EventReport): Outcome {
  const [periodA, periodB] = [period(a), period(b)];
  if (periodA === null || periodB === null) return block("cluster:no-date");
  const gap = Math.max(periodA.first, periodB.first) - Math.min(periodA.last, periodB.last);
  if (gap > DATE_SLACK_DAYS) return block("cluster:dates-apart");
  const oneDay = a.timePrecision === 1 && b.timePrecision === 1 && periodA.first === periodB.first;
  return agree(oneDay ? "cluster:same-date" : "cluster:date-within-precision");
}

function radius(report: EventReport): number {
  return RADIUS_KM[report.geoPrecision ?? 3];
}

function comparePlaces(a: EventReport, b: EventReport): Outcome {
  if (a.place === null || b.place === null) return block("cluster:no-place");
  if (a.place.id === b.place.id) return agree("cluster:same-place");
  return haversineKm(a.place, b.place) <= radius(a) + radius(b) ? agree("cluster:place-within-precision") : block("cluster:places-apart");
}

/** Great-circle distance on a spherical Earth: the one-line haversine formula, which is all an area of tens of kilometres needs. */
function haversineKm(p: { lat: number; lon: number }, q: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((q.lat - p.lat) * rad) / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(((q.lon - p.lon) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function isGeneric(actor: ActorFacts): boolean {
  return actor.id.startsWith("generic:");
}

/** "id" for one actor, "generic" for a generic actor and an actor of its kind and country, null otherwise. */
function actorMatch(x: ActorFacts, y: ActorFacts): "id" | "generic" | null {
  if (x.id === y.id) return "id";
  if (!isGeneric(x) && !isGeneric(y)) return null;
  const sameClass = ACTOR_CLASSES[x.inter] !== undefined && ACTOR_CLASSES[x.inter] === ACTOR_CLASSES[y.inter];
  const sameCountry = x.country === null || y.country === null || x.country === y.country;
  return sameClass && sameCountry ? "generic" : null;
}

function anyMatch(xs: readonly ActorFacts[], ys: readonly ActorFacts[]): boolean {
  return xs.some((x) => ys.some((y) => actorMatch(x, y) !== null));
}

function compareActors(a: EventReport, b: EventReport): Outcome[] {
  const actorsA = [...a.actor1, ...a.actor2];
  const actorsB = [...b.actor1, ...b.actor2];
  const matches = actorsA.flatMap((x) => actorsB.map((y) => actorMatch(x, y)));
  const bothNameASide = (a.actor1.length > 0 && b.actor1.length > 0) || (a.actor2.length > 0 && b.actor2.length > 0);
  if (matches.includes("id")) return [agree("cluster:actors-overlap"), ...compareTargets(a, b, actorsA, actorsB)];
  if (matches.includes("generic")) return [agree("cluster:actors-compatible"), ...compareTargets(a, b, actorsA, actorsB)];
  return bothNameASide ? [block("cluster:actors-disjoint")] : [];
}

/** Both name the targets, and neither's targets are among the other's actors (on either side, as sides may be swapped). */
function compareTargets(a: EventReport, b: EventReport, actorsA: readonly ActorFacts[], actorsB: readonly ActorFacts[]): Outcome[] {
  if (a.actor2.length === 0 || b.actor2.length === 0) return [];
  return anyMatch(a.actor2, actorsB) || anyMatch(b.actor2, actorsA) ? [] : [block("cluster:targets-disjoint")];
}

function compareFatalities(a: EventReport, b: EventReport): Outcome[] {
  if (a.fatalities === null || b.fatalities === null) return [];
  return a.fatalities.low <= b.fatalities.high && b.fatalities.low <= a.fatalities.high ? [agree("cluster:fatalities-agree")] : [];
}

/**
 * Where any report that `compareReports` could merge with this one must lie:
 * dates whose first day is from 31 days before this report's period (a month
 * that ends the day before it) to the day after it ends, and points within
 * this report's radius plus the largest radius. Null when the report merges
 * with nothing (no date, no place, or a modality that does not cluster).
 */
export function candidateWindow(report: EventReport): CandidateWindow | null {
  if (!CLUSTERED_MODALITIES.has(report.modality) || report.place === null) return null;
  const days = period(report);
  if (days === null) return null;
  const earliest = (periodDays: number) => isoDay(days.first - DATE_SLACK_DAYS - (periodDays - 1));
  return {
    from: earliest(LONGEST_PERIOD_DAYS),
    to: isoDay(days.last + DATE_SLACK_DAYS),
    fromByPrecision: { 1: earliest(PERIOD_DAYS[1]), 2: earliest(PERIOD_DAYS[2]), 3: earliest(PERIOD_DAYS[3]) },
    bbox: boundingBox(report.place.lat, report.place.lon, radius(report) + LARGEST_RADIUS_KM),
    scope: report.scope,
    subEventTypes: report.scope === "acled" && report.subEventType !== null ? compatibleSubEventTypes(report.subEventType) : null,
  };
}

/** A sub-event type and those listed as compatible with it. */
function compatibleSubEventTypes(subEventType: string): string[] {
  return [subEventType, ...COMPATIBLE_SUB_EVENT_TYPES.flatMap(([a, b]) => (a === subEventType ? [b] : b === subEventType ? [a] : []))];
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The smallest latitude–longitude box holding every point within `km` of a
 * point. Near a pole, or across the antimeridian, where one min/max pair
 * cannot hold it, it spans every longitude.
 */
function boundingBox(lat: number, lon: number, km: number): [number, number, number, number] {
  const angle = km / EARTH_RADIUS_KM;
  const deg = 180 / Math.PI;
  const minLat = lat - angle * deg;
  const maxLat = lat + angle * deg;
  if (minLat <= -90 || maxLat >= 90) return [-180, Math.max(minLat, -90), 180, Math.min(maxLat, 90)];
  const dLon = Math.asin(Math.sin(angle) / Math.cos(lat / deg)) * deg;
  if (lon - dLon < -180 || lon + dLon > 180) return [-180, minLat, 180, maxLat];
  return [lon - dLon, minLat, lon + dLon, maxLat];
}

/** Cluster ids compared with their numbers as numbers, so that "c2" comes before "c10". */
const CLUSTER_ID_ORDER = new Intl.Collator("en", { numeric: true });

/**
 * The cluster a report joins: among the clusters none of whose members blocks
 * it, the one with the best-scoring member (ties: the first cluster id), with
 * that member as the evidence (ties: the first report key). Null when no
 * cluster will have it.
 */
export function chooseCluster(report: EventReport, clusters: readonly { id: string; members: readonly ClusterMember[] }[]): { clusterId: string; merged: MergeEvidence } | null {
  let best: { clusterId: string; merged: MergeEvidence } | null = null;
  for (const cluster of clusters) {
    if (cluster.members.length === 0) throw new Error(`chooseCluster: expected every cluster to have members, cluster ${cluster.id} has none`);
    const merged = bestMember(report, cluster.members);
    if (merged === null) continue;
    const better = best === null || merged.score > best.merged.score || (merged.score === best.merged.score && CLUSTER_ID_ORDER.compare(cluster.id, best.clusterId) < 0);
    if (better) best = { clusterId: cluster.id, merged };
  }
  return best;
}

/** The evidence of the best-scoring member, or null if any member blocks the report. */
function bestMember(report: EventReport, members: readonly ClusterMember[]): MergeEvidence | null {
  let best: MergeEvidence | null = null;
  for (const member of members) {
    const decision = compareReports(report, member.report);
    if (!decision.merge) return null;
    const key = member.report.key;
    if (best === null || decision.score > best.score || (decision.score === best.score && key < best.with)) best = { with: key, score: decision.score, rules: decision.rules };
  }
  return best;
}

/** Clusters of a batch of reports, added in key order as the store would add them; ids c1, c2, … in order of creation. */
export function clusterReports(reports: readonly EventReport[]): { id: string; members: ClusterMember[] }[] {
  const clusters: { id: string; members: ClusterMember[] }[] = [];
  for (const report of [...reports].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))) {
    const chosen = chooseCluster(report, clusters);
    const cluster = chosen && clusters.find((candidate) => candidate.id === chosen.clusterId);
    if (chosen && cluster) cluster.members.push({ report, merged: chosen.merged });
    else clusters.push({ id: `c${clusters.length + 1}`, members: [{ report, merged: null }] });
  }
  return clusters;
}
