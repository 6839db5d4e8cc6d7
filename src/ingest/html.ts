/**
 * An article's text out of a web page, with every character of that text
 * traceable to the characters of the HTML it was decoded from.
 *
 * The page is parsed by jsdom, which neither runs scripts nor loads anything
 * unless told to, and which records where each node came from in the source.
 * Readability then picks the article; it moves the page's own nodes rather
 * than copying them, so the text nodes it keeps still know their source.
 */
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import type { MetadataOrigin, SourceSegment } from "../model/analysis.js";
import { SitrepError } from "../model/errors.js";
import { MAX_HTML_DEPTH, nestsDeeperThan } from "./html-depth.js";
import { absoluteHttpUrl, readArticleTime, readPageMetadata, type PageMetadata } from "./html-metadata.js";
import { createReferenceDecoder } from "./html-source-align.js";
import { renderText } from "./html-text.js";

export interface ExtractedArticle {
  text: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  /** For every piece of `text` that came from the HTML, the range of the HTML it came from. */
  sourceMap: SourceSegment[];
  /** Where each metadata field was found, e.g. "html:meta[property=og:site_name]", "input:url". */
  metadataFrom: MetadataOrigin;
}

/** Fewer letters than this is a navigation fragment or a cookie banner, not an article. */
const ARTICLE_LETTERS = /(?:\P{L}*\p{L}){25}/u;

export function extractArticle(html: string, options: { url?: string }): ExtractedArticle {
  const pageUrl = options.url === undefined ? null : absoluteHttpUrl(options.url, null);
  if (options.url !== undefined && pageUrl === null) {
    throw new SitrepError("url-invalid", `not an http or https URL: ${options.url}`);
  }
  const dom = parse(html, pageUrl);
  try {
    if (nestsDeeperThan(dom.window.document, MAX_HTML_DEPTH)) throw tooDeep();
    const page = readPageMetadata(dom.window.document, pageUrl);
    const article = new Readability(dom.window.document, { serializer: (element: Node) => element }).parse();
    const content = article?.content;
    if (!(content instanceof dom.window.Element)) throw noArticle(html);
    const { text, sourceMap } = renderText(dom, html, content, createReferenceDecoder());
    if (!ARTICLE_LETTERS.test(text)) throw noArticle(html);
    return { text, sourceMap, ...completeMetadata(page, content, article?.title, pageUrl) };
  } finally {
    dom.window.close();
  }
}

type ArticleMetadata = Pick<ExtractedArticle, "title" | "published" | "outlet" | "url" | "metadataFrom">;

/** The page's metadata, completed with what only the article and the caller know. */
function completeMetadata(
  page: PageMetadata,
  content: Element,
  readabilityTitle: string | null | undefined,
  pageUrl: string | null,
): ArticleMetadata {
  const { from, ...values } = page;
  const title = readabilityTitle?.replace(/\s+/g, " ").trim() || null;
  const metadata: ArticleMetadata = { ...values, title, metadataFrom: { ...from } };
  if (metadata.title !== null) metadata.metadataFrom.title = "html:readability";
  if (metadata.published === null) {
    metadata.published = readArticleTime(content);
    if (metadata.published !== null) metadata.metadataFrom.published = "html:time[datetime]";
  }
  if (metadata.url === null && pageUrl !== null) {
    metadata.url = pageUrl;
    metadata.metadataFrom.url = "input:url";
  }
  return metadata;
}

function noArticle(html: string): SitrepError {
  return new SitrepError(
    "html-no-article",
    `no article text found in the HTML (${visibleTextLength(html)} characters of visible text); ` +
      `is it a JavaScript-rendered page or an index page?`,
  );
}

function parse(html: string, url: string | null): JSDOM {
  try {
    return new JSDOM(html, {
      includeNodeLocations: true,
      // A page's broken CSS or console calls are not findings about the article; keep them off stderr.
      virtualConsole: new VirtualConsole(),
      ...(url === null ? {} : { url }),
    });
  } catch (error) {
    // jsdom recurses once per level of nesting while it builds the tree.
    if (error instanceof RangeError) throw tooDeep(error);
    throw error;
  }
}

function tooDeep(cause?: unknown): SitrepError {
  return new SitrepError(
    "input-format",
    `the HTML nests elements more than ${MAX_HTML_DEPTH} levels deep, deeper than browsers build pages; sitrep does not read it`,
    { cause },
  );
}

/** For the error message only: Readability has taken the first parse apart by the time we need it. */
function visibleTextLength(html: string): number {
  const dom = parse(html, null);
  try {
    return renderText(dom, html, dom.window.document.body, createReferenceDecoder()).text.length;
  } finally {
    dom.window.close();
  }
}
