import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandTargets, type IngestItem, type IngestItemError, type TargetOptions } from "./targets.js";

const PARAGRAPH = "<p>Fighting resumed on Tuesday in the hills west of the town, residents said, after a week of calm.</p>";
const ARTICLE = PARAGRAPH.repeat(8);

const rss = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${items}</channel></rss>`;

const FEED = rss(
  `<item><title>Full</title><link>/full.html</link><guid isPermaLink="false">full-1</guid><pubDate>Fri, 15 Mar 2024 10:00:00 +0200</pubDate>` +
    `<content:encoded><![CDATA[${ARTICLE}]]></content:encoded></item>` +
    `<item><title>Teaser</title><link>https://news.example.org/teaser.html</link><description>Short.</description></item>` +
    `<item><title>Nothing</title><description>Short.</description></item>`,
);

const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  "/feed": (_request, response) => {
    response.writeHead(200, { "content-type": "application/xml; charset=utf-8" });
    response.end(FEED);
  },
  "/page": (_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(`<!doctype html><html><body>${ARTICLE}</body></html>`);
  },
  "/old-page": (_request, response) => {
    response.writeHead(301, { location: "/page" });
    response.end();
  },
  "/report.pdf": (_request, response) => {
    response.writeHead(200, { "content-type": "application/pdf" });
    response.end("%PDF-1.4");
  },
  "/broken-feed": (_request, response) => {
    response.writeHead(200, { "content-type": "application/rss+xml" });
    response.end("<rss><channel><item></channel></rss>");
  },
};

const server = createServer((request, response) => {
  const route = routes[new URL(request.url ?? "/", "http://x").pathname];
  if (route) route(request, response);
  else response.writeHead(404, "Not Found").end();
});
let base = "";
let root = "";

const options = (): TargetOptions => ({
  fetch: { timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 5, allowPrivate: true },
  maxBytes: 64 * 1024,
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  root = await mkdtemp(join(tmpdir(), "sitrep-targets-"));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

async function collect(targets: readonly string[], opts = options()): Promise<(IngestItem | IngestItemError)[]> {
  const found: (IngestItem | IngestItemError)[] = [];
  for await (const item of expandTargets(targets, opts)) found.push(item);
  return found;
}

/** What an item is, in one line: its label and its input's shape, or its error code. */
function summary(entry: IngestItem | IngestItemError): string {
  if ("error" in entry) return `${entry.label} ! ${entry.error.code}`;
  const { input } = entry;
  if (typeof input === "string" || "text" in input) return `${entry.label} text`;
  if ("html" in input) return `${entry.label} html${input.url === undefined ? "" : ` ${input.url}`}`;
  if ("url" in input) return `${entry.label} url ${input.url}`;
  return `${entry.label} bytes:${input.format ?? "auto"}`;
}

async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const directory = await mkdtemp(join(root, "tree-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(directory, path, ".."), { recursive: true });
    await writeFile(join(directory, path), content);
  }
  return directory;
}

describe("expandTargets on files and directories", () => {
  it("walks a directory in name order, reading each kind of file and passing over the rest", async () => {
    const dir = await tree({
      "b-report.html": `<!doctype html><html><body>${ARTICLE}</body></html>`,
      "a-report.txt": "Clashes near the border.",
      "c-notes.md": "# Notes",
      "plain-report": "Extensionless, sniffed as text.",
      "page-report.dat": "<!doctype html><html><body>Sniffed as HTML.</body></html>",
      ".hidden.txt": "skipped",
      ".git/config": "skipped",
      "scan.pdf": "%PDF-1.7 binary",
      "photo.jpg": Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]),
      "sitemap.xml": `<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>`,
      "nested/feed.xml": FEED,
      "nested/batch.jsonl": [
        JSON.stringify({ id: "j1", text: "First.", published: "2024-03-15", outlet: "Example", language: "en" }),
        "{not json",
        JSON.stringify({ id: "j3", url: "https://a.example/3", title: "Third" }),
      ].join("\n"),
      "nested/deeper/articles.csv": 'unit_id,article_title,article_content,source,date\r\n1,One,"First row.\r\nStill first.",outlet-a,4/5/2017\r\n2,Two,Second row.,outlet-b,10/23/2017\r\n',
    });
    const found = await collect([dir]);
    const at = (path: string): string => join(dir, path);
    expect(found.map(summary)).toEqual([
      `${at("a-report.txt")} bytes:text`,
      `${at("b-report.html")} bytes:html`,
      `${at("c-notes.md")} bytes:text`,
      `${at("nested/batch.jsonl")} line 1 text`,
      `${at("nested/batch.jsonl")} line 2 ! jsonl-invalid-line`,
      `${at("nested/batch.jsonl")} line 3 url https://a.example/3`,
      `${at("nested/deeper/articles.csv")} line 2 text`,
      `${at("nested/deeper/articles.csv")} line 4 text`,
      `${at("nested/feed.xml")} item 1 html`,
      `${at("nested/feed.xml")} item 2 url https://news.example.org/teaser.html`,
      `${at("nested/feed.xml")} item 3 ! feed-invalid`,
      `${at("page-report.dat")} bytes:html`,
      `${at("plain-report")} bytes:text`,
    ]);
    expect(found[3]).toEqual({
      label: `${at("nested/batch.jsonl")} line 1`,
      input: { text: "First." },
      metadata: { id: "j1", published: "2024-03-15", outlet: "Example", language: "en" },
      url: null,
    });
    expect(found[5]).toMatchObject({ metadata: { id: "j3", title: "Third" }, url: "https://a.example/3" });
    expect(found[6]).toEqual({
      label: `${at("nested/deeper/articles.csv")} line 2`,
      input: { text: "First row.\nStill first." },
      metadata: { id: "1", published: "2017-04-05", outlet: "outlet-a", title: "One" },
      url: null,
    });
    // A local feed's relative link has nothing to resolve against: the item keeps its HTML, without a URL.
    expect(found[8]).toMatchObject({ input: { html: ARTICLE }, metadata: { id: "full-1", title: "Full", published: "2024-03-15T10:00:00+02:00" }, url: null });
    // Items cross to worker threads.
    for (const entry of found) if (!("error" in entry)) expect(structuredClone(entry)).toEqual(entry);
  });

  it("reports a malformed feed and a file it cannot read, and carries on", async () => {
    const dir = await tree({
      "a.txt": "Before.",
      "b.rss": "<rss><channel><item><title>Unclosed</channel></rss>",
      "d.txt": "After.",
    });
    await symlink(join(dir, "nowhere.txt"), join(dir, "c-dangling.txt"));
    expect((await collect([dir])).map(summary)).toEqual([
      `${join(dir, "a.txt")} bytes:text`,
      `${join(dir, "b.rss")} ! feed-invalid`,
      `${join(dir, "c-dangling.txt")} ! input-not-found`,
      `${join(dir, "d.txt")} bytes:text`,
    ]);
  });

  it.skipIf(process.getuid?.() === 0)("reports a file without read permission", async () => {
    const dir = await tree({ "a.txt": "Readable.", "b.txt": "Locked.", "c.jsonl": '{"text":"Locked."}' });
    await chmod(join(dir, "b.txt"), 0o000);
    await chmod(join(dir, "c.jsonl"), 0o000);
    expect((await collect([dir])).map(summary)).toEqual([
      `${join(dir, "a.txt")} bytes:text`,
      `${join(dir, "b.txt")} ! input-unreadable`,
      `${join(dir, "c.jsonl")} ! input-unreadable`,
    ]);
  });

  it("does not loop on a symbolic link back up the tree", async () => {
    const dir = await tree({ "sub/a.txt": "Once." });
    await symlink(dir, join(dir, "sub", "up"));
    expect((await collect([dir])).map(summary)).toEqual([`${join(dir, "sub/a.txt")} bytes:text`]);
  });

  it("reads a file named on the command line whatever it is, and reports one that is missing", async () => {
    const dir = await tree({ "scan.pdf": "%PDF-1.7", "sitemap.xml": "<urlset></urlset>", "report": "Sniffed." });
    const missing = join(dir, "missing.txt");
    expect((await collect([join(dir, "scan.pdf"), missing, join(dir, "sitemap.xml"), join(dir, "report")])).map(summary)).toEqual([
      `${join(dir, "scan.pdf")} ! input-binary`,
      `${missing} ! input-not-found`,
      `${join(dir, "sitemap.xml")} ! feed-invalid`,
      `${join(dir, "report")} bytes:text`,
    ]);
  });

  it("reports a CSV without an article column as one error for the file", async () => {
    const dir = await tree({ "people.csv": "name,age\r\nA,1\r\n" });
    const [only, ...rest] = await collect([join(dir, "people.csv")]);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ label: join(dir, "people.csv"), error: { code: "input-format" } });
  });

  it("hands on what a CSV row gave that could not be used", async () => {
    const dir = await tree({ "a.csv": "text,date\r\nOne.,4/5/2017\r\n" });
    const [only] = await collect([join(dir, "a.csv")]);
    expect(only).toMatchObject({ metadata: {}, notes: [expect.stringContaining("no date in")] });
  });
});

describe("expandTargets on URLs", () => {
  it("turns a feed into its items: HTML when it carries the article, else the link to fetch", async () => {
    const found = await collect([`${base}/feed`]);
    expect(found.map(summary)).toEqual([
      `${base}/feed item 1 html ${base}/full.html`,
      `${base}/feed item 2 url https://news.example.org/teaser.html`,
      `${base}/feed item 3 ! feed-invalid`,
    ]);
    expect(found[0]).toEqual({
      label: `${base}/feed item 1`,
      input: { html: ARTICLE, url: `${base}/full.html` },
      metadata: { id: "full-1", title: "Full", published: "2024-03-15T10:00:00+02:00", url: `${base}/full.html` },
      url: `${base}/full.html`,
    });
    expect(found[1]).toEqual({
      label: `${base}/feed item 2`,
      input: { url: "https://news.example.org/teaser.html" },
      metadata: { title: "Teaser", url: "https://news.example.org/teaser.html" },
      url: "https://news.example.org/teaser.html",
    });
  });

  it("hands on a page as the bytes fetched, known by the URL it came from", async () => {
    const [page] = await collect([`${base}/old-page`]);
    expect(page).toMatchObject({
      label: `${base}/old-page`,
      input: { format: "html", label: `${base}/page` },
      metadata: { url: `${base}/page` },
      url: `${base}/page`,
    });
    expect(new TextDecoder().decode((page as { input: { bytes: Uint8Array } }).input.bytes)).toContain("Fighting resumed");
  });

  it("reports a URL it cannot use, and carries on", async () => {
    expect((await collect([`${base}/report.pdf`, `${base}/missing`, `${base}/broken-feed`, `${base}/page`])).map(summary)).toEqual([
      `${base}/report.pdf ! input-format`,
      `${base}/missing ! url-status`,
      `${base}/broken-feed ! feed-invalid`,
      `${base}/page bytes:html`,
    ]);
  });
});
