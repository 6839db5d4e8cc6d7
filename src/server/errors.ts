/**
 * How the API answers when it cannot: one error body for every failure,
 * `{ error: { code, message } }`, whose message says what is wrong with the
 * request. Validation, parsing and refusals become 4xx with their own words;
 * anything else is a 500 that tells the client nothing but that the server
 * log has the details (never a stack trace, never an internal message).
 */
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from "fastify";
import { isSitrepError, type InputErrorCode } from "../model/errors.js";

/** A request the API refuses, with the HTTP status and the code the client sees. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;

  constructor(statusCode: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.statusCode = statusCode;
    this.code = code;
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** What each refusal of the pipeline or the store means over HTTP: the input's fault (4xx) or a source's (5xx). */
const STATUS_OF_CODE: Readonly<Record<InputErrorCode, number>> = {
  "input-not-found": 400,
  "input-unreadable": 400,
  "input-empty": 400,
  "input-binary": 400,
  "input-too-large": 413,
  "input-encoding": 400,
  "input-format": 400,
  "html-no-article": 422,
  "jsonl-invalid-line": 400,
  "csv-invalid-row": 400,
  "feed-invalid": 400,
  "url-invalid": 400,
  "url-refused": 400,
  "url-timeout": 504,
  "url-unreachable": 502,
  "url-status": 502,
  "url-too-large": 413,
  "url-redirects": 502,
  "gazetteer-format": 400,
  "review-invalid": 400,
  "not-found": 404,
  "store-unavailable": 503,
};

/** Fastify's own refusals, reworded for a client that never read Fastify's source. */
function fastifyRefusal(error: FastifyError, bodyLimit: number): ApiError | null {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new ApiError(413, "body-too-large", `the request body is larger than the limit of ${bodyLimit} bytes`);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ApiError(415, "unsupported-media-type", "send the request body as JSON, with Content-Type: application/json");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ApiError(400, "invalid-json", "the request body is empty; send a JSON object");
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new ApiError(400, "invalid-json", "the request body is not valid JSON");
    default:
      break;
  }
  // The JSON parser's own SyntaxError carries a 400 and says where the JSON breaks, which helps and reveals nothing.
  if (error instanceof SyntaxError && error.statusCode === 400) return new ApiError(400, "invalid-json", `the request body is not valid JSON: ${error.message}`);
  return null;
}

/** The status and body for any error a route or hook threw. */
export function errorReply(error: FastifyError | Error, bodyLimit: number): { status: number; body: ErrorBody; internal: boolean } {
  const answer = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } }, internal: false });
  if (error instanceof ApiError) return answer(error.statusCode, error.code, error.message);
  if (isSitrepError(error)) return answer(STATUS_OF_CODE[error.code], error.code, error.message);
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) return answer(400, "invalid-request", error.message);
  const refusal = fastifyRefusal(fastifyError, bodyLimit);
  if (refusal !== null) return answer(refusal.statusCode, refusal.code, refusal.message);
  const status = fastifyError.statusCode;
  // Fastify's other client errors (a malformed header, a bad URL) have messages written for clients.
  if (status !== undefined && status >= 400 && status < 500) return answer(status, "bad-request", error.message);
  return { status: 500, body: { error: { code: "internal-error", message: "internal error; the server's log has the details" } }, internal: true };
}

/** `maxBody` is the server's body limit, for the routes that set none of their own. */
export function createErrorHandler(maxBody: number) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const { status, body, internal } = errorReply(error, request.routeOptions.bodyLimit ?? maxBody);
    if (internal) request.log.error({ err: error }, "request failed");
    return reply.status(status).type("application/json; charset=utf-8").send(body);
  };
}

/** Where a request value failed validation, as Fastify names it: the part of the request, and what one value of it is called. */
const PARTS = {
  body: { whole: "the body", value: "field", named: "body field" },
  querystring: { whole: "the query", value: "parameter", named: "query parameter" },
  params: { whole: "the path", value: "parameter", named: "path parameter" },
  headers: { whole: "the headers", value: "header", named: "header" },
} as const;

/** Human words for the few formats the schemas use. */
const FORMAT_HINT: Readonly<Record<string, string>> = { date: "a date as YYYY-MM-DD", uri: "an absolute URL" };

/** Names the parameter or body field at fault and says what it must be, in place of Ajv's "querystring/limit must be <= 1000". */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: keyof typeof PARTS): Error {
  const part = PARTS[dataVar];
  const messages = errors.map((error) => {
    const path = error.instancePath.replace(/^\//, "").replaceAll("/", ".");
    const subject = path === "" ? part.whole : `${part.named} ${path}`;
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case "required":
        return `${subject} needs ${part.value} ${String(params["missingProperty"])}`;
      case "additionalProperties":
        return `${subject} has an unknown ${part.value} ${String(params["additionalProperty"])}`;
      case "enum":
        return `${subject} must be one of ${(params["allowedValues"] as unknown[]).join(", ")}`;
      case "format":
        return `${subject} must be ${FORMAT_HINT[String(params["format"])] ?? `in format ${String(params["format"])}`}`;
      default:
        return `${subject} ${error.message ?? "is invalid"}`;
    }
  });
  return new Error(messages.join("; "));
}
