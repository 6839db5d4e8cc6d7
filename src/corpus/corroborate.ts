/**
 * How well a cluster is corroborated: how many independent voices carry the
 * event, of which alignments, and whether all of them speak for one party.
 *
 * Reports are one voice when their publishers are not independent of each
 * other, or when they relay the same source. Each report holds keys:
 *
 * - `outlet:<id>`, or `document:<id>` when its publisher is unknown (it
 *   counts as a voice of its own);
 * - `owner:<owner>` for an outlet of a media group: one owner, one voice;
 * - `state:<country>` for a state-owned or public-service outlet: one
 *   country's state and public media count once;
 * - `affiliation:<actor>` for an outlet that belongs to a party, armed group
 *   or state body: one affiliation, one voice;
 * - `origin:<origin>` for each named origin of its content (an outlet such
 *   as "afp", or `actor:<id>` for a party's statement), and for its own
 *   outlet, whose dispatches are what other outlets relay. Unnamed origins
 *   (`kind:*`, such as anonymous witnesses) join nothing: two outlets'
 *   unnamed witnesses are not known to be the same people.
 *
 * Reports that share any key are one voice (union–find over the keys). A
 * group is named by the narrowest key all its reports hold (outlet, owner,
 * affiliation, state, then origin), so a group named `origin:afp` is outlets
 * that are one voice only because they relay AFP.
 *
 * The state key takes the outlet's country, which is its seat: an outlet
 * owned by another state than its seat's (Asharq Al-Awsat, Saudi-owned in
 * London) shares a key with its seat's public media. That errs towards
 * fewer independent voices, never more.
 */
import type { ActorFacts, ClusterMember, Corroboration, EventReport, IndependenceGroup, OutletFacts } from "./types.js";

/** An independence group with the reports it holds. */
export interface ReportGroup extends IndependenceGroup {
  /** Report keys, in the order given. */
  reports: string[];
}

/** Key kinds from the narrowest to the broadest, the order in which a group's name is chosen. */
const KEY_ORDER = ["outlet", "document", "owner", "affiliation", "state", "origin"] as const;

const STATE_ALIGNMENTS: ReadonlySet<string> = new Set(["state-owned", "public-service"]);

export function corroborate(members: readonly ClusterMember[]): Corroboration {
  if (members.length === 0) throw new Error("corroborate: expected at least one cluster member, found none");
  const reports = members.map((member) => member.report);
  const groups = independenceGroups(reports).map(({ key, outlets }) => ({ key, outlets }));
  const publishers = new Map<string, OutletFacts>();
  for (const report of reports) if (report.outlet) publishers.set(report.outlet.id, report.outlet);
  const alignments: Record<string, number> = {};
  for (const outlet of publishers.values()) {
    const alignment = outlet.alignment ?? "unknown";
    alignments[alignment] = (alignments[alignment] ?? 0) + 1;
  }
  const side = commonSide(reports);
  return {
    reports: reports.length,
    documents: new Set(reports.map((report) => report.documentId)).size,
    outlets: [...publishers.keys()].sort(),
    independentOutlets: groups.length,
    groups,
    alignments,
    singleSource: groups.length <= 1,
    oneSided: side !== null,
    side,
  };
}

/** The reports' independence groups, ordered by key. */
export function independenceGroups(reports: readonly EventReport[]): ReportGroup[] {
  const keys = reports.map(voiceKeys);
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    return root;
  };
  const holder = new Map<string, number>();
  keys.forEach((held, i) => {
    for (const key of held) {
      const other = holder.get(key);
      if (other === undefined) holder.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const byRoot = new Map<number, number[]>();
  for (const i of parent.keys()) {
    const root = find(i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), i]);
  }
  const groups = [...byRoot.values()].map((indices) => {
    const held = indices.map((i) => reports[i] as EventReport);
    return {
      key: groupName(indices.map((i) => keys[i] as string[])),
      outlets: [...new Set(held.flatMap((report) => (report.outlet ? [report.outlet.id] : [])))].sort(),
      reports: held.map((report) => report.key),
    };
  });
  return groups.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function voiceKeys(report: EventReport): string[] {
  const { outlet } = report;
  const keys: string[] = [];
  if (outlet === null) {
    keys.push(`document:${report.documentId}`);
  } else {
    keys.push(`outlet:${outlet.id}`, `origin:${outlet.id}`);
    if (outlet.owner !== null) keys.push(`owner:${outlet.owner}`);
    if (outlet.affiliation !== null) keys.push(`affiliation:${outlet.affiliation}`);
    if (outlet.alignment !== null && STATE_ALIGNMENTS.has(outlet.alignment) && outlet.country !== null) keys.push(`state:${outlet.country}`);
  }
  for (const origin of report.origins) if (!origin.startsWith("kind:")) keys.push(`origin:${origin}`);
  return [...new Set(keys)];
}

/**
 * The narrowest key that every report of the group holds; when none does (a
 * chain: two outlets of one owner, one of which relays what a third relays),
 * the key held by the most reports, origins first, as origins are what join
 * outlets across publishers.
 */
function groupName(keysOfReports: readonly string[][]): string {
  const counts = new Map<string, number>();
  for (const keys of keysOfReports) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const kind = (key: string) => key.slice(0, key.indexOf(":")) as (typeof KEY_ORDER)[number];
  const rank = (key: string) => KEY_ORDER.indexOf(kind(key));
  const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const everyone = [...counts].filter(([, count]) => count === keysOfReports.length).map(([key]) => key);
  const [shared] = everyone.sort((x, y) => rank(x) - rank(y) || byCode(x, y));
  if (shared !== undefined) return shared;
  const [widest] = [...counts].sort(([x, countX], [y, countY]) => countY - countX || Number(kind(y) === "origin") - Number(kind(x) === "origin") || rank(x) - rank(y) || byCode(x, y));
  if (widest === undefined) throw new Error("groupName: expected a group of at least one report with keys, found none");
  return widest[0];
}

/**
 * The party every report speaks for, or null. A report speaks for its
 * outlet's affiliation; for `state:<country>` when it comes from a
 * state-owned outlet of a country whose forces are among the event's actors;
 * and for a party among the event's actors when all its origins are that
 * party's statements (`actor:<id>`). Named parties come before states when
 * several are common to every report.
 */
function commonSide(reports: readonly EventReport[]): string | null {
  const actors: ActorFacts[] = reports.flatMap((report) => [...report.actor1, ...report.actor2]);
  const actorIds = new Set(actors.map((actor) => actor.id));
  const forcesOf = new Set(actors.filter((actor) => actor.inter === 1 && actor.country !== null).map((actor) => actor.country as string));
  let common: string[] | null = null;
  for (const report of reports) {
    const sides = new Set<string>();
    const { outlet } = report;
    if (outlet?.affiliation) sides.add(outlet.affiliation);
    if (outlet?.alignment === "state-owned" && outlet.country !== null && forcesOf.has(outlet.country)) sides.add(`state:${outlet.country}`);
    const relayed = new Set(report.origins.map((origin) => (origin.startsWith("actor:") ? origin.slice("actor:".length) : null)));
    const [party] = relayed;
    if (relayed.size === 1 && party && actorIds.has(party)) sides.add(party);
    common = common === null ? [...sides] : common.filter((side) => sides.has(side));
  }
  const ordered = (common ?? []).sort((x, y) => Number(x.startsWith("state:")) - Number(y.startsWith("state:")) || (x < y ? -1 : x > y ? 1 : 0));
  return ordered[0] ?? null;
}
