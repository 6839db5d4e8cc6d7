/**
 * Calendar days for the times stage. A day is a `Date` at 00:00 UTC and only
 * its UTC parts are ever read, so the machine's time zone never moves a date.
 * The reference day is the publication date as the publisher wrote it
 * ("2015-05-15T23:30:00-05:00" is 15 May, the day on the page), not the UTC
 * day of that instant.
 */
export type Precision = 1 | 2 | 3;

/** A dated expression: the first day of the period it names, and how wide the period is (ACLED time_precision). */
export interface Dated {
  value: string;
  precision: Precision;
}

/** What a rule says about an expression; both null when it is relative and there is no reference day. */
export interface Anchoring {
  value: string | null;
  precision: Precision | null;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?![0-9])/;

export function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The publication date's own calendar day, or null when there is none or it does not start with YYYY-MM-DD. */
export function referenceDay(published: string | null): Date | null {
  const parts = published === null ? null : ISO_DAY.exec(published.trim());
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = utcDay(year, month, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function isoDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** The same day of the month `months` later, clamped to the month's last day (31 March − 1 month = 28/29 February). */
export function addMonths(day: Date, months: number): Date {
  const first = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return utcDay(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(day.getUTCDate(), last));
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** Monday of the ISO week that holds `day`: every week is dated by its Monday, whatever the local custom. */
export function weekStart(day: Date): Date {
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

/** The latest `weekday` (0 Sunday … 6 Saturday) on or before `reference`, or strictly before it. */
export function previousWeekday(reference: Date, weekday: number, strictlyBefore: boolean): Date {
  let back = (reference.getUTCDay() - weekday + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return addDays(reference, -back);
}

/** The first `weekday` strictly after `reference`. */
export function nextWeekday(reference: Date, weekday: number): Date {
  const ahead = (weekday - reference.getUTCDay() + 7) % 7;
  return addDays(reference, ahead === 0 ? 7 : ahead);
}

export function dated(day: Date, precision: Precision): Dated {
  return { value: isoDate(day), precision };
}

/** Dates a relative expression against the reference day; null value and precision without one. */
export function anchor(reference: Date | null, date: (reference: Date) => Dated): Anchoring {
  return reference === null ? { value: null, precision: null } : date(reference);
}

/**
 * A month named without its year: the year that puts it closest to the
 * reference day, as news refers to the recent past and the near future;
 * `direction` forces the past ("mars dernier") or the future ("آذار المقبل").
 */
export function monthNear(reference: Date, month: number, direction: "past" | "future" | "nearest"): Date {
  const year = reference.getUTCFullYear();
  const refMonth = reference.getUTCMonth() + 1;
  // "mai dernier" written in May is the May under way, whose first days are past.
  if (direction === "past") return utcDay(month <= refMonth ? year : year - 1, month, 1);
  if (direction === "future") return utcDay(month > refMonth ? year : year + 1, month, 1);
  const candidates = [year - 1, year, year + 1].map((y) => utcDay(y, month, 1));
  const middle = utcDay(year, refMonth, 1);
  return candidates.reduce((best, candidate) => (Math.abs(daysBetween(middle, candidate)) < Math.abs(daysBetween(middle, best)) ? candidate : best));
}

/**
 * Day `day` of `month` (1 for a whole month), in `year` when the text gives
 * one — then it needs no reference — else in the year `monthNear` picks.
 * Null when the day does not exist in that month.
 */
export function dayInMonth(reference: Date | null, month: number, day: number, precision: Precision, year: number | null, direction: "past" | "future" | "nearest"): Anchoring | null {
  const build = (y: number): Dated | null => {
    const date = utcDay(y, month, day);
    return date.getUTCMonth() === month - 1 ? dated(date, precision) : null;
  };
  if (year !== null) return build(year);
  if (reference === null) return { value: null, precision: null };
  return build(monthNear(reference, month, direction).getUTCFullYear());
}
