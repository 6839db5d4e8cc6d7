/**
 * What every export says alike about a corpus event: its day, its fatality
 * range, the outlets that published it, its review status. Kept in one place
 * so that the CSV, the map and the PLOVER records never disagree.
 */
import type { CorpusEvent, OutletFacts } from "../corpus/types.js";

/** The event's day as YYYY-MM-DD; a date value may carry a time, which no export has a column for. */
export function eventDay(event: CorpusEvent): string | null {
  return event.summary.dateValue?.slice(0, 10) ?? null;
}

/**
 * The lowest and highest figures among the fatality claims, null without
 * claims. `low` is the conservative figure ACLED codes: "if source reports
 * differ or a vague estimate is provided, ACLED uses the most conservative
 * estimate available" (ACLED, "Fatalities" in its knowledge base).
 */
export function fatalityRange(event: CorpusEvent): { low: number; high: number } | null {
  const claims = event.summary.fatalities;
  if (claims.length === 0) return null;
  return { low: Math.min(...claims.map((claim) => claim.low)), high: Math.max(...claims.map((claim) => claim.high)) };
}

/** The publishing outlets, each once, in the order of the members that brought them. */
export function publishers(event: CorpusEvent): OutletFacts[] {
  const outlets = new Map<string, OutletFacts>();
  for (const { report } of event.members) {
    if (report.outlet !== null && !outlets.has(report.outlet.id)) outlets.set(report.outlet.id, report.outlet);
  }
  return [...outlets.values()];
}

export type ReviewStatus = "confirmed" | "corrected" | "rejected" | "unreviewed";

export function reviewStatus(event: CorpusEvent): ReviewStatus {
  return event.review?.status ?? "unreviewed";
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
