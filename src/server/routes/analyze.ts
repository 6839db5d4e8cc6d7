import type { FastifyInstance } from "fastify";
import { analyze } from "../../analyze/analyze.js";
import { DEFAULT_MAX_BYTES } from "../../analyze/input.js";
import { API_FETCH_OPTIONS, type ApiContext } from "../context.js";
import { documentInput, type DocumentBody } from "../document-input.js";
import { ANALYSIS_SCHEMA, DOCUMENT_INPUT_SCHEMA, responses } from "../schemas.js";

export function registerAnalyzeRoute(app: FastifyInstance, context: ApiContext): void {
  app.post<{ Body: DocumentBody }>(
    "/analyze",
    {
      bodyLimit: context.maxBody,
      schema: {
        summary: "Analyse one document without storing it",
        tags: ["documents"],
        body: DOCUMENT_INPUT_SCHEMA,
        security: [{ bearer: [] }],
        response: responses({ 200: ANALYSIS_SCHEMA }, [400, 401, 403, 413, 415, 422, 502, 504]),
      },
    },
    async (request) => {
      const { input, metadata } = documentInput(request.body, "the body");
      return analyze(input, { stages: context.stages, metadata, fetch: API_FETCH_OPTIONS, maxBytes: DEFAULT_MAX_BYTES });
    },
  );
}
