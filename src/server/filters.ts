/** The event filters of a query string, checked and turned into the store's filter. */
import { parseBbox } from "../cli/event-filters.js";
import type { ClusterFilter } from "../store/store.js";
import { ApiError } from "./errors.js";

/** What the schema of `FILTER_PROPERTIES` lets through. */
export interface FilterQuery {
  bbox?: string;
  from?: string;
  to?: string;
  type?: string;
  subType?: string;
  actor?: string;
  outlet?: string;
  alignment?: string;
  text?: string;
  minCorroboration?: number;
  includeRejected?: boolean;
}

export function clusterFilterOf(query: FilterQuery): ClusterFilter {
  const filter: ClusterFilter = { includeRejected: query.includeRejected === true };
  if (query.bbox !== undefined) filter.bbox = bboxOf(query.bbox);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new ApiError(400, "invalid-request", `query parameter from (${query.from}) is after to (${query.to})`);
  }
  if (query.from !== undefined) filter.from = query.from;
  if (query.to !== undefined) filter.to = query.to;
  if (query.type !== undefined) filter.eventType = query.type;
  if (query.subType !== undefined) filter.subEventType = query.subType;
  if (query.actor !== undefined) filter.actor = query.actor;
  if (query.outlet !== undefined) filter.outlet = query.outlet;
  if (query.alignment !== undefined) filter.alignment = query.alignment;
  if (query.text !== undefined) filter.text = query.text;
  if (query.minCorroboration !== undefined) filter.minCorroboration = query.minCorroboration;
  return filter;
}

/** The CLI's parser, so that both refuse the same boxes with the same words. */
function bboxOf(value: string): [number, number, number, number] {
  try {
    return parseBbox(value);
  } catch (error) {
    throw new ApiError(400, "invalid-request", `query parameter bbox: ${error instanceof Error ? error.message : String(error)}`);
  }
}
