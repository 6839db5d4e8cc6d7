import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.js";
import { responses } from "../schemas.js";

const count = { type: "integer" } as const;

export function registerStatsRoute(app: FastifyInstance, { store }: ApiContext): void {
  app.get(
    "/stats",
    {
      schema: {
        summary: "The corpus in figures",
        tags: ["corpus"],
        response: responses(
          {
            200: {
              description: "Counts over the whole corpus.",
              type: "object",
              required: ["documents", "events", "clusters", "byEventType", "byAlignment", "reviewed"],
              properties: {
                documents: count,
                events: { type: "integer", description: "Event reports: one per event per document." },
                clusters: { type: "integer", description: "Events merged across documents (what GET /api/events lists)." },
                byEventType: {
                  type: "array",
                  description: "Merged events per ACLED event type; null for occurrences outside ACLED's taxonomy.",
                  items: { type: "object", required: ["eventType", "count"], properties: { eventType: { type: ["string", "null"] }, count } },
                },
                byAlignment: {
                  type: "array",
                  description: "Per publisher alignment: merged events such outlets reported (one event counts under each alignment among its publishers) and their reports.",
                  items: { type: "object", required: ["alignment", "events", "reports"], properties: { alignment: { type: ["string", "null"] }, events: count, reports: count } },
                },
                reviewed: {
                  type: "object",
                  description: "Merged events per reviewers' latest decision.",
                  required: ["confirmed", "corrected", "rejected"],
                  properties: { confirmed: count, corrected: count, rejected: count },
                },
              },
            },
          },
          [403],
        ),
      },
    },
    async () => store.stats(),
  );
}
