import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSitrepInProcess } from "../test-support/cli.js";

/** An invented article long enough that the feed's HTML is taken as the article itself. */
function article(town: string, day: string): string {
  const sentence = `Syrian troops shelled rebel positions near ${town} on ${day}, killing four fighters, a monitor said. `;
  return `<p>${sentence.repeat(8)}</p>`;
}

function rss(items: { id: string; town: string; day: string }[]): string {
  const entries = items
    .map((item) => `<item><guid>${item.id}</guid><title>Shelling near ${item.town}</title><link>https://news.example/${item.id}</link><pubDate>Fri, 15 May 2015 10:00:00 GMT</pubDate><description><![CDATA[${article(item.town, item.day)}]]></description></item>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example news</title><link>https://news.example/</link>${entries}</channel></rss>`;
}

describe("sitrep watch", () => {
  let server: Server;
  let feed = rss([{ id: "a1", town: "Homs", day: "Wednesday" }]);
  let version = 1;
  const requests: { ifNoneMatch: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({ ifNoneMatch: request.headers["if-none-match"] });
      const etag = `"v${version}"`;
      if (request.headers["if-none-match"] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(feed);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("ingests new items, asks conditionally, and takes only what changed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-watch-"));
    const list = join(dir, "feeds.txt");
    const { port } = server.address() as AddressInfo;
    writeFileSync(list, `# feeds to watch\nhttp://127.0.0.1:${port}/feed.xml\n`);
    const watch = () => runSitrepInProcess("watch", list, "--db", join(dir, "corpus.sqlite"), "--once", "--allow-private", "--format", "json");

    const first = await watch();
    expect(first.stderr).toBe("");
    expect(JSON.parse(first.stdout)).toMatchObject({ stored: 1, failed: 0, corpus: { documents: 1 } });

    const unchanged = await watch();
    expect(requests.at(-1)?.ifNoneMatch).toBe('"v1"');
    expect(JSON.parse(unchanged.stdout)).toMatchObject({ stored: 0, corpus: { documents: 1 } });

    feed = rss([{ id: "a2", town: "Hama", day: "Thursday" }, { id: "a1", town: "Homs", day: "Wednesday" }]);
    version = 2;
    const changed = await watch();
    expect(JSON.parse(changed.stdout)).toMatchObject({ stored: 1, skipped: 0, corpus: { documents: 2 } });
  });

  it("says what is wrong with a feed list and with a feed, and exits non-zero", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-watch-"));
    const list = join(dir, "feeds.txt");
    writeFileSync(list, "not a url\n");
    const bad = await runSitrepInProcess("watch", list, "--db", join(dir, "corpus.sqlite"), "--once");
    expect(bad.status).toBe(65);
    expect(bad.stderr).toMatch(/line 1: not an http or https URL/);

    const { port } = server.address() as AddressInfo;
    const unreachable = join(dir, "down.txt");
    // A closed port on loopback: the feed is down, the run says so and goes on.
    writeFileSync(unreachable, `http://127.0.0.1:${port + 1}/feed.xml\nhttp://127.0.0.1:${port}/feed.xml\n`);
    const down = await runSitrepInProcess("watch", unreachable, "--db", join(dir, "corpus.sqlite"), "--once", "--allow-private", "--format", "json");
    expect(down.status).toBe(65);
    expect(down.stderr).toMatch(new RegExp(`127\\.0\\.0\\.1:${port + 1}/feed\\.xml: `));
    expect(JSON.parse(down.stdout)).toMatchObject({ failed: 1, corpus: { documents: 2 } });
  });
});
