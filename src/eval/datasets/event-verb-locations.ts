/**
 * event-location/labeled_text.json (Halterman 2019): one JSON array of
 * sentences, each with one event verb and the spans that say where that event
 * happened. Records are Prodigy annotations: `text`, `tokens` ({text, start,
 * end, id}) and `spans` ({start, end, token_start, token_end, label}), label
 * `VERB` or `LOCATION`.
 *
 * The tokens slice the text exactly; about 900 spans state token indices where
 * character offsets belong (`start: 15, end: 15` for token 15). A span's
 * offsets are therefore taken from its tokens, and the stated ones are kept
 * when they differ; a span whose tokens do not exist is dropped with the
 * reason. Span `text` fields are sometimes empty and are trusted only to end
 * a span whose last token is missing.
 */
import { readFile } from "node:fs/promises";
import { SitrepError } from "../../model/errors.js";
import type { Span } from "../../model/span.js";

export interface EventVerbSpan extends Span {
  /** `text.slice(start, end)` of the record. */
  text: string;
  /** The offsets the data stated, when they were not its tokens' and were repaired. */
  stated?: Span;
}

export interface DroppedEventSpan extends Span {
  label: string;
  reason: string;
}

export interface EventVerbRecord {
  /** 1-based position in the array: the data's own `_id`s are not unique and lose digits as JSON numbers. */
  id: string;
  /** The data's `source` (APW_RA, Atrocities, …): which corpus and which annotation round. */
  source: string;
  text: string;
  /** The event's trigger: one span, two in a handful of records that mark a second verb of the same event. */
  verbs: EventVerbSpan[];
  /** Where the event happened; empty when the sentence does not say. */
  locations: EventVerbSpan[];
  dropped: DroppedEventSpan[];
}

interface RawToken {
  start: number;
  end: number;
  id: number;
}

interface RawSpan {
  start?: number;
  end?: number;
  token_start?: number;
  token_end?: number;
  label?: string;
  text?: string;
}

interface RawRecord {
  text?: unknown;
  tokens?: RawToken[];
  spans?: RawSpan[];
  source?: unknown;
}

const SCORED_LABELS = new Set(["VERB", "LOCATION"]);

export async function readEventVerbLocations(path: string): Promise<EventVerbRecord[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new SitrepError("input-format", `${path}: expected the event-location records as one JSON array; ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new SitrepError("input-format", `${path}: expected a JSON array of event-location records, found ${typeof parsed}`);
  return parsed.map((record: RawRecord, i) => {
    if (typeof record?.text !== "string" || !Array.isArray(record.spans)) {
      throw new SitrepError("input-format", `${path}: record ${i + 1} has no string "text" and "spans" array; is this event-location's labeled_text.json?`);
    }
    return parseEventVerbRecord(record, String(i + 1));
  });
}

export function parseEventVerbRecord(record: RawRecord, id: string): EventVerbRecord {
  const text = String(record.text);
  const tokens = new Map((record.tokens ?? []).map((token) => [token.id, token]));
  const verbs: EventVerbSpan[] = [];
  const locations: EventVerbSpan[] = [];
  const dropped: DroppedEventSpan[] = [];
  for (const span of record.spans ?? []) {
    const label = span.label ?? "";
    const stated = { start: span.start ?? Number.NaN, end: span.end ?? Number.NaN };
    if (!SCORED_LABELS.has(label)) {
      dropped.push({ ...stated, label, reason: `label "${label}" is neither VERB nor LOCATION` });
      continue;
    }
    const offsets = tokenOffsets(span, tokens, text);
    if (offsets === null) {
      dropped.push({ ...stated, label, reason: `tokens ${span.token_start}–${span.token_end} are not in the record's ${tokens.size} tokens` });
      continue;
    }
    const repaired = offsets.start !== stated.start || offsets.end !== stated.end;
    const layer = label === "VERB" ? verbs : locations;
    // A span annotated twice is one span.
    if (layer.some((other) => other.start === offsets.start && other.end === offsets.end)) continue;
    layer.push({ ...offsets, text: text.slice(offsets.start, offsets.end), ...(repaired ? { stated } : {}) });
  }
  const byPosition = (a: Span, b: Span): number => a.start - b.start || a.end - b.end;
  return { id, source: typeof record.source === "string" ? record.source : "", text, verbs: verbs.sort(byPosition), locations: locations.sort(byPosition), dropped };
}

/**
 * The offsets of a span's tokens. Two spans of the file name a last token past
 * the end of the record; their first token exists and their `text` starts
 * there, so that text's length gives the end.
 */
function tokenOffsets(span: RawSpan, tokens: ReadonlyMap<number, RawToken>, text: string): Span | null {
  const first = tokens.get(span.token_start ?? Number.NaN);
  if (first === undefined) return null;
  const last = tokens.get(span.token_end ?? Number.NaN);
  if (last !== undefined) return last.end > first.start ? { start: first.start, end: last.end } : null;
  if (span.text && text.startsWith(span.text, first.start)) return { start: first.start, end: first.start + span.text.length };
  return null;
}

/** Counts for a report's notes: what was read and what had to be repaired or dropped. */
export interface EventVerbReadCounts {
  records: number;
  withLocation: number;
  /** Records with no usable VERB span, which cannot be scored. */
  withoutVerb: number;
  repaired: number;
  dropped: number;
}

export function countEventVerbRecords(records: readonly EventVerbRecord[]): EventVerbReadCounts {
  const counts: EventVerbReadCounts = { records: records.length, withLocation: 0, withoutVerb: 0, repaired: 0, dropped: 0 };
  for (const record of records) {
    if (record.locations.length > 0) counts.withLocation++;
    if (record.verbs.length === 0) counts.withoutVerb++;
    counts.repaired += [...record.verbs, ...record.locations].filter((span) => span.stated !== undefined).length;
    counts.dropped += record.dropped.length;
  }
  return counts;
}
