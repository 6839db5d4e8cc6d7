/** The event filters `sitrep events` and `sitrep export` share, as options and as a store filter. */
import { Command, InvalidArgumentError } from "commander";
import type { ClusterFilter } from "../store/store.js";
import { nonNegativeInteger } from "./arguments.js";

export interface EventFilterFlags {
  bbox?: [number, number, number, number];
  from?: string;
  to?: string;
  type?: string;
  subType?: string;
  actor?: string;
  outlet?: string;
  alignment?: string;
  text?: string;
  minCorroboration?: number;
  includeRejected: boolean;
}

export function withEventFilters(command: Command): Command {
  return command
    .option("--db <path|url>", "the corpus: a SQLite file or a postgres:// URL (default: corpus.sqlite in SITREP_HOME)")
    .option("--bbox <minLon,minLat,maxLon,maxLat>", "only events placed inside this box (WGS 84 degrees)", parseBbox)
    .option("--from <date>", "only events on or after this date (YYYY-MM-DD)", parseDate)
    .option("--to <date>", "only events on or before this date (YYYY-MM-DD)", parseDate)
    .option("--type <event type>", 'ACLED event type, e.g. "Battles"')
    .option("--sub-type <sub-event type>", 'ACLED sub-event type, e.g. "Armed clash"')
    .option("--actor <id or name>", "an actor's dictionary id, or part of its name")
    .option("--outlet <id>", "reported by this outlet (registry id, e.g. reuters)")
    .option("--alignment <alignment>", "reported by an outlet of this alignment (state-owned, independent, wire, …)")
    .option("--text <words>", "reported in a document containing these words")
    .option("--min-corroboration <n>", "reported by at least this many independent outlets", nonNegativeInteger)
    .option("--include-rejected", "include events reviewers rejected", false);
}

export function clusterFilter(flags: EventFilterFlags): ClusterFilter {
  const filter: ClusterFilter = { includeRejected: flags.includeRejected };
  if (flags.bbox !== undefined) filter.bbox = flags.bbox;
  if (flags.from !== undefined) filter.from = flags.from;
  if (flags.to !== undefined) filter.to = flags.to;
  if (flags.type !== undefined) filter.eventType = flags.type;
  if (flags.subType !== undefined) filter.subEventType = flags.subType;
  if (flags.actor !== undefined) filter.actor = flags.actor;
  if (flags.outlet !== undefined) filter.outlet = flags.outlet;
  if (flags.alignment !== undefined) filter.alignment = flags.alignment;
  if (flags.text !== undefined) filter.text = flags.text;
  if (flags.minCorroboration !== undefined) filter.minCorroboration = flags.minCorroboration;
  return filter;
}

export function parseBbox(value: string): [number, number, number, number] {
  const parts = value.split(",").map((part) => Number(part.trim()));
  const [minLon, minLat, maxLon, maxLat] = parts;
  if (parts.length !== 4 || minLon === undefined || minLat === undefined || maxLon === undefined || maxLat === undefined || parts.some((part) => !Number.isFinite(part))) {
    throw new InvalidArgumentError("expected four numbers: minLon,minLat,maxLon,maxLat");
  }
  if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 || Math.abs(minLon) > 180 || Math.abs(maxLon) > 180) throw new InvalidArgumentError("longitudes lie within ±180 and latitudes within ±90");
  if (minLon > maxLon || minLat > maxLat) throw new InvalidArgumentError("the minimum longitude and latitude come first");
  return [minLon, minLat, maxLon, maxLat];
}

export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new InvalidArgumentError("expected a date as YYYY-MM-DD");
  return value;
}
