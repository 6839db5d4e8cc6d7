/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds read into their items: where each
 * article is, what it is called, when it was published and, when the feed
 * carries the article itself, its HTML.
 */
import { ALL_ENTITIES, ENTITY_ACTION, EntityDecoder } from "@nodable/entities";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { SitrepError } from "../model/errors.js";
import { decodeBytes } from "./decode.js";
import { absoluteHttpUrl } from "./html-metadata.js";
import { normalisePublished } from "./metadata.js";

export interface FeedItem {
  /** Absolute http(s) URL of the article, resolved against the feed's URL. */
  link: string | null;
  title: string | null;
  /** Normalised by normalisePublished; null when absent or in a form it does not read. */
  published: string | null;
  /** The article's HTML when the feed carries enough of it to stand for the article (see SUBSTANTIAL_LETTERS). */
  html: string | null;
  /** The RSS guid, the RSS 1.0 rdf:about or the Atom id. */
  id: string | null;
}

/**
 * Feed HTML shorter than this many letters is taken for a teaser, and the
 * article is fetched from its link instead. WordPress cuts its automatic
 * excerpts at 55 words (about 300 letters) and news feeds summarise in one or
 * two sentences, while an article worth analysing runs to several paragraphs:
 * 500 letters (about 100 words) sits between the two. Letters rather than
 * characters, so that spaces, digits and punctuation count for nothing, in
 * any script.
 */
export const SUBSTANTIAL_LETTERS = 500;

/** Media types that name a feed outright; generic XML is recognised by its root element. */
const FEED_MEDIA_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/rdf+xml"]);

/** Decodes what HTML escapes, for the text of an Atom title written as HTML. */
const HTML_REFERENCES = new EntityDecoder({ namedEntities: ALL_ENTITIES, numericAllowed: true });

/** Whatever may come before the root element: spaces, the XML declaration, processing instructions, comments, a DOCTYPE. */
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*/i;
const FEED_ROOT = /^<(?:rss|feed|rdf:RDF)[\s>/]/;
/** Enough for a prolog with a licence comment or a stylesheet instruction. */
const SNIFF_BYTES = 4096;

export function looksLikeFeed(bytes: Uint8Array, contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? null;
  if (type !== null && FEED_MEDIA_TYPES.has(type)) return true;
  // Latin-1 maps each byte to one character, so ASCII markup reads the same whatever the real encoding.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\u00ef\u00bb\u00bf/, "");
  const rest = head.slice(PROLOG.exec(head)?.[0].length ?? 0);
  if (!FEED_ROOT.test(rest)) return false;
  // An RDF document is a feed only when it is RSS 1.0.
  return !rest.startsWith("<rdf:RDF") || rest.includes("http://purl.org/rss/1.0/");
}

/**
 * The feed's text. The charset the server sent wins over the XML declaration
 * (RFC 7303 §3.2); without either, XML is UTF-8.
 */
export function decodeFeedBytes(bytes: Uint8Array, options: { label: string; charset: string | null }): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 256));
  const declared = /^(?:\u00ef\u00bb\u00bf)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1] ?? null;
  const encoding = (options.charset ?? declared)?.toLowerCase();
  // Named UTF-8 is left to the strict default decoder: decoding it as a named encoding would hide invalid bytes.
  const named = encoding === undefined || encoding === "utf-8" || encoding === "utf8" ? {} : { encoding };
  return decodeBytes(bytes, { label: options.label, ...named }).text;
}

export function parseFeed(xml: string, feedUrl: string): FeedItem[] {
  const root = parseRoot(xml, feedUrl);
  switch (root.name) {
    case "rss": {
      const channel = child(root, "channel");
      if (channel === null) throw new SitrepError("feed-invalid", `${feedUrl} is an RSS document without a <channel>`);
      return children(channel, "item").map((item) => rssItem(item, feedUrl));
    }
    case "rdf:RDF":
      return children(root, "item").map((item) => rssItem(item, feedUrl));
    case "feed":
      return children(root, "entry").map((entry) => atomEntry(entry, feedUrl));
    default:
      throw new SitrepError(
        "feed-invalid",
        `${feedUrl} is XML but not a feed: its root element is <${root.name}>, where RSS has <rss> or <rdf:RDF> and Atom <feed>`,
      );
  }
}

/** An element as fast-xml-parser gives it with preserveOrder: its name maps to its children, ":@" to its attributes. */
type OrderedNode = Record<string, unknown>;

interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlNode[];
  /** The parser's own node, kept so that XHTML content can be written back out by the library. */
  source: OrderedNode;
}
type XmlNode = XmlElement | string;

function parseRoot(xml: string, feedUrl: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new SitrepError("feed-invalid", `${feedUrl} is not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    // Text exactly as written: titles such as "2024" stay strings, spaces stay for HTML.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    // The five XML entities and character references are decoded (fast-xml-parser's default
    // decoder leaves &#233; alone). Entities a DOCTYPE declares are refused, left as written:
    // feeds have no use for them, and declared entities are how a small file expands into
    // gigabytes (billion laughs). External entities are never read: the parser refuses the
    // document (below), so no file or URL a feed names is opened.
    entityDecoder: new EntityDecoder({ numericAllowed: true, onInputEntity: () => ENTITY_ACTION.BLOCK }),
  });
  let parsed: OrderedNode[];
  try {
    parsed = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    // What the validator lets through and the parser refuses: external entities, nesting past its limit.
    const reason = error instanceof Error ? error.message : String(error);
    throw new SitrepError("feed-invalid", `${feedUrl} cannot be read as a feed: ${reason}`, { cause: error });
  }
  const top = parsed.map(toNode).filter(isElement);
  const root = top.find((node) => !node.name.startsWith("?"));
  if (root === undefined) throw new SitrepError("feed-invalid", `${feedUrl} holds no XML element: it is not a feed`);
  return root;
}

function rssItem(item: XmlElement, base: string): FeedItem {
  const guid = child(item, "guid");
  const id = trimmed(guid === null ? (item.attributes["rdf:about"] ?? null) : textOf(guid));
  // RSS 2.0: a guid is the article's permanent URL unless isPermaLink says otherwise.
  const guidLink = guid !== null && guid.attributes.isPermaLink !== "false" ? id : null;
  const link = linkFrom(trimmed(childText(item, "link")), base) ?? linkFrom(guidLink, base);
  const published = [childText(item, "pubDate"), childText(item, "dc:date")].map(dateFrom).find((date) => date !== null) ?? null;
  const html = [childText(item, "content:encoded"), childText(item, "description")].find(isSubstantial) ?? null;
  return { link, title: trimmed(childText(item, "title")), published, html, id };
}

function atomEntry(entry: XmlElement, base: string): FeedItem {
  // "updated" is required where "published" is not, and it dates the version of the text the feed carries.
  const published = dateFrom(childText(entry, "published")) ?? dateFrom(childText(entry, "updated"));
  const html = [child(entry, "content"), child(entry, "summary")].map(atomHtml).find(isSubstantial) ?? null;
  return { link: atomLink(entry, base), title: atomText(child(entry, "title")), published, html, id: trimmed(childText(entry, "id")) };
}

/** An Atom text construct as a reader sees it: of type html, its markup dropped and its references decoded. */
function atomText(element: XmlElement | null): string | null {
  if (element === null) return null;
  const text = textOf(element);
  return trimmed(element.attributes.type === "html" ? HTML_REFERENCES.decode(text.replace(/<[^>]*>/g, "")) : text);
}

/** The entry's alternate link, an HTML one first; a link without rel is an alternate link. */
function atomLink(entry: XmlElement, base: string): string | null {
  const alternates = children(entry, "link").filter((link) => (link.attributes.rel ?? "alternate") === "alternate");
  const preferred = alternates.find((link) => /^(?:text\/html|application\/xhtml\+xml)?$/i.test(link.attributes.type ?? "")) ?? alternates[0];
  return linkFrom(preferred?.attributes.href ?? null, base);
}

/** Atom content or summary as HTML; text content is not HTML, and content with src is elsewhere. */
function atomHtml(element: XmlElement | null): string | null {
  if (element === null || element.attributes.src !== undefined) return null;
  const type = element.attributes.type ?? "text";
  if (type === "html") return textOf(element);
  if (type !== "xhtml") return null;
  const wrapper = element.children.find(isElement);
  if (wrapper === undefined) return null;
  // Written back out by the library, so that entities and attributes are escaped as they must be.
  return new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "" }).build([wrapper.source]) as string;
}

/**
 * Whether feed HTML is long enough to be the article. Counting only needs
 * markup out of the way, not parsed, so tags and comments are dropped by
 * pattern; the odd "<" in an attribute shifts the count by a few letters.
 */
function isSubstantial(html: string | null): html is string {
  if (html === null) return false;
  const letters = html.replace(/<!--[\s\S]*?-->|<[^>]*>/g, " ").match(/\p{L}/gu)?.length ?? 0;
  return letters >= SUBSTANTIAL_LETTERS;
}

function linkFrom(value: string | null, base: string): string | null {
  return value === null ? null : absoluteHttpUrl(value, base);
}

function dateFrom(value: string | null): string | null {
  return value === null ? null : normalisePublished(value);
}

function toNode(node: OrderedNode): XmlNode {
  const text = node["#text"];
  if (typeof text === "string") return text;
  const name = Object.keys(node).find((key) => key !== ":@") ?? "";
  const content = node[name];
  const attributes = (node[":@"] ?? {}) as Record<string, string>;
  return { name, attributes, children: Array.isArray(content) ? (content as OrderedNode[]).map(toNode) : [], source: node };
}

function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== "string";
}

function children(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((node): node is XmlElement => isElement(node) && node.name === name);
}

function child(parent: XmlElement, name: string): XmlElement | null {
  return children(parent, name)[0] ?? null;
}

function childText(parent: XmlElement, name: string): string | null {
  const element = child(parent, name);
  return element === null ? null : textOf(element);
}

/** All the text inside an element, CDATA included, markup left out. */
function textOf(element: XmlElement): string {
  return element.children.map((node) => (isElement(node) ? textOf(node) : node)).join("");
}

function trimmed(value: string | null): string | null {
  const text = value?.trim() ?? "";
  return text === "" ? null : text;
}
