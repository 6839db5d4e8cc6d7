import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../store/sqlite-store.js";
import type { CorpusStore } from "../store/store.js";
import { createServer } from "./server.js";
import { CONTENT_SECURITY_POLICY } from "./security-headers.js";
import { openTestServer, stages, type TestServer } from "../test-support/server.js";

const TOKEN = "correct-horse-battery-staple";

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  expect(headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cross-origin-resource-policy"]).toBe("same-origin");
}

describe("HTTP server safeguards", () => {
  let server: TestServer;
  let base: string;
  let web: string;
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), "sitrep-web-"));
    web = join(base, "web");
    mkdirSync(web);
    writeFileSync(join(web, "index.html"), "<!doctype html><title>sitrep</title><script type=module src=/app.js></script>");
    writeFileSync(join(web, "app.js"), "console.log('sitrep')");
    writeFileSync(join(web, ".env"), "SECRET=1");
    mkdirSync(join(web, "assets"));
    writeFileSync(join(web, "assets", "map.css"), "body{}");
    writeFileSync(join(base, "outside.txt"), "CONTENT OF A FILE OUTSIDE");
    server = await openTestServer({ webRoot: web });
  });
  afterAll(async () => {
    await server.close();
    rmSync(base, { recursive: true, force: true });
  });

  const inject = (options: InjectOptions) => server.app.inject(options);

  it("sends the content security policy and its companions on JSON, HTML, static files and errors", async () => {
    const responses = await Promise.all([
      inject({ url: "/api/health" }),
      inject({ url: "/" }),
      inject({ url: "/app.js" }),
      inject({ url: "/assets/map.css" }),
      inject({ url: "/api/events?limit=0" }),
      inject({ url: "/api/nothing" }),
      inject({ url: "/openapi.json" }),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 400, 404, 200]);
    expect(responses[1]?.headers["content-type"]).toMatch(/^text\/html/);
    expect(responses[2]?.headers["content-type"]).toMatch(/javascript/);
    for (const response of responses) expectSecurityHeaders(response.headers);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
  });

  it("serves the web app's files and nothing outside its folder", async () => {
    expect((await inject({ url: "/" })).body).toContain("<title>sitrep</title>");
    for (const url of ["/../outside.txt", "/%2e%2e/outside.txt", "/assets/..%2f..%2foutside.txt", "/.env", "/%2eenv", "/../../../../etc/passwd"]) {
      const response = await inject({ url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body, url).not.toContain("FILE OUTSIDE");
      expect(response.body, url).not.toContain("SECRET");
    }
    // A view of the app reached by its own address gets the app's page; API paths and files stay 404s.
    const view = await inject({ url: "/events/c123", headers: { accept: "text/html" } });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain("<title>sitrep</title>");
    expectSecurityHeaders(view.headers);
    expect((await inject({ url: "/api/nothing", headers: { accept: "text/html" } })).statusCode).toBe(404);
    expect((await inject({ url: "/missing.js", headers: { accept: "text/html" } })).statusCode).toBe(404);
  });

  it("says how to build the web app when it is not built", async () => {
    const bare = await createServer({ store: server.store, stages, webRoot: join(web, "absent") });
    const response = await bare.inject({ url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(response.body).toContain("the web app has not been built");
    expectSecurityHeaders(response.headers);
    await bare.close();
  });

  it("refuses malformed, empty, non-JSON and oversized bodies", async () => {
    const post = (payload: string, contentType = "application/json") => inject({ method: "POST", url: "/api/analyze", payload, headers: { "content-type": contentType } });
    const malformed = await post('{"text": "Clashes in Homs"');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: "invalid-json", message: expect.stringMatching(/^the request body is not valid JSON/) });
    expect((await post("")).json()).toEqual({ error: { code: "invalid-json", message: "the request body is empty; send a JSON object" } });
    const plain = await post("Clashes in Homs", "text/plain");
    expect(plain.statusCode).toBe(415);
    expect(plain.json()).toEqual({ error: { code: "unsupported-media-type", message: "send the request body as JSON, with Content-Type: application/json" } });
    const small = await createServer({ store: server.store, stages, maxBody: 1000 });
    const large = await small.inject({ method: "POST", url: "/api/ingest", payload: { documents: [{ text: "x".repeat(2000) }] } });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toEqual({ error: { code: "body-too-large", message: "the request body is larger than the limit of 1000 bytes" } });
    expectSecurityHeaders(large.headers);
    await small.close();
    const review = await inject({ method: "POST", url: "/api/events/c1/review", payload: { action: "confirm", reviewer: "analyst", comment: "x".repeat(70_000) } });
    expect(review.statusCode).toBe(413);
    expect(review.json()).toEqual({ error: { code: "body-too-large", message: "the request body is larger than the limit of 65536 bytes" } });
  });

  it("hides an internal error's details from the client and logs them", async () => {
    const failing = new Proxy(server.store, {
      get(target, property) {
        if (property === "stats") {
          return async () => {
            throw new Error("disk on fire: /var/secret/corpus.sqlite");
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }) as CorpusStore;
    const log = new PassThrough();
    let logged = "";
    log.setEncoding("utf8").on("data", (chunk: string) => (logged += chunk));
    const app = await createServer({ store: failing, stages, log });
    const response = await app.inject({ url: "/api/stats" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: "internal-error", message: "internal error; the server's log has the details" } });
    expect(response.body).not.toMatch(/\bat\s/);
    expect(response.body).not.toContain("secret");
    expectSecurityHeaders(response.headers);
    expect(logged).toContain("disk on fire");
    await app.close();
  });

  it("answers without a token only to requests addressed to loopback", async () => {
    for (const host of ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "127.0.0.1"]) {
      expect((await inject({ url: "/api/health", headers: { host } })).statusCode, host).toBe(200);
    }
    const rebound = await inject({ url: "/api/health", headers: { host: "attacker.example:8080" } });
    expect(rebound.statusCode).toBe(403);
    expect(rebound.json<{ error: { code: string } }>().error.code).toBe("forbidden");
    expectSecurityHeaders(rebound.headers);
  });

  describe("the OpenAPI document", () => {
    it("is JSON in OpenAPI 3.1 that lists every route with its parameters and answers", async () => {
      const response = await inject({ url: "/openapi.json" });
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      const document = JSON.parse(response.body) as { openapi: string; info: { title: string }; paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>>; components: { schemas: Record<string, unknown> } };
      expect(document.openapi).toBe("3.1.0");
      expect(document.info.title).toBe("sitrep");
      const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
      expect(operations.sort()).toEqual(
        [
          "GET /api/health", "POST /api/analyze", "POST /api/ingest", "GET /api/events", "GET /api/events/{id}", "POST /api/events/{id}/review", "GET /api/map",
          "GET /api/timeline", "GET /api/documents/{id}", "GET /api/actors", "GET /api/places", "GET /api/outlets", "GET /api/stats", "GET /api/export",
        ].sort(),
      );
      for (const methods of Object.values(document.paths)) {
        for (const operation of Object.values(methods)) {
          expect(Object.keys(operation.responses)).toContain("500");
        }
      }
      expect(document.paths["/api/events"]?.["get"]?.parameters?.map((parameter) => parameter.name)).toEqual(
        expect.arrayContaining(["bbox", "from", "to", "type", "subType", "actor", "outlet", "alignment", "text", "minCorroboration", "includeRejected", "limit", "offset"]),
      );
      expect(document.components.schemas["ApiError"]).toBeDefined();
    });
  });
});

describe("HTTP server with a token", () => {
  let store: SqliteStore;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "sitrep-token-"));
    store = new SqliteStore(join(folder, "corpus.sqlite"));
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("refuses to start off loopback without a token, or with a short one", async () => {
    await expect(createServer({ store, stages, host: "0.0.0.0" })).rejects.toThrow(/listening on 0\.0\.0\.0 lets other machines reach the server: give a token/);
    await expect(createServer({ store, stages, host: "192.168.1.10" })).rejects.toThrow(/give a token/);
    await expect(createServer({ store, stages, host: "0.0.0.0", token: "short" })).rejects.toThrow(/at least 16 characters/);
  });

  it("requires the token for writes on a server bound to every address, and leaves reads open", async () => {
    const app = await createServer({ store, stages, host: "0.0.0.0", token: TOKEN });
    await app.listen({ host: "0.0.0.0", port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === "string") throw new Error("expected the server's port");
    const base = `http://127.0.0.1:${address.port}`;
    const analyse = (authorization?: string) =>
      fetch(`${base}/api/analyze`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization === undefined ? {} : { authorization }) },
        body: JSON.stringify({ text: "Protesters marched peacefully through Beirut on Friday.", language: "en" }),
      });
    try {
      const read = await fetch(`${base}/api/stats`);
      expect(read.status).toBe(200);
      expect(read.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      // Any Host will do: the token, not the address, guards a server that other machines reach.
      expect((await app.inject({ url: "/api/health", headers: { host: "sitrep.example.org" } })).statusCode).toBe(200);
      for (const authorization of [undefined, "Bearer wrong-token-of-some-length", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, "Bearer"]) {
        const refused = await analyse(authorization);
        expect(refused.status, authorization).toBe(401);
        expect(await refused.json()).toEqual({ error: { code: "unauthorized", message: "write requests need the server's token: send Authorization: Bearer <token>" } });
        expect(refused.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      }
      const allowed = await analyse(`Bearer ${TOKEN}`);
      expect(allowed.status).toBe(200);
      expect(((await allowed.json()) as { events: unknown[] }).events).toHaveLength(1);
      const ingest = await fetch(`${base}/api/ingest`, { method: "POST", headers: { "content-type": "application/json", authorization: `bearer ${TOKEN}` }, body: JSON.stringify({ documents: [{ text: "Five civilians were killed by gunmen in Hama on Monday.", published: "2015-05-15" }] }) });
      expect(ingest.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
