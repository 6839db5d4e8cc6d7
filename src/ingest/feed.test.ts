import { describe, expect, it } from "vitest";
import { decodeFeedBytes, looksLikeFeed, parseFeed, SUBSTANTIAL_LETTERS } from "./feed.js";

const FEED_URL = "https://news.example.org/feeds/world.xml";

/** An invented article body of about 550 letters: above the threshold, unlike a one-sentence teaser. */
const ARTICLE =
  "<p>Fighting resumed on Tuesday in the hills west of the town, residents said, after a week of relative calm.</p>" +
  "<p>Local officials reported that two villages had been shelled overnight and that several families had left for the valley.</p>" +
  "<p>A spokesman for the armed group denied any involvement and accused government forces of breaking the truce.</p>" +
  "<p>Aid workers said the road to the district hospital had been closed since Monday and that supplies were running low.</p>" +
  "<p>The regional governor called for talks and said a commission would visit the area before the end of the week.</p>" +
  "<p>Residents of the nearest village said they had heard artillery fire until dawn and had seen smoke over the ridge.</p>";
const TEASER = "<p>Fighting resumed on Tuesday in the hills west of the town.</p>";

function escaped(html: string): string {
  return html.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

describe("parseFeed", () => {
  it("reads RSS 2.0 items, resolving links and normalising dates", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
          <title>World</title>
          <atom:link rel="self" href="${FEED_URL}"/>
          <item>
            <title> Clashes resume near the border </title>
            <link>/2024/03/15/clashes.html</link>
            <pubDate>Fri, 15 Mar 2024 10:00:00 +0200</pubDate>
            <guid isPermaLink="false">world-4711</guid>
            <description>${escaped(TEASER)}</description>
            <content:encoded><![CDATA[${ARTICLE}]]></content:encoded>
          </item>
          <item>
            <title>Convoy reaches the valley</title>
            <guid>https://news.example.org/2024/03/14/convoy.html</guid>
            <pubDate>Thu, 14 Mar 2024 08:30:00 GMT</pubDate>
            <description>${escaped(TEASER)}</description>
          </item>
          <item>
            <description>${escaped(ARTICLE)}</description>
            <pubDate>sometime last week</pubDate>
          </item>
        </channel>
      </rss>`;
    expect(parseFeed(xml, FEED_URL)).toEqual([
      {
        link: "https://news.example.org/2024/03/15/clashes.html",
        title: "Clashes resume near the border",
        published: "2024-03-15T10:00:00+02:00",
        html: ARTICLE,
        id: "world-4711",
      },
      {
        link: "https://news.example.org/2024/03/14/convoy.html",
        title: "Convoy reaches the valley",
        published: "2024-03-14T08:30:00Z",
        html: null,
        id: "https://news.example.org/2024/03/14/convoy.html",
      },
      { link: null, title: null, published: null, html: ARTICLE, id: null },
    ]);
  });

  it("does not take a guid that is not a permalink for a link", () => {
    const xml = `<rss version="2.0"><channel><item><guid isPermaLink="false">https://news.example.org/a</guid></item></channel></rss>`;
    expect(parseFeed(xml, FEED_URL)).toEqual([{ link: null, title: null, published: null, html: null, id: "https://news.example.org/a" }]);
  });

  it("reads RSS 1.0 (RDF) items", () => {
    const xml = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="${FEED_URL}"><title>World</title></channel>
        <item rdf:about="https://news.example.org/b">
          <title>Talks in the capital</title>
          <link>https://news.example.org/b</link>
          <dc:date>2024-03-13T09:00:00+03:00</dc:date>
        </item>
      </rdf:RDF>`;
    expect(parseFeed(xml, FEED_URL)).toEqual([
      { link: "https://news.example.org/b", title: "Talks in the capital", published: "2024-03-13T09:00:00+03:00", html: null, id: "https://news.example.org/b" },
    ]);
  });

  it("reads Atom entries: the alternate HTML link, published else updated, HTML or XHTML content", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>World</title>
        <id>tag:news.example.org,2024:world</id>
        <updated>2024-03-15T12:00:00Z</updated>
        <entry>
          <id>tag:news.example.org,2024:1</id>
          <title type="html">Clashes &amp;amp; &lt;em&gt;shelling&lt;/em&gt;&amp;nbsp;</title>
          <link rel="edit" href="/api/1"/>
          <link rel="alternate" type="application/pdf" href="/1.pdf"/>
          <link rel="alternate" type="text/html" href="/1.html"/>
          <published>2024-03-15T10:00:00+02:00</published>
          <updated>2024-03-16T10:00:00+02:00</updated>
          <summary type="html">${escaped(TEASER)}</summary>
          <content type="html">${escaped(ARTICLE)}</content>
        </entry>
        <entry>
          <id>tag:news.example.org,2024:2</id>
          <title>Convoy</title>
          <link href="https://other.example.net/2"/>
          <updated>2024-03-14</updated>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${ARTICLE}<p>Tom &amp; Jerry &lt;3</p></div></content>
        </entry>
        <entry>
          <id>tag:news.example.org,2024:3</id>
          <link href="/3.html"/>
          <content type="text">${"Plain text content of some length. ".repeat(30)}</content>
          <summary type="html">${escaped(TEASER)}</summary>
        </entry>
      </feed>`;
    const items = parseFeed(xml, FEED_URL);
    expect(items).toEqual([
      {
        link: "https://news.example.org/1.html",
        title: "Clashes & shelling",
        published: "2024-03-15T10:00:00+02:00",
        html: ARTICLE,
        id: "tag:news.example.org,2024:1",
      },
      {
        link: "https://other.example.net/2",
        title: "Convoy",
        published: "2024-03-14",
        html: `<div xmlns="http://www.w3.org/1999/xhtml">${ARTICLE}<p>Tom &amp; Jerry &lt;3</p></div>`,
        id: "tag:news.example.org,2024:2",
      },
      { link: "https://news.example.org/3.html", title: null, published: null, html: null, id: "tag:news.example.org,2024:3" },
    ]);
  });

  it("takes HTML for the article only from the threshold up", () => {
    const words = (letters: number): string => `<p>${"a".repeat(letters)}</p><img src="${"x".repeat(2000)}">`;
    const item = (html: string): string => `<rss><channel><item><link>https://a.example/</link><description>${escaped(html)}</description></item></channel></rss>`;
    expect(parseFeed(item(words(SUBSTANTIAL_LETTERS - 1)), FEED_URL)[0]?.html).toBeNull();
    expect(parseFeed(item(words(SUBSTANTIAL_LETTERS)), FEED_URL)[0]?.html).toBe(words(SUBSTANTIAL_LETTERS));
  });

  it("decodes character references but leaves entities a DOCTYPE declares unexpanded", () => {
    const xml = `<?xml version="1.0"?>
      <!DOCTYPE rss [
        <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
        <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
      ]>
      <rss><channel><item><title>&#201;tat &#x2014; &c; &a; &amp;lt;</title></item></channel></rss>`;
    expect(parseFeed(xml, FEED_URL)[0]?.title).toBe("État — &c; &a; &lt;");
  });

  it("refuses malformed XML, saying where", () => {
    expect(() => parseFeed(`<rss><channel><item><title>Open</channel></rss>`, FEED_URL)).toThrow(
      expect.objectContaining({ code: "feed-invalid", message: expect.stringMatching(/^https:\/\/news\.example\.org\/feeds\/world\.xml is not well-formed XML: .* \(line 1, column \d+\)$/) }),
    );
    expect(() => parseFeed("this is not XML", FEED_URL)).toThrow(expect.objectContaining({ code: "feed-invalid" }));
  });

  it("refuses a feed that names an external entity, or nests without end", () => {
    const external = `<!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&e;</title></item></channel></rss>`;
    expect(() => parseFeed(external, FEED_URL)).toThrow(expect.objectContaining({ code: "feed-invalid", message: expect.stringContaining("cannot be read as a feed") }));
    const deep = `<rss><channel><item><title>${"<b>".repeat(5000)}x${"</b>".repeat(5000)}</title></item></channel></rss>`;
    expect(() => parseFeed(deep, FEED_URL)).toThrow(expect.objectContaining({ code: "feed-invalid" }));
  });

  it("refuses XML that is not a feed", () => {
    expect(() => parseFeed(`<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>`, FEED_URL)).toThrow(
      expect.objectContaining({ code: "feed-invalid", message: `${FEED_URL} is XML but not a feed: its root element is <urlset>, where RSS has <rss> or <rdf:RDF> and Atom <feed>` }),
    );
    expect(() => parseFeed(`<rss version="2.0"></rss>`, FEED_URL)).toThrow(expect.objectContaining({ code: "feed-invalid", message: expect.stringContaining("without a <channel>") }));
  });
});

describe("looksLikeFeed", () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it("trusts feed media types", () => {
    expect(looksLikeFeed(bytes("anything"), "application/rss+xml")).toBe(true);
    expect(looksLikeFeed(bytes("anything"), "application/atom+xml; charset=utf-8")).toBe(true);
  });

  it("recognises a feed's root element behind a prolog, whatever the content type says", () => {
    const prolog = `\ufeff<?xml version="1.0"?>\n<?xml-stylesheet href="feed.xsl"?>\n<!-- generated -->\n<!DOCTYPE rss>\n`;
    expect(looksLikeFeed(bytes(`${prolog}<rss version="2.0">`), "text/xml")).toBe(true);
    expect(looksLikeFeed(bytes(`<feed xmlns="http://www.w3.org/2005/Atom">`), "application/xml")).toBe(true);
    expect(looksLikeFeed(bytes(`<rdf:RDF xmlns="http://purl.org/rss/1.0/">`), null)).toBe(true);
  });

  it("says no to pages and to other XML", () => {
    expect(looksLikeFeed(bytes("<!doctype html><html><body>rss</body></html>"), "text/html")).toBe(false);
    expect(looksLikeFeed(bytes(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`), "application/xml")).toBe(false);
    expect(looksLikeFeed(bytes(`<?xml version="1.0"?><urlset>`), "application/xml")).toBe(false);
    expect(looksLikeFeed(bytes("rss feed"), "text/plain")).toBe(false);
  });
});

describe("decodeFeedBytes", () => {
  it("decodes with the encoding the XML declaration names, unless the server named one", () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>`), 0xc9, ...new TextEncoder().encode("</rss>")]);
    expect(decodeFeedBytes(latin1, { label: "feed", charset: null })).toBe(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>É</rss>`);
    const utf8 = new TextEncoder().encode(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>É</rss>`);
    expect(decodeFeedBytes(utf8, { label: "feed", charset: "utf-8" })).toBe(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>É</rss>`);
  });

  it("refuses bytes that are not the UTF-8 they are taken for", () => {
    expect(() => decodeFeedBytes(Uint8Array.from([0x3c, 0x72, 0xff, 0x3e]), { label: "feed", charset: null })).toThrow(expect.objectContaining({ code: "input-encoding" }));
  });
});
