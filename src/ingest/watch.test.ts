import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchUrl } from "./fetch-url.js";
import type { TargetOptions } from "./targets.js";
import { pollFeed, readFeedList, SEEN_LIMIT, type FeedState } from "./watch.js";

interface Served {
  body: string;
  type: string;
  etag?: string;
  lastModified?: string;
}

const rss = (...guids: string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${guids
    .map((guid) => `<item><title>Item ${guid}</title><link>/articles/${guid}.html</link><guid isPermaLink="false">${guid}</guid></item>`)
    .join("")}</channel></rss>`;

const atom = (...ids: string[]): string =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${ids
    .map((id) => `<entry><id>urn:x:${id}</id><title>Entry ${id}</title><link href="/entries/${id}"/><updated>2024-03-15T10:00:00Z</updated></entry>`)
    .join("")}</feed>`;

/** What each path serves now; tests change it between polls. */
const served = new Map<string, Served>();
/** The request headers each poll sent, in order. */
const requests: IncomingHttpHeaders[] = [];

const server = createServer((request, response) => {
  requests.push(request.headers);
  const feed = served.get(new URL(request.url ?? "/", "http://x").pathname);
  if (feed === undefined) {
    response.writeHead(404).end();
    return;
  }
  const validators = {
    ...(feed.etag === undefined ? {} : { etag: feed.etag }),
    ...(feed.lastModified === undefined ? {} : { "last-modified": feed.lastModified }),
  };
  const fresh =
    (feed.etag !== undefined && request.headers["if-none-match"] === feed.etag) ||
    (feed.etag === undefined && feed.lastModified !== undefined && request.headers["if-modified-since"] === feed.lastModified);
  if (fresh) {
    response.writeHead(304, validators).end();
    return;
  }
  response.writeHead(200, { "content-type": feed.type, ...validators });
  response.end(feed.body);
});
let base = "";

const options: TargetOptions = {
  fetch: { timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5, allowPrivate: true },
  maxBytes: 1024 * 1024,
};

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  served.clear();
  requests.length = 0;
});

describe("readFeedList", () => {
  it("reads one URL per line, without comments, blank lines or repeats", () => {
    const text = [
      "# conflict feeds",
      "https://news.example.org/world.rss",
      "",
      "  https://wire.example.net/feed?lang=fr#latest   # French desk",
      "https://news.example.org/world.rss",
      "\tHTTP://Agency.example.com/atom.xml\r",
    ].join("\n");
    expect(readFeedList(text)).toEqual([
      "https://news.example.org/world.rss",
      "https://wire.example.net/feed?lang=fr#latest",
      "http://agency.example.com/atom.xml",
    ]);
  });

  it("names the line of an entry that is not an http(s) URL", () => {
    expect(() => readFeedList("https://a.example/feed\n\nftp://b.example/feed\n")).toThrow(
      expect.objectContaining({ code: "url-invalid", message: 'feed list line 3: not an http or https URL: "ftp://b.example/feed"' }),
    );
    expect(() => readFeedList("news.example.org/feed")).toThrow(expect.objectContaining({ message: expect.stringContaining("feed list line 1") }));
  });
});

describe("pollFeed", () => {
  it("polls an RSS feed with its ETag: everything first, then 304, then only what is new", async () => {
    served.set("/rss", { body: rss("a", "b"), type: "application/rss+xml", etag: '"v1"', lastModified: "Fri, 15 Mar 2024 10:00:00 GMT" });
    const url = `${base}/rss`;

    const first = await pollFeed(url, null, options);
    expect(first.status).toBe("updated");
    if (first.status !== "updated") return;
    expect(first.items.map((item) => [item.label, item.url, item.metadata.id])).toEqual([
      [`${url} item 1`, `${base}/articles/a.html`, "a"],
      [`${url} item 2`, `${base}/articles/b.html`, "b"],
    ]);
    expect(first.items[0]?.input).toEqual({ url: `${base}/articles/a.html` });
    expect(first.state).toMatchObject({ url, etag: '"v1"', lastModified: "Fri, 15 Mar 2024 10:00:00 GMT", seen: ["a", "b"] });
    expect(requests[0]?.["if-none-match"]).toBeUndefined();
    expect(requests[0]?.accept).toMatch(/^application\/rss\+xml/);

    const second = await pollFeed(url, first.state, options);
    expect(second).toEqual({ status: "not-modified", state: { ...first.state, checkedAt: expect.any(String) } });
    expect(requests[1]).toMatchObject({ "if-none-match": '"v1"', "if-modified-since": "Fri, 15 Mar 2024 10:00:00 GMT" });

    served.set("/rss", { body: rss("c", "a", "b"), type: "application/rss+xml", etag: '"v2"' });
    const third = await pollFeed(url, second.state, options);
    expect(third.status).toBe("updated");
    if (third.status !== "updated") return;
    expect(third.items.map((item) => item.metadata.id)).toEqual(["c"]);
    expect(third.state).toMatchObject({ etag: '"v2"', lastModified: null, seen: ["c", "a", "b"] });
  });

  it("polls an Atom feed with Last-Modified alone", async () => {
    served.set("/atom", { body: atom("1"), type: "application/atom+xml", lastModified: "Fri, 15 Mar 2024 10:00:00 GMT" });
    const url = `${base}/atom`;
    const first = await pollFeed(url, null, options);
    expect(first).toMatchObject({ status: "updated", items: [{ label: `${url} item 1`, metadata: { id: "urn:x:1", title: "Entry 1" } }] });
    const second = await pollFeed(url, first.state, options);
    expect(second.status).toBe("not-modified");
    expect(requests[1]?.["if-none-match"]).toBeUndefined();
    expect(requests[1]?.["if-modified-since"]).toBe("Fri, 15 Mar 2024 10:00:00 GMT");

    served.set("/atom", { body: atom("2", "1"), type: "application/atom+xml", lastModified: "Sat, 16 Mar 2024 10:00:00 GMT" });
    const third = await pollFeed(url, second.state, options);
    expect(third).toMatchObject({ status: "updated", items: [{ metadata: { id: "urn:x:2" } }], errors: [] });
    expect(third.state.lastModified).toBe("Sat, 16 Mar 2024 10:00:00 GMT");
  });

  it("polls unconditionally, and hands on everything, when the state is for another feed", async () => {
    served.set("/rss", { body: rss("a"), type: "application/rss+xml", etag: '"v1"' });
    const other: FeedState = { url: `${base}/other`, etag: '"v1"', lastModified: null, checkedAt: "2024-03-15T10:00:00.000Z", seen: ["a"] };
    const result = await pollFeed(`${base}/rss`, other, options);
    expect(result).toMatchObject({ status: "updated", items: [{ metadata: { id: "a" } }] });
    expect(requests[0]?.["if-none-match"]).toBeUndefined();
  });

  it("remembers the feed's current items and the most recent others, up to SEEN_LIMIT", async () => {
    served.set("/rss", { body: rss("new", "kept"), type: "application/rss+xml" });
    const old = Array.from({ length: SEEN_LIMIT + 50 }, (_, i) => `old-${i}`);
    const previous: FeedState = { url: `${base}/rss`, etag: null, lastModified: null, checkedAt: "2024-03-15T10:00:00.000Z", seen: ["kept", ...old] };
    const result = await pollFeed(`${base}/rss`, previous, options);
    expect(result).toMatchObject({ status: "updated", items: [{ metadata: { id: "new" } }] });
    expect(result.state.seen).toHaveLength(SEEN_LIMIT);
    expect(result.state.seen.slice(0, 3)).toEqual(["new", "kept", "old-0"]);
  });

  it("reports new items that cannot become documents", async () => {
    served.set("/rss", { body: `<rss><channel><item><title>No link</title><guid isPermaLink="false">x</guid></item></channel></rss>`, type: "text/xml" });
    const result = await pollFeed(`${base}/rss`, null, options);
    expect(result).toMatchObject({ status: "updated", items: [], errors: [{ label: `${base}/rss item 1`, error: { code: "feed-invalid" } }] });
    expect(result.state.seen).toEqual(["x"]);
  });

  it("refuses a page that is not a feed", async () => {
    served.set("/page", { body: "<!doctype html><html><body>News</body></html>", type: "text/html" });
    await expect(pollFeed(`${base}/page`, null, options)).rejects.toMatchObject({
      code: "feed-invalid",
      message: `${base}/page is not an RSS or Atom feed (it answered text/html)`,
    });
  });
});

describe("fetchUrl with conditional requests", () => {
  it("sends extra headers and returns the validators", async () => {
    served.set("/rss", { body: rss("a"), type: "application/rss+xml", etag: '"v1"', lastModified: "Fri, 15 Mar 2024 10:00:00 GMT" });
    const fetched = await fetchUrl(`${base}/rss`, { ...options.fetch, headers: { "x-probe": "1" } });
    expect(fetched).toMatchObject({ status: 200, etag: '"v1"', lastModified: "Fri, 15 Mar 2024 10:00:00 GMT" });
    expect(requests[0]?.["x-probe"]).toBe("1");
  });

  it("takes a 304 for an answer only to a conditional request", async () => {
    served.set("/rss", { body: rss("a"), type: "application/rss+xml", etag: '"v1"' });
    const notModified = await fetchUrl(`${base}/rss`, { ...options.fetch, headers: { "if-none-match": '"v1"' } });
    expect(notModified).toMatchObject({ status: 304, etag: '"v1"', bytes: new Uint8Array(0) });

    const unasked = createServer((_request, response) => response.writeHead(304).end());
    await new Promise<void>((resolve) => unasked.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(unasked.address() as AddressInfo).port}/`;
    try {
      await expect(fetchUrl(url, options.fetch)).rejects.toMatchObject({ code: "url-status", message: `${url} answered HTTP 304 Not Modified` });
    } finally {
      unasked.closeAllConnections();
      await new Promise((resolve) => unasked.close(resolve));
    }
  });
});
