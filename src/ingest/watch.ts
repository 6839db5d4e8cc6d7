/**
 * Feeds polled for `sitrep watch`. Each poll is a conditional request, so a
 * feed that has not changed costs its server a 304 and us nothing; and of a
 * feed that has, only the items not handed on before are handed on.
 */
import { createHash } from "node:crypto";
import { SitrepError } from "../model/errors.js";
import { decodeFeedBytes, looksLikeFeed, parseFeed, type FeedItem } from "./feed.js";
import { fetchUrl } from "./fetch-url.js";
import { absoluteHttpUrl } from "./html-metadata.js";
import { feedItemToIngest, type IngestItem, type IngestItemError, type TargetOptions } from "./targets.js";

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** ISO 8601, when the feed was last polled. */
  checkedAt: string;
  /** Keys (id, else link) of the items already handed on, newest first; see SEEN_LIMIT. */
  seen: string[];
}

export type PollResult =
  | { status: "not-modified"; state: FeedState }
  /** The feed was read anew: `items` are the ones not handed on before (there may be none), `errors` new items that cannot become documents (no link and no article). */
  | { status: "updated"; items: IngestItem[]; errors: IngestItemError[]; state: FeedState };

/**
 * How many item keys a feed's state keeps besides those of the feed's
 * current items, which are always kept (else they would come back as new on
 * the next poll). Feeds list their last 10 to 100 items; remembering ten
 * times that covers items that drop out and come back (a feed served by
 * caches of different ages, a reordered feed) while the state, stored
 * after every poll, stays under a hundred kilobytes per feed.
 */
export const SEEN_LIMIT = 1000;

const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

/** One http(s) URL per line; blank lines and comments (from a # at the start or after a space) are ignored, repeats dropped. */
export function readFeedList(text: string): string[] {
  const urls: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    // A URL holds no spaces, so " #" cannot be part of one; "#" right after a character is a fragment.
    const entry = raw.replace(/(?:^|\s)#.*$/, "").trim();
    if (entry === "") continue;
    const url = absoluteHttpUrl(entry, null);
    if (url === null) throw new SitrepError("url-invalid", `feed list line ${index + 1}: not an http or https URL: ${JSON.stringify(entry)}`);
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

/** `previous` is the state the last poll of this URL returned; a state for another URL is ignored. */
export async function pollFeed(url: string, previous: FeedState | null, options: TargetOptions): Promise<PollResult> {
  const known = previous?.url === url ? previous : null;
  const headers: Record<string, string> = { ...options.fetch.headers, accept: FEED_ACCEPT };
  if (known !== null && known.etag !== null) headers["if-none-match"] = known.etag;
  if (known !== null && known.lastModified !== null) headers["if-modified-since"] = known.lastModified;
  const fetched = await fetchUrl(url, { ...options.fetch, headers });
  const checkedAt = new Date().toISOString();
  // fetchUrl accepts a 304 only for a conditional request, and only a known feed gets one.
  if (fetched.status === 304 && known !== null) {
    // A 304 may leave the validators out; the ones it answered to still hold.
    const validators = { etag: fetched.etag ?? known.etag, lastModified: fetched.lastModified ?? known.lastModified };
    return { status: "not-modified", state: { ...known, ...validators, checkedAt } };
  }
  if (!looksLikeFeed(fetched.bytes, fetched.contentType)) {
    throw new SitrepError("feed-invalid", `${url} is not an RSS or Atom feed (it answered ${fetched.contentType ?? "without a content type"})`);
  }
  const feed = parseFeed(decodeFeedBytes(fetched.bytes, { label: url, charset: fetched.charset }), fetched.finalUrl);

  const seen = new Set(known?.seen ?? []);
  const keys = feed.map(itemKey);
  const items: IngestItem[] = [];
  const errors: IngestItemError[] = [];
  for (const [index, item] of feed.entries()) {
    const key = keys[index] as string;
    if (seen.has(key)) continue;
    // A feed that lists an item twice hands it on once.
    seen.add(key);
    const entry = feedItemToIngest(item, `${url} item ${index + 1}`);
    if ("error" in entry) errors.push(entry);
    else items.push(entry);
  }
  const remembered = [...new Set([...keys, ...(known?.seen ?? [])])].slice(0, Math.max(SEEN_LIMIT, keys.length));
  const state: FeedState = { url, etag: fetched.etag, lastModified: fetched.lastModified, checkedAt, seen: remembered };
  return { status: "updated", items, errors, state };
}

/** What identifies an item from one poll to the next: its id, else its link, else what it says. */
function itemKey(item: FeedItem): string {
  if (item.id !== null) return item.id;
  if (item.link !== null) return item.link;
  return `sha256:${createHash("sha256").update(JSON.stringify([item.title, item.published, item.html])).digest("hex")}`;
}
