import type { FastifyInstance } from "fastify";

/** The OpenAPI document, generated from the routes' schemas by @fastify/swagger. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
