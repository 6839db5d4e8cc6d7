/**
 * Publication dates as metadata sources write them, brought to one ISO 8601
 * form. A date stays a date: inventing a time of day would be false
 * precision. A time keeps the offset it was given, because the local date of
 * publication is what "yesterday" in the article refers to; only "Z", GMT
 * and UT become "Z". A time given without an offset stays without one.
 */

const ISO = new RegExp(
  String.raw`^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})` +
    String.raw`(?:[Tt ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?<fraction>\.\d+)?)?` +
    String.raw`(?:\s*(?<offset>[Zz]|[+-]\d{2}(?::?\d{2})?))?)?$`,
);

/** RFC 2822 as used by RSS and some meta tags: "Fri, 15 Mar 2024 10:00:00 +0200". */
const RFC2822 = new RegExp(
  String.raw`^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?` +
    String.raw`(?<day>\d{1,2})\s+(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(?<year>\d{4})\s+` +
    String.raw`(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s+(?<zone>[+-]\d{4}|UT|GMT|Z|[ECMP][SD]T)$`,
  "i",
);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The North American zone names RFC 2822 still allows. */
const RFC2822_ZONES: Readonly<Record<string, string>> = {
  EST: "-05:00",
  EDT: "-04:00",
  CST: "-06:00",
  CDT: "-05:00",
  MST: "-07:00",
  MDT: "-06:00",
  PST: "-08:00",
  PDT: "-07:00",
};

type Parts = Partial<Record<string, string>>;

export function normalisePublished(value: string): string | null {
  const text = value.trim();
  const iso = ISO.exec(text)?.groups;
  if (iso !== undefined) return assemble(iso, iso.offset === undefined ? "" : isoOffset(iso.offset));
  const rfc = RFC2822.exec(text)?.groups;
  if (rfc !== undefined) {
    const month = MONTHS.indexOf((rfc.month ?? "").toLowerCase()) + 1;
    const date = { month: String(month).padStart(2, "0"), day: (rfc.day ?? "").padStart(2, "0") };
    return assemble({ ...rfc, ...date }, rfcOffset(rfc.zone ?? ""));
  }
  return null;
}

/** The canonical form of validated parts; null when a field is out of range. */
function assemble(parts: Parts, offset: string | null): string | null {
  const { year = "", month = "", day = "", hour, minute, second = "00", fraction = "" } = parts;
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(Number(year), m)) return null;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined || minute === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59 || offset === null) return null;
  return `${date}T${hour}:${minute}:${second}${fraction}${offset}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "+0200", "+02" and "+02:00" all become "+02:00"; null when out of range. */
function isoOffset(offset: string): string | null {
  if (offset === "Z" || offset === "z") return "Z";
  const digits = offset.slice(1).replace(":", "");
  const hours = digits.slice(0, 2);
  const minutes = digits.slice(2) || "00";
  if (Number(hours) > 23 || Number(minutes) > 59) return null;
  return `${offset.charAt(0)}${hours}:${minutes}`;
}

function rfcOffset(zone: string): string | null {
  const upper = zone.toUpperCase();
  if (upper === "UT" || upper === "GMT" || upper === "Z") return "Z";
  return RFC2822_ZONES[upper] ?? isoOffset(zone);
}
