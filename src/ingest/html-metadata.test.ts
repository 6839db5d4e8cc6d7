import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { absoluteHttpUrl, readArticleTime, readPageMetadata } from "./html-metadata.js";

const documentOf = (head: string, body = ""): Document =>
  new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document;

const jsonLd = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe("readPageMetadata", () => {
  it("reads Open Graph and article meta tags, saying where each value came from", () => {
    const document = documentOf(
      '<meta property="article:published_time" content="2015-05-15T10:00:00+0300">' +
        '<meta property="og:site_name" content=" Al  Manar ">' +
        '<meta property="og:url" content="https://example.org/og">' +
        '<link rel="canonical" href="/2015/05/qalamoun">',
    );
    expect(readPageMetadata(document, "https://example.org/amp/x?utm=1")).toEqual({
      published: "2015-05-15T10:00:00+03:00",
      outlet: "Al Manar",
      url: "https://example.org/2015/05/qalamoun",
      from: {
        published: "html:meta[property=article:published_time]",
        outlet: "html:meta[property=og:site_name]",
        url: "html:link[rel=canonical]",
      },
    });
  });

  it("passes over a value that does not parse and takes the next source", () => {
    const document = documentOf(
      '<meta property="article:published_time" content="vendredi 15 mai">' +
        '<meta name="Date" content="2015-05-15">' +
        '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://example.org/a">',
    );
    expect(readPageMetadata(document, null)).toMatchObject({
      published: "2015-05-15",
      url: "https://example.org/a",
      from: { published: "html:meta[name=date]", url: "html:meta[property=og:url]" },
    });
  });

  it("reads JSON-LD, within an @graph too, and survives broken JSON-LD", () => {
    const document = documentOf(
      '<script type="application/ld+json">{ not json</script>' +
        jsonLd({
          "@context": "https://schema.org",
          "@graph": [
            { "@type": "WebSite" },
            {
              "@type": "NewsArticle",
              datePublished: "2024-03-15T08:00:00Z",
              publisher: { "@type": "Organization", name: "Enab Baladi" },
            },
          ],
        }),
    );
    expect(readPageMetadata(document, null)).toEqual({
      published: "2024-03-15T08:00:00Z",
      outlet: "Enab Baladi",
      url: null,
      from: { published: "html:json-ld:datePublished", outlet: "html:json-ld:publisher.name" },
    });
  });

  it("prefers explicit meta tags to JSON-LD, and JSON-LD to application-name", () => {
    const document = documentOf(
      jsonLd([{ datePublished: "2024-01-01", publisher: [{ name: "From JSON-LD" }] }]) +
        '<meta itemprop="datePublished" content="2024-02-02"><meta name="application-name" content="App">',
    );
    expect(readPageMetadata(document, null)).toMatchObject({
      published: "2024-02-02",
      outlet: "From JSON-LD",
      from: { published: "html:meta[itemprop=datePublished]", outlet: "html:json-ld:publisher.name" },
    });
    expect(readPageMetadata(documentOf('<meta name="application-name" content="App">'), null)).toMatchObject({
      outlet: "App",
      from: { outlet: "html:meta[name=application-name]" },
    });
  });

  it("finds nothing in a bare page", () => {
    expect(readPageMetadata(documentOf(""), null)).toEqual({ published: null, outlet: null, url: null, from: {} });
  });
});

describe("readArticleTime", () => {
  it("takes the first <time datetime> that parses", () => {
    const document = documentOf("", '<article><time datetime="soon">x</time><time datetime="2015-05-14">y</time></article>');
    expect(readArticleTime(document.body)).toBe("2015-05-14");
    expect(readArticleTime(documentOf("", "<p>no time</p>").body)).toBeNull();
  });
});

describe("absoluteHttpUrl", () => {
  it("resolves relative URLs and keeps only http and https", () => {
    expect(absoluteHttpUrl("../b", "https://example.org/a/c")).toBe("https://example.org/b");
    expect(absoluteHttpUrl("/b", null)).toBeNull();
    expect(absoluteHttpUrl("javascript:alert(1)", "https://example.org/")).toBeNull();
    expect(absoluteHttpUrl("file:///etc/passwd", null)).toBeNull();
  });
});
