import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUrl, type FetchOptions } from "./fetch-url.js";

const ARTICLE = Buffer.from("<p>Clashes near Arsal</p>");

const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  "/article": (_request, response) => {
    response.writeHead(200, { "content-type": 'text/html; charset="ISO-8859-6"' });
    response.end(ARTICLE);
  },
  "/old": (_request, response) => {
    response.writeHead(301, { location: "/article" });
    response.end();
  },
  "/loop-a": (_request, response) => {
    response.writeHead(302, { location: "/loop-b" });
    response.end();
  },
  "/loop-b": (_request, response) => {
    response.writeHead(302, { location: "/loop-a" });
    response.end();
  },
  "/to-file": (_request, response) => {
    response.writeHead(302, { location: "file:///etc/passwd" });
    response.end();
  },
  "/missing": (_request, response) => {
    response.writeHead(404, "Not Found");
    response.end("nothing here");
  },
  "/silent": () => {
    // Never answers.
  },
  "/slow-body": (_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.write("first bytes, then nothing");
  },
  "/declared-huge": (_request, response) => {
    response.writeHead(200, { "content-type": "text/plain", "content-length": String(200 * 1024 * 1024) });
    response.write("x");
  },
  "/endless": (_request, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    const chunk = Buffer.alloc(16 * 1024, "a");
    const pump = (): void => {
      while (response.write(chunk));
      response.once("drain", pump);
    };
    pump();
  },
  "/gzip": (_request, response) => {
    response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
    response.end(gzipSync(ARTICLE));
  },
  "/gzip-bomb": (_request, response) => {
    response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
    response.end(gzipSync(Buffer.alloc(8 * 1024 * 1024)));
  },
};

let requests = 0;
const server = createServer((request, response) => {
  requests += 1;
  const route = routes[new URL(request.url ?? "/", "http://x").pathname];
  if (route) route(request, response);
  else response.writeHead(500).end();
});
let port = 0;
const at = (path: string): string => `http://127.0.0.1:${port}${path}`;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local: FetchOptions = { timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5, allowPrivate: true };

describe("fetchUrl", () => {
  it("fetches a page with its media type and charset", async () => {
    const fetched = await fetchUrl(at("/article"), local);
    expect(fetched).toMatchObject({
      url: at("/article"),
      finalUrl: at("/article"),
      status: 200,
      contentType: "text/html",
      charset: "iso-8859-6",
    });
    expect(Buffer.from(fetched.bytes).equals(ARTICLE)).toBe(true);
  });

  it("follows redirects, resolving Location against the current URL", async () => {
    expect(await fetchUrl(at("/old"), local)).toMatchObject({ url: at("/old"), finalUrl: at("/article"), status: 200 });
  });

  it("gives up on a redirect loop", async () => {
    await expect(fetchUrl(at("/loop-a"), { ...local, maxRedirects: 3 })).rejects.toMatchObject({
      code: "url-redirects",
      message: `${at("/loop-a")} redirected more than 3 times`,
    });
  });

  it("refuses a redirect to something other than http or https", async () => {
    await expect(fetchUrl(at("/to-file"), local)).rejects.toMatchObject({ code: "url-invalid" });
  });

  it("reports an error status", async () => {
    await expect(fetchUrl(at("/missing"), local)).rejects.toMatchObject({
      code: "url-status",
      message: `${at("/missing")} answered HTTP 404 Not Found`,
    });
  });

  it("times out on a server that never answers", async () => {
    const started = performance.now();
    await expect(fetchUrl(at("/silent"), { ...local, timeoutMs: 300 })).rejects.toMatchObject({
      code: "url-timeout",
      message: `${at("/silent")} did not answer within 0.3 s`,
    });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("times out on a body that stops coming", async () => {
    await expect(fetchUrl(at("/slow-body"), { ...local, timeoutMs: 300 })).rejects.toMatchObject({ code: "url-timeout" });
  });

  it("refuses a body over the limit, declared or counted", async () => {
    await expect(fetchUrl(at("/declared-huge"), local)).rejects.toMatchObject({
      code: "url-too-large",
      message: `${at("/declared-huge")} sent more than 1.0 MB (raise it with --max-bytes)`,
    });
    await expect(fetchUrl(at("/endless"), local)).rejects.toMatchObject({ code: "url-too-large" });
  });

  it("decompresses, and counts decompressed bytes against the limit", async () => {
    expect(Buffer.from((await fetchUrl(at("/gzip"), local)).bytes).equals(ARTICLE)).toBe(true);
    await expect(fetchUrl(at("/gzip-bomb"), local)).rejects.toMatchObject({ code: "url-too-large" });
  });

  it("reports a connection that fails", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchUrl(`http://127.0.0.1:${closedPort}/`, local)).rejects.toMatchObject({
      code: "url-unreachable",
      message: `could not fetch http://127.0.0.1:${closedPort}/: connection refused`,
    });
  });

  it("accepts only http and https URLs", async () => {
    for (const url of ["ftp://example.org/a", "file:///etc/passwd", "not a url", "javascript:alert(1)"]) {
      await expect(fetchUrl(url, local), url).rejects.toMatchObject({ code: "url-invalid" });
    }
  });
});

describe("fetchUrl without --allow-private", () => {
  const strict: FetchOptions = { ...local, allowPrivate: false };

  it("refuses loopback addresses, literal or looked up, without connecting", async () => {
    const before = requests;
    await expect(fetchUrl(at("/article"), strict)).rejects.toMatchObject({
      code: "url-refused",
      message: `refusing to fetch ${at("/article")}: 127.0.0.1 is a loopback address; pass --allow-private to allow it`,
    });
    await expect(fetchUrl(`http://[::1]:${port}/article`, strict)).rejects.toMatchObject({
      code: "url-refused",
      message: expect.stringContaining("::1 is a loopback address"),
    });
    await expect(fetchUrl(`http://localhost:${port}/article`, strict)).rejects.toMatchObject({
      code: "url-refused",
      message: expect.stringMatching(/^refusing to fetch http:\/\/localhost:\d+\/article: (127\.0\.0\.1|::1) is a loopback address/),
    });
    expect(requests).toBe(before);
  });
});
