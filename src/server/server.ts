/**
 * The HTTP server: the JSON API under /api, its OpenAPI description at
 * /openapi.json, and the web app. Created without listening, so that tests
 * inject requests and callers choose where it listens.
 */
import type { Writable } from "node:stream";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { createThreadAnalyser } from "../corpus/analyser.js";
import type { Stage } from "../pipeline/stage.js";
import type { OutletRegistry } from "../sources/outlets.js";
import { defaultOutletRegistry, type CorpusStore } from "../store/store.js";
import { VERSION } from "../version.js";
import { accessProblem, createAccessCheck } from "./access.js";
import type { ApiContext } from "./context.js";
import { ApiError, createErrorHandler, formatSchemaErrors } from "./errors.js";
import { registerAnalyzeRoute } from "./routes/analyze.js";
import { registerDocumentRoute } from "./routes/documents.js";
import { registerEntityRoutes } from "./routes/entities.js";
import { registerEventRoutes } from "./routes/events.js";
import { registerExportRoute } from "./routes/export.js";
import { registerHealthRoute } from "./routes/health.js";
import { registerIngestRoute } from "./routes/ingest.js";
import { registerMapRoute } from "./routes/map.js";
import { registerOpenApiRoute } from "./routes/openapi.js";
import { registerStatsRoute } from "./routes/stats.js";
import { registerTimelineRoute } from "./routes/timeline.js";
import { ERROR_SCHEMA } from "./schemas.js";
import { SECURITY_HEADERS } from "./security-headers.js";
import { createValidatorCompiler } from "./validation.js";
import { DEFAULT_WEB_ROOT, isAppRoute, registerWebApp, sendAppPage } from "./web-app.js";

export const DEFAULT_HOST = "127.0.0.1";
/** Room for a long article's HTML, or a batch of plain-text ones. */
export const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

export interface ServerOptions {
  store: CorpusStore;
  /** The analysis pipeline, built once and shared by every request. */
  stages: readonly Stage[];
  /** The address the server will listen on (127.0.0.1 by default): any but loopback requires a token. */
  host?: string;
  /** The bearer token write requests must present; without one the server answers only on loopback. */
  token?: string;
  /** The largest body, in bytes, of a request that sends documents. */
  maxBody?: number;
  /** The web app's built files (dist/web/ by default). */
  webRoot?: string;
  /** Where to log failed requests (JSON lines); nothing is logged without it. */
  log?: Writable;
  /** The outlet registry that names publishers (the project's by default). */
  outlets?: OutletRegistry;
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const token = options.token ?? null;
  const problem = accessProblem(options.host ?? DEFAULT_HOST, token);
  if (problem !== null) throw new Error(`createServer: ${problem}`);
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  if (!Number.isSafeInteger(maxBody) || maxBody <= 0) throw new RangeError(`createServer expected a positive integer maxBody, found ${maxBody}`);

  const app = Fastify({
    bodyLimit: maxBody,
    logger: options.log === undefined ? false : { level: "warn", stream: options.log },
    schemaErrorFormatter: formatSchemaErrors,
    // A client that trickles its request in must not hold a connection for ever.
    requestTimeout: 60_000,
  });
  // JSON is the only body the API reads: a cross-site form cannot send it without a CORS preflight this server never grants.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(createValidatorCompiler());

  const checkAccess = createAccessCheck(token);
  app.addHook("onRequest", async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    checkAccess({ method: request.method, host: request.headers.host, authorization: request.headers.authorization, localAddress: request.socket.localAddress });
  });
  app.setErrorHandler(createErrorHandler(maxBody));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "sitrep", version: VERSION, description: "Conflict news reports in, sourced and geolocated event data out. Reads are open; write requests (POST) need the server's bearer token when it has one." },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json["$id"] === "string" ? json["$id"] : `schema${index}`) },
  });
  app.addSchema(ERROR_SCHEMA);

  const context: ApiContext = { store: options.store, stages: options.stages, analyser: createThreadAnalyser(options.stages), outlets: options.outlets ?? defaultOutletRegistry(), maxBody };
  await app.register(
    async (api) => {
      registerHealthRoute(api);
      registerAnalyzeRoute(api, context);
      registerIngestRoute(api, context);
      registerEventRoutes(api, context);
      registerMapRoute(api, context);
      registerTimelineRoute(api, context);
      registerDocumentRoute(api, context);
      registerEntityRoutes(api, context);
      registerStatsRoute(api, context);
      registerExportRoute(api, context);
    },
    { prefix: "/api" },
  );
  registerOpenApiRoute(app);
  const web = await registerWebApp(app, options.webRoot ?? DEFAULT_WEB_ROOT);

  app.setNotFoundHandler(async (request, reply) => {
    if (web && isAppRoute(request)) return sendAppPage(reply);
    throw new ApiError(404, "not-found", `nothing at ${request.method} ${request.url.split("?")[0]}`);
  });
  app.addHook("onClose", () => context.analyser.close());
  return app;
}
