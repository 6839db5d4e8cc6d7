/**
 * Publication date, outlet and canonical URL from the places publishers put
 * them, each recorded with where it was found so that a reader of the
 * analysis can check it. Sources are tried in order of how specifically they
 * say what we want; a source whose value does not parse is passed over.
 */
import type { MetadataOrigin } from "../model/analysis.js";
import { normalisePublished } from "./metadata.js";

export interface PageMetadata {
  published: string | null;
  outlet: string | null;
  url: string | null;
  from: MetadataOrigin;
}

interface Page {
  document: Document;
  jsonLd: JsonLdFacts;
}

interface Source {
  origin: string;
  read: (page: Page) => string | null;
}

const PUBLISHED: readonly Source[] = [
  meta("property", "article:published_time"),
  meta("name", "date"),
  meta("itemprop", "datePublished"),
  { origin: "html:json-ld:datePublished", read: (page) => page.jsonLd.datePublished },
];

const OUTLET: readonly Source[] = [
  meta("property", "og:site_name"),
  { origin: "html:json-ld:publisher.name", read: (page) => page.jsonLd.publisher },
  meta("name", "application-name"),
];

const URL_SOURCES: readonly Source[] = [
  {
    origin: "html:link[rel=canonical]",
    read: (page) => page.document.querySelector('link[rel~="canonical" i][href]')?.getAttribute("href") ?? null,
  },
  meta("property", "og:url"),
];

/**
 * Reads the document's metadata. Call it before Readability, which removes
 * the <script> elements that carry JSON-LD.
 */
export function readPageMetadata(document: Document, pageUrl: string | null): PageMetadata {
  const page: Page = { document, jsonLd: readJsonLd(document) };
  const from: MetadataOrigin = {};
  const published = pick(PUBLISHED, page, normalisePublished);
  const outlet = pick(OUTLET, page, (value) => value.replace(/\s+/g, " ").trim() || null);
  const url = pick(URL_SOURCES, page, (value) => absoluteHttpUrl(value, pageUrl));
  if (published !== null) from.published = published.origin;
  if (outlet !== null) from.outlet = outlet.origin;
  if (url !== null) from.url = url.origin;
  return { published: published?.value ?? null, outlet: outlet?.value ?? null, url: url?.value ?? null, from };
}

/**
 * The first <time datetime> of the article: the weakest source of a
 * publication date, since an article may also date the events it reports.
 */
export function readArticleTime(article: Element): string | null {
  for (const time of article.querySelectorAll("time[datetime]")) {
    const published = normalisePublished(time.getAttribute("datetime") ?? "");
    if (published !== null) return published;
  }
  return null;
}

/** `value` resolved against the page's URL when it is relative; null unless http or https. */
export function absoluteHttpUrl(value: string, base: string | null): string | null {
  try {
    const url = base === null ? new URL(value.trim()) : new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function meta(attribute: "property" | "name" | "itemprop", value: string): Source {
  return {
    origin: `html:meta[${attribute}=${value}]`,
    read: (page) => page.document.querySelector(`meta[${attribute}="${value}" i][content]`)?.getAttribute("content") ?? null,
  };
}

function pick(
  sources: readonly Source[],
  page: Page,
  normalise: (value: string) => string | null,
): { value: string; origin: string } | null {
  for (const source of sources) {
    const raw = source.read(page);
    const value = raw === null ? null : normalise(raw);
    if (value !== null) return { value, origin: source.origin };
  }
  return null;
}

interface JsonLdFacts {
  datePublished: string | null;
  publisher: string | null;
}

/** The facts we use from schema.org JSON-LD: top-level items and those of an @graph. */
function readJsonLd(document: Document): JsonLdFacts {
  const items: Record<string, unknown>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // Broken JSON-LD is common; it only means this source says nothing.
    }
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
      if (!isObject(item)) continue;
      items.push(item);
      if (Array.isArray(item["@graph"])) items.push(...item["@graph"].filter(isObject));
    }
  }
  const facts: JsonLdFacts = { datePublished: null, publisher: null };
  for (const item of items) {
    if (facts.datePublished === null && typeof item.datePublished === "string") facts.datePublished = item.datePublished;
    facts.publisher ??= publisherName(item.publisher);
  }
  return facts;
}

function publisherName(value: unknown): string | null {
  const publisher = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof publisher === "string") return publisher;
  return isObject(publisher) && typeof publisher.name === "string" ? publisher.name : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
