import type { FastifyInstance } from "fastify";
import { TIMELINE_BUCKETS, type TimelineBucket } from "../../store/store.js";
import type { ApiContext } from "../context.js";
import { clusterFilterOf, type FilterQuery } from "../filters.js";
import { FILTER_PROPERTIES, responses } from "../schemas.js";

export function registerTimelineRoute(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & { bucket: TimelineBucket } }>(
    "/timeline",
    {
      schema: {
        summary: "How many events happened per day, week (from Monday) or month; undated events are not counted",
        tags: ["events"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { ...FILTER_PROPERTIES, bucket: { type: "string", enum: TIMELINE_BUCKETS, default: "day" } },
        },
        response: responses(
          {
            200: {
              description: "Counts per period.",
              type: "object",
              required: ["bucket", "buckets"],
              properties: {
                bucket: { type: "string" },
                buckets: {
                  type: "array",
                  description: "Earliest first; periods without events are absent.",
                  items: { type: "object", required: ["start", "count"], properties: { start: { type: "string", format: "date" }, count: { type: "integer" } } },
                },
              },
            },
          },
          [400, 403],
        ),
      },
    },
    async (request) => {
      const { bucket, ...filters } = request.query;
      return { bucket, buckets: await store.timeline(clusterFilterOf(filters), bucket) };
    },
  );
}
