import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.js";
import { clusterFilterOf, type FilterQuery } from "../filters.js";
import { FILTER_PROPERTIES, pageProperties, responses } from "../schemas.js";

/** A map of the latest ten thousand events by default: enough to see where things happen, small enough to draw at once. */
export const MAP_PAGE = { default: 10_000, max: 50_000 } as const;

const nullableString = { type: ["string", "null"] } as const;

const POINT_SCHEMA = {
  type: "object",
  required: ["id", "lat", "lon", "eventType", "subEventType", "date", "independentOutlets", "reports", "status"],
  properties: {
    id: { type: "string" },
    lat: { type: "number" },
    lon: { type: "number" },
    eventType: nullableString,
    subEventType: nullableString,
    date: nullableString,
    independentOutlets: { type: "integer" },
    reports: { type: "integer" },
    status: { type: ["string", "null"], enum: ["confirmed", "corrected", "rejected", null] },
  },
} as const;

export function registerMapRoute(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & { limit: number; offset: number } }>(
    "/map",
    {
      schema: {
        summary: "Events as compact points for a map, latest first; events without a place are left out",
        tags: ["events"],
        querystring: { type: "object", additionalProperties: false, properties: { ...FILTER_PROPERTIES, ...pageProperties(MAP_PAGE.default, MAP_PAGE.max) } },
        response: responses(
          {
            200: {
              description: "The points, latest event first.",
              type: "object",
              required: ["points", "limit", "truncated"],
              properties: { points: { type: "array", items: POINT_SCHEMA }, limit: { type: "integer" }, truncated: { type: "boolean", description: "More events match than the limit let through." } },
            },
          },
          [400, 403],
        ),
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      // One more than asked tells whether the map is missing any.
      const points = await store.mapPoints({ ...clusterFilterOf(filters), limit: limit + 1, offset });
      return { points: points.slice(0, limit), limit, truncated: points.length > limit };
    },
  );
}
