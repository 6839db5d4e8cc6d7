/**
 * What makes two documents the same document: the same text (after Unicode
 * NFC normalisation) or the same canonical URL. Both backends key on these.
 */
import { createHash } from "node:crypto";

/** `sha256:` and the hex digest of the NFC form of `text`, so that composed and decomposed accents hash alike. */
export function contentHash(text: string): string {
  return `sha256:${createHash("sha256").update(text.normalize("NFC"), "utf8").digest("hex")}`;
}

/** Query parameters that only track how a reader arrived, not what they read. */
const TRACKING_PARAMETER = /^(utm_.*|fbclid)$/i;

/**
 * One spelling per URL: scheme and host lower-cased (the URL parser does
 * that), no fragment, no tracking parameters, no trailing slash on the path.
 * Throws on a string that is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new TypeError(`canonicalUrl expected an absolute URL, found ${JSON.stringify(url)}`);
  }
  parsed.hash = "";
  for (const name of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(name)) parsed.searchParams.delete(name);
  }
  if (parsed.searchParams.size === 0) parsed.search = "";
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith("/")) parsed.pathname = parsed.pathname.replace(/\/+$/, "");
  let result = parsed.toString();
  // The URL serialiser always writes "/" for an empty path of a special scheme; drop it too.
  if (parsed.pathname === "/" && parsed.search === "") result = result.replace(/\/$/, "");
  return result;
}
