/**
 * The web app: the files of its build in dist/web/ (written by the web app's
 * Vite build), served as they are. Nothing outside that folder is ever
 * served: paths are resolved inside it and dot-files are not served.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** dist/web/ of the project, from src/server/ and dist/server/ alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));

const NOT_BUILT = `sitrep: the web app has not been built (there is no dist/web/index.html).
Build it into dist/web/ and restart \`sitrep serve\`. Meanwhile the API answers under /api/
and describes itself at /openapi.json.
`;

/** Serves the app from `root` and says whether it is there; without it, `/` says how to build it. */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(join(root, "index.html"))) {
    app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.type("text/plain; charset=utf-8").send(NOT_BUILT));
    return false;
  }
  await app.register(fastifyStatic, { root, prefix: "/", index: "index.html", dotfiles: "ignore", serveDotFiles: false });
  return true;
}

/**
 * A page of the app reached by its own address (a bookmarked view) is not a
 * file: the app's page answers, and its router shows the view. Paths of the
 * API and names with an extension stay 404s.
 */
export function isAppRoute(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return request.method === "GET" && !path.startsWith("/api/") && !/\.[^/]*$/.test(path) && (request.headers.accept ?? "").includes("text/html");
}

export function sendAppPage(reply: FastifyReply): FastifyReply {
  return reply.type("text/html; charset=utf-8").sendFile("index.html");
}
