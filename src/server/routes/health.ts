import type { FastifyInstance } from "fastify";
import { VERSION } from "../../version.js";
import { responses } from "../schemas.js";

export function registerHealthRoute(app: FastifyInstance): void {
  app.get(
    "/health",
    {
      schema: {
        summary: "Whether the server is up, and its version",
        tags: ["server"],
        response: responses({ 200: { description: "The server is up.", type: "object", required: ["status", "version"], properties: { status: { type: "string", enum: ["ok"] }, version: { type: "string" } } } }, []),
      },
    },
    async () => ({ status: "ok", version: VERSION }),
  );
}
