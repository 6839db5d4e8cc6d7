/**
 * The fatalities of one event from its killed counts.
 *
 * Counts of distinct groups of victims add up ("3 soldiers and 5 civilians
 * killed": 8); counts of one group restate or update each other and do not
 * (the larger is kept: a toll that rises from 12 to 40 is 40). A count of
 * people in general ("12 people", "12 killed", a death toll) is a total
 * that includes the groups, so the result is the larger of that total and
 * the sum of the groups ("12 people, including 5 soldiers": 12; "3 soldiers
 * killed … the death toll rose to 40": 40).
 *
 * Groups are the lexicon's rows: "soldiers" and "troops" are one group,
 * "soldiers" and "civilians" two. Two names for one group that the lexicon
 * keeps apart (say "children" and "civilians", when the children were
 * civilians) are added up: the heuristic errs towards more.
 */
import { foldKey } from "../../text/normalise/index.js";
import type { CasualtyLexicon } from "./lexicon.js";
import { formKeys } from "./words.js";

export interface KilledCount {
  low: number;
  high: number;
  kind: "killed" | "injured";
  victims: string | null;
}

interface Range {
  low: number;
  high: number;
}

export function totalOf(counts: readonly KilledCount[], lexicon: CasualtyLexicon): Range | null {
  const killed = counts.filter((count) => count.kind === "killed");
  if (killed.length === 0) return null;
  const groupOf = groupFinder(lexicon);
  let general: Range | null = null;
  const groups = new Map<string, Range>();
  for (const count of killed) {
    const group = count.victims === null ? null : groupOf(count.victims);
    const known: Range | null = group === null ? general : (groups.get(group) ?? null);
    const merged: Range = known ? { low: Math.max(known.low, count.low), high: Math.max(known.high, count.high) } : { low: count.low, high: count.high };
    if (group === null) general = merged;
    else groups.set(group, merged);
  }
  const sum = [...groups.values()].reduce((total, group) => ({ low: total.low + group.low, high: total.high + group.high }), { low: 0, high: 0 });
  const low = Math.max(general?.low ?? 0, sum.low);
  const high = Math.max(general?.high ?? 0, sum.high, low);
  return { low, high };
}

/** The group of a victims phrase: its lexicon row's first form, or null for people in general; unknown words are their own group. */
function groupFinder(lexicon: CasualtyLexicon): (victims: string) => string | null {
  return (victims) => {
    const keys = formKeys(victims);
    for (const role of ["person", "victim"] as const) {
      const form = (lexicon.forms("und", role).get(keys[0] ?? "") ?? []).find((candidate) => candidate.keys.join(" ") === keys.join(" "));
      if (form) return role === "person" ? null : `${form.language}:${form.group}`;
    }
    return foldKey(victims);
  };
}
