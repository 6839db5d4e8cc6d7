import type { FastifyInstance } from "fastify";
import { CORRECTABLE_FIELDS, type ReviewInput } from "../../corpus/review.js";
import type { ReviewAction } from "../../corpus/types.js";
import type { ApiContext } from "../context.js";
import { ApiError } from "../errors.js";
import { clusterEvidence } from "../evidence.js";
import { clusterFilterOf, type FilterQuery } from "../filters.js";
import { CORPUS_EVENT_SCHEMA, FILTER_PROPERTIES, ID_PARAMS, pageProperties, responses, REVIEW_DECISION_SCHEMA } from "../schemas.js";

export const EVENT_PAGE = { default: 100, max: 1000 } as const;

/** Review bodies are a few fields: no need for the room documents get. */
const REVIEW_BODY_LIMIT = 64 * 1024;

const TEXT_SPAN = { type: "object", required: ["start", "end", "text"], properties: { start: { type: "integer" }, end: { type: "integer" }, text: { type: "string" } } } as const;

const EVIDENCE_SCHEMA = {
  type: "object",
  required: ["documentId", "eventId", "url", "title", "outlet", "trigger", "evidence", "sentence"],
  properties: {
    documentId: { type: "string" },
    eventId: { type: "string" },
    url: { type: ["string", "null"] },
    title: { type: ["string", "null"] },
    outlet: { type: ["string", "null"] },
    trigger: TEXT_SPAN,
    evidence: { type: "array", items: TEXT_SPAN },
    sentence: TEXT_SPAN,
  },
} as const;

interface ReviewBody {
  action: ReviewAction;
  reviewer: string;
  changes?: Record<string, unknown>;
  comment?: string | null;
}

export function registerEventRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & { limit: number; offset: number } }>(
    "/events",
    {
      schema: {
        summary: "Events (merged across the documents that report them), latest first, with reviewers' corrections applied",
        tags: ["events"],
        querystring: { type: "object", additionalProperties: false, properties: { ...FILTER_PROPERTIES, ...pageProperties(EVENT_PAGE.default, EVENT_PAGE.max) } },
        response: responses(
          { 200: { description: "A page of events.", type: "object", required: ["events", "limit", "offset"], properties: { events: { type: "array", items: CORPUS_EVENT_SCHEMA }, limit: { type: "integer" }, offset: { type: "integer" } } } },
          [400, 403],
        ),
      },
    },
    async (request) => {
      const { limit, offset, ...filters } = request.query;
      return { events: await store.queryClusters({ ...clusterFilterOf(filters), limit, offset }), limit, offset };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/events/:id",
    {
      schema: {
        summary: "One event, with the words of each report behind it",
        tags: ["events"],
        params: ID_PARAMS,
        response: responses(
          {
            200: {
              ...CORPUS_EVENT_SCHEMA,
              description: `${CORPUS_EVENT_SCHEMA.description} Plus evidence: per member, its document, trigger, cues and sentence with their spans.`,
              required: [...CORPUS_EVENT_SCHEMA.required, "evidence"],
              properties: { evidence: { type: "array", items: EVIDENCE_SCHEMA } },
            },
          },
          [400, 403, 404],
        ),
      },
    },
    async (request) => {
      const event = await store.getCluster(request.params.id);
      if (event === null) throw new ApiError(404, "not-found", `no event with id ${request.params.id}`);
      return { ...event, evidence: await clusterEvidence(event, store) };
    },
  );

  app.post<{ Params: { id: string }; Body: ReviewBody }>(
    "/events/:id/review",
    {
      bodyLimit: REVIEW_BODY_LIMIT,
      schema: {
        summary: "Confirm, correct or reject an event",
        tags: ["events"],
        params: ID_PARAMS,
        security: [{ bearer: [] }],
        body: {
          type: "object",
          additionalProperties: false,
          required: ["action", "reviewer"],
          properties: {
            action: { type: "string", enum: ["confirm", "correct", "reject"] },
            reviewer: { type: "string", minLength: 1, maxLength: 200, description: "Who decides." },
            changes: { type: "object", description: `For correct: the new value of each field changed, among ${CORRECTABLE_FIELDS.join(", ")}.` },
            comment: { type: ["string", "null"], maxLength: 5000 },
          },
        },
        response: responses({ 201: REVIEW_DECISION_SCHEMA }, [400, 401, 403, 404, 413, 415]),
      },
    },
    async (request, reply) => {
      const { action, reviewer, changes, comment } = request.body;
      const input: ReviewInput = { clusterId: request.params.id, action, reviewer };
      if (changes !== undefined) input.changes = changes;
      if (comment !== undefined) input.comment = comment;
      const decision = await store.review(input);
      return reply.status(201).send(decision);
    },
  );
}
