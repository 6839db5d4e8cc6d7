import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SourceSegment } from "../model/analysis.js";
import { extractArticle, type ExtractedArticle } from "./html.js";

const PARAGRAPH =
  "Syrian army and Hezbollah fighters took control of several hills near Arsal on Friday, a military source said, " +
  "after two days of clashes with fighters in the western Qalamoun mountains along the Lebanese border.";

const page = (body: string, head = "<title>Clashes in Qalamoun</title>") =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/** What the HTML parser makes of a run of source text, with whitespace collapsed as in rendering. */
const collapse = (text: string): string => text.replace(/[ \t\n\f\r]+/g, " ");
const decodeSource = (source: string): string => collapse(JSDOM.fragment(source).textContent ?? "");

function expectExactSourceMap(html: string, { text, sourceMap }: ExtractedArticle): void {
  let previousEnd = 0;
  const covered = new Set<number>();
  for (const segment of sourceMap) {
    expect(segment.start, JSON.stringify(segment)).toBeGreaterThanOrEqual(previousEnd);
    expect(segment.end).toBeGreaterThan(segment.start);
    expect(segment.end).toBeLessThanOrEqual(text.length);
    previousEnd = segment.end;
    const source = html.slice(segment.source_start, segment.source_end);
    const slice = text.slice(segment.start, segment.end);
    expect(decodeSource(source), `${JSON.stringify(slice)} from ${JSON.stringify(source)}`).toBe(collapse(slice));
    if (preservesLength(segment)) {
      // Same length means character to character: every offset inside maps too.
      for (let k = 0; k < slice.length; k++) expect(decodeSource(source.charAt(k))).toBe(collapse(slice.charAt(k)));
    }
    for (let k = segment.start; k < segment.end; k++) covered.add(k);
  }
  const unmapped = [...text].map((_, k) => k).filter((k) => !covered.has(k));
  expect(unmapped.map((k) => text.charAt(k)).join("")).toMatch(/^[\n ]*$/);
}

const preservesLength = (segment: SourceSegment): boolean =>
  segment.end - segment.start === segment.source_end - segment.source_start;

describe("extractArticle", () => {
  it("extracts the article's text, title and metadata", () => {
    const html = page(
      `<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
       <article><h1>Clashes in Qalamoun</h1>
       <p>${PARAGRAPH}</p>
       <p>At least 12 fighters were killed,<br> according to the Observatory.</p></article>
       <footer>© Example News</footer>`,
      `<title>Clashes in Qalamoun</title><meta property="og:site_name" content="Example News">
       <meta property="article:published_time" content="2015-05-15T10:00:00+03:00">`,
    );
    const article = extractArticle(html, { url: "https://news.example/2015/05/15/qalamoun" });
    expect(article).toMatchObject({
      text: `${PARAGRAPH}\n\nAt least 12 fighters were killed,\naccording to the Observatory.`,
      title: "Clashes in Qalamoun",
      published: "2015-05-15T10:00:00+03:00",
      outlet: "Example News",
      url: "https://news.example/2015/05/15/qalamoun",
      metadataFrom: {
        title: "html:readability",
        published: "html:meta[property=article:published_time]",
        outlet: "html:meta[property=og:site_name]",
        url: "input:url",
      },
    });
    expect(Object.keys(article).sort()).toEqual(["metadataFrom", "outlet", "published", "sourceMap", "text", "title", "url"]);
    expectExactSourceMap(html, article);
  });

  it("maps every segment exactly through references, tags, comments, scripts and CR LF", () => {
    const html = page(
      `<article>\r\n<h2>Qalamoun &amp; Arsal</h2>\r\n` +
        `<p>${PARAGRAPH}</p>\r\n` +
        `<p>The caf&eacute; owner&nbsp;said <b>twelve <i>fighters</i></b><!-- a comment --> were   killed &#8212; ` +
        `a &quot;heavy&quot; toll &#x1F4A5; near &lsquo;Flita&rsquo;&#44; &notit; &unknown; AT&T R&D &copy 2015.</p>\r\n` +
        `<script>document.write("<p>injected</p>")</script><style>p::after { content: "styled"; }</style>` +
        `<p>قال مصدر عسكري إن الجيش &#1587;&#1610;&#1591;&#1585; على التلال\r\nقرب عرسال.</p>` +
        `<pre>\r\n  raw   text\r\n\tkept</pre>` +
        `<table><tr><td>Homs</td><td>12&#160;killed</td></tr></table>` +
        `<ul><li>one</li><li>two <noscript>enable JavaScript</noscript></li></ul>` +
        `</article>`,
    );
    const article = extractArticle(html, {});
    expect(article.text).toContain(
      "The café owner\u00a0said twelve fighters were killed — a \"heavy\" toll 💥 near ‘Flita’, ¬it; &unknown; AT&T R&D © 2015.",
    );
    expect(article.text).toContain("الجيش سيطر على التلال قرب عرسال.");
    expect(article.text).toContain("  raw   text\n\tkept");
    expect(article.text).not.toMatch(/injected|styled|enable JavaScript|comment/);
    expectExactSourceMap(html, article);
  });

  it("falls back to <time datetime> in the article and to JSON-LD", () => {
    const timed = extractArticle(page(`<article><time datetime="2015-05-14">Thursday</time><p>${PARAGRAPH}</p></article>`), {});
    expect(timed).toMatchObject({ published: "2015-05-14", metadataFrom: { published: "html:time[datetime]" } });
    const ld = `<script type="application/ld+json">{"datePublished":"2015-05-13","publisher":{"name":"SANA"}}</script>`;
    const both = extractArticle(page(`<article><time datetime="2015-05-14">x</time><p>${PARAGRAPH}</p></article>`, ld), {});
    expect(both).toMatchObject({ published: "2015-05-13", outlet: "SANA" });
  });

  it("refuses a page with no article, saying how much visible text it had", () => {
    const shell = page('<div id="root"></div><script>renderApp(document.getElementById("root"))</script>');
    expect(() => extractArticle(shell, {})).toThrow(
      expect.objectContaining({
        code: "html-no-article",
        message:
          "no article text found in the HTML (0 characters of visible text); is it a JavaScript-rendered page or an index page?",
      }),
    );
    expect(() => extractArticle(page("<p>Read more</p>"), {})).toThrow(/\(9 characters of visible text\)/);
  });

  it("refuses a URL option that is not an http or https URL", () => {
    expect(() => extractArticle(page(`<p>${PARAGRAPH}</p>`), { url: "javascript:alert(1)" })).toThrow(
      expect.objectContaining({ code: "url-invalid" }),
    );
  });

  it("refuses pages nested deeper than browsers build them, quickly", () => {
    const started = performance.now();
    const deep = page(`<p>${PARAGRAPH}</p>${"<div>".repeat(600)}x${"</div>".repeat(600)}`);
    expect(() => extractArticle(deep, {})).toThrow(expect.objectContaining({ code: "input-format" }));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("extractArticle on hostile HTML", () => {
  let requests = 0;
  let origin = "";
  const server = createServer((_request, response) => {
    requests += 1;
    response.end("x");
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("runs nothing, loads nothing, and keeps payloads out of the text", async () => {
    // Each payload would reach Node's `process` if jsdom ran it.
    const escape = `this.constructor.constructor('return process')().env.SITREP_PWNED = '1'`;
    const html = page(
      `<article><p>${PARAGRAPH}</p>
       <script>${escape}</script>
       <img src="${origin}/img.png" onerror="${escape}" onload="${escape}">
       <svg onload="${escape}"><script>${escape}</script></svg>
       <iframe src="${origin}/frame" srcdoc="<script>parent.${escape}</script>"></iframe>
       <a href="javascript:${escape}">link</a>
       <template><script>${escape}</script></template>
       <script src="${origin}/evil.js"></script>
       </article>`,
      `<title>x</title><link rel="stylesheet" href="${origin}/style.css"><meta http-equiv="refresh" content="0;url=${origin}/go">`,
    );
    const article = extractArticle(html.replace("<body>", `<body onload="${escape}">`), {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(process.env.SITREP_PWNED).toBeUndefined();
    expect(requests).toBe(0);
    expect(article.text).not.toMatch(/constructor|process|SITREP/);
  });
});
