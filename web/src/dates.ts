/** Calendar days as ISO strings (YYYY-MM-DD), computed in UTC so that no time zone moves a day. */

const DAY = 86_400_000;

export function dayMs(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoDay(dayMs(iso) + days * DAY);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY);
}

export type BucketUnit = "day" | "week" | "month";

/** The first day of the bucket a day falls in; weeks start on Monday (ISO 8601). */
export function bucketStart(iso: string, unit: BucketUnit): string {
  if (unit === "day") return iso.slice(0, 10);
  if (unit === "month") return `${iso.slice(0, 7)}-01`;
  const date = new Date(dayMs(iso));
  return addDays(iso, -((date.getUTCDay() + 6) % 7));
}

/** The first day after the bucket that starts on `start`. */
export function bucketEnd(start: string, unit: BucketUnit): string {
  if (unit === "day") return addDays(start, 1);
  if (unit === "week") return addDays(start, 7);
  const date = new Date(dayMs(start));
  return isoDay(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
}

/** Days for up to three months, weeks for up to two years, months beyond. */
export function unitFor(spanDays: number): BucketUnit {
  if (spanDays <= 92) return "day";
  if (spanDays <= 730) return "week";
  return "month";
}
