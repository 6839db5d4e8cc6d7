import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.js";
import { ApiError } from "../errors.js";
import { ANALYSIS_SCHEMA, ID_PARAMS, responses } from "../schemas.js";

export function registerDocumentRoute(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Params: { id: string } }>(
    "/documents/:id",
    {
      schema: {
        summary: "A stored document's analysis, and the event each of its events was merged into",
        tags: ["documents"],
        params: ID_PARAMS,
        response: responses(
          {
            200: {
              description: "The document's analysis and events.",
              type: "object",
              required: ["analysis", "events"],
              properties: {
                analysis: ANALYSIS_SCHEMA,
                events: {
                  type: "array",
                  description: "One per event of the analysis, in its order: the event's id and the id of the merged event (GET /api/events/{id}).",
                  items: { type: "object", required: ["eventId", "clusterId"], properties: { eventId: { type: "string" }, clusterId: { type: ["string", "null"] } } },
                },
              },
            },
          },
          [400, 403, 404],
        ),
      },
    },
    async (request) => {
      const { id } = request.params;
      const [analysis, events] = await Promise.all([store.getAnalysis(id), store.documentEvents(id)]);
      if (analysis === null) throw new ApiError(404, "not-found", `no document with id ${id}`);
      return { analysis, events };
    },
  );
}
