/** The event filters of a query string, checked and turned into the store's filter. */
import { clusterFilter, parseBbox, type EventFilterFlags } from "../cli/event-filters.js";
import type { ClusterFilter } from "../store/store.js";
import { ApiError } from "./errors.js";

/** What the schema of `FILTER_PROPERTIES` lets through: the CLI's filters, the box still as written. */
export type FilterQuery = Omit<EventFilterFlags, "bbox" | "includeRejected"> & { bbox?: string; includeRejected?: boolean };

/** The CLI's mapping, so that a filter means the same on the command line and over HTTP. */
export function clusterFilterOf(query: FilterQuery): ClusterFilter {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new ApiError(400, "invalid-request", `query parameter from (${query.from}) is after to (${query.to})`);
  }
  const { bbox, includeRejected, ...fields } = query;
  return clusterFilter({ ...fields, ...(bbox === undefined ? {} : { bbox: bboxOf(bbox) }), includeRejected: includeRejected === true });
}

/** The CLI's parser, so that both refuse the same boxes with the same words. */
function bboxOf(value: string): [number, number, number, number] {
  try {
    return parseBbox(value);
  } catch (error) {
    throw new ApiError(400, "invalid-request", `query parameter bbox: ${error instanceof Error ? error.message : String(error)}`);
  }
}
