/**
 * JSON Schemas the routes share: Fastify validates requests with them,
 * serialises responses with them, and the OpenAPI document is generated from
 * them. Large nested values (a cluster, an analysis) are described, not
 * spelled out: a response schema drops every property it does not list, and
 * those types grow with the pipeline.
 */

/** The one error body, registered once and referred to by every route. */
export const ERROR_SCHEMA = {
  $id: "ApiError",
  type: "object",
  description: "What went wrong, for every 4xx and 5xx answer.",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Stable and machine-readable, e.g. invalid-request, not-found, unauthorized, url-refused." },
        message: { type: "string", description: "What is wrong with the request, for a person." },
      },
    },
  },
} as const;

const ERROR_REF = { $ref: "ApiError#" } as const;

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "The request is invalid; the message says how.",
  401: "A write request without the server's token.",
  403: "Refused: a server without a token answers only on loopback.",
  404: "No such resource.",
  413: "The body or the input is too large.",
  415: "The body is not JSON.",
  422: "The input has no article to analyse.",
  500: "Internal error; the server's log has the details.",
  502: "The URL's server failed.",
  504: "The URL's server did not answer in time.",
};

/** A route's responses: its success schema (whose description the OpenAPI document shows), and the error body under each failure status it can give. */
export function responses(success: Record<number, { description: string; [keyword: string]: unknown }>, failures: readonly number[]): Record<number, unknown> {
  const all: Record<number, unknown> = { ...success };
  for (const status of [...failures, 500]) all[status] = { ...ERROR_REF, description: ERROR_DESCRIPTIONS[status] };
  return all;
}

const text = (description: string) => ({ type: "string", minLength: 1, maxLength: 500, description }) as const;

/** The event filters of `sitrep events`, as query parameters. */
export const FILTER_PROPERTIES = {
  bbox: { type: "string", maxLength: 200, description: "Only events placed inside this box: minLon,minLat,maxLon,maxLat in WGS 84 degrees.", examples: ["35.5,33,37,35"] },
  from: { type: "string", format: "date", description: "Only events on or after this date (YYYY-MM-DD)." },
  to: { type: "string", format: "date", description: "Only events on or before this date (YYYY-MM-DD)." },
  type: text('ACLED event type, e.g. "Battles".'),
  subType: text('ACLED sub-event type, e.g. "Armed clash".'),
  actor: text("An actor's dictionary id, or part of its name."),
  outlet: text("Reported by this outlet (registry id, e.g. reuters)."),
  alignment: text("Reported by an outlet of this alignment (state-owned, independent, wire, …)."),
  text: text("Reported in a document containing these words."),
  minCorroboration: { type: "integer", minimum: 0, description: "Reported by at least this many independent outlets." },
  includeRejected: { type: "boolean", default: false, description: "Include events reviewers rejected." },
} as const;

export function pageProperties(defaultLimit: number, maxLimit: number) {
  return {
    limit: { type: "integer", minimum: 1, maximum: maxLimit, default: defaultLimit, description: `At most this many (≤ ${maxLimit}).` },
    offset: { type: "integer", minimum: 0, default: 0, description: "Skip this many first." },
  } as const;
}

/** The id in the path of an event or a document. */
export const ID_PARAMS = { type: "object", required: ["id"], properties: { id: { type: "string", minLength: 1, maxLength: 200 } } } as const;

/** A cluster with reviewers' corrections applied (`CorpusEvent` in src/corpus/types.ts). */
export const CORPUS_EVENT_SCHEMA = {
  type: "object",
  description: "An event merged across the documents that report it: id, summary (type, date, place, actors, fatalities, corroboration), members (each document's report and why it joined), review, updatedAt.",
  required: ["id", "summary", "members", "review", "updatedAt"],
  additionalProperties: true,
} as const;

/** The analysis of one document (`sitrep/analysis@1`, schema/analysis.schema.json). */
export const ANALYSIS_SCHEMA = {
  type: "object",
  description: "A document's analysis, schema sitrep/analysis@1 (schema/analysis.schema.json): the text and every annotation with its span.",
  required: ["schema", "document"],
  additionalProperties: true,
} as const;

export const REVIEW_DECISION_SCHEMA = {
  type: "object",
  description: "A stored review decision: id, clusterId, action, reviewer, at, changes (each field with its old and new value), comment.",
  required: ["id", "clusterId", "action", "reviewer", "at", "changes", "comment"],
  additionalProperties: true,
} as const;

/** The fields of a document given to analyse or ingest. */
export const DOCUMENT_INPUT_SCHEMA = {
  type: "object",
  additionalProperties: false,
  description: "One of text, html or url. With text or html, url is the document's address; alone, it is fetched (public addresses only).",
  properties: {
    text: { type: "string", minLength: 1, description: "Plain text." },
    html: { type: "string", minLength: 1, description: "An HTML page; the article is extracted from it." },
    url: { type: "string", format: "uri", maxLength: 2000, description: "An absolute http(s) URL." },
    published: { type: "string", maxLength: 40, description: "Publication date or date-time (ISO 8601), to anchor relative dates." },
    outlet: { type: "string", minLength: 1, maxLength: 200, description: "The publishing outlet." },
    language: { type: "string", pattern: "^(und|[a-z]{2,3})$", description: "ISO 639-1 or 639-3 code of the text's language (fr, en, ar); identified when absent." },
    title: { type: "string", maxLength: 1000 },
  },
} as const;
