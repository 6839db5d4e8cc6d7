/**
 * Fetches a web page for analysis, treating the URL as untrusted: it may
 * come from a document, and it may redirect anywhere.
 *
 * Written on node:http rather than fetch() because the address check must
 * apply to the address actually connected to, after DNS resolution, on every
 * redirect hop; fetch() neither exposes the resolved address nor lets a
 * lookup be substituted per request. Here each hop gets a lookup that refuses
 * non-public addresses (address-policy.ts) and IP literals are checked before
 * connecting.
 */
import http from "node:http";
import https from "node:https";
import { pipeline } from "node:stream";
import zlib from "node:zlib";
import { SitrepError, isSitrepError } from "../model/errors.js";
import { VERSION } from "../version.js";
import { checkLiteralHost, createGuardedLookup } from "./address-policy.js";
import { formatBytes } from "./size.js";

export interface FetchOptions {
  /** For the whole fetch: every connection, redirect, header and body byte. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Allow loopback, private, link-local and other non-public addresses. */
  allowPrivate: boolean;
  userAgent?: string;
  /**
   * Extra request headers, names in lower case; each replaces the default of
   * the same name (accept, for one). With If-None-Match or If-Modified-Since
   * among them, a 304 answer is a result rather than an error.
   */
  headers?: Readonly<Record<string, string>>;
}

export interface FetchedResource {
  /** The URL asked for, normalised. */
  url: string;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  status: number;
  /** The media type without parameters, lower-cased, e.g. "text/html". */
  contentType: string | null;
  /** The charset parameter of the Content-Type, lower-cased. */
  charset: string | null;
  /** The body, decompressed; empty for a 304. */
  bytes: Uint8Array;
  /** The validators to send back in a conditional request, as the server wrote them. */
  etag: string | null;
  lastModified: string | null;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CONDITIONAL_HEADERS = ["if-none-match", "if-modified-since"];

export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchedResource> {
  const requested = parseHttpUrl(url, url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let current = requested;
  // A 304 to a request that asked nothing conditional would hand an empty body to a caller expecting a page.
  const conditional = CONDITIONAL_HEADERS.some((name) => options.headers?.[name] !== undefined);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await send(current, options, controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        response.destroy();
        if (redirects >= options.maxRedirects) {
          throw new SitrepError("url-redirects", `${requested.href} redirected more than ${options.maxRedirects} times`);
        }
        current = parseHttpUrl(location, `the redirect from ${current.href} to ${location}`, current);
        continue;
      }
      if (status === 304 && conditional) {
        response.destroy();
        const empty = { contentType: null, charset: null, bytes: new Uint8Array(0) };
        return { url: requested.href, finalUrl: current.href, status, ...empty, ...validators(response) };
      }
      if (status < 200 || status > 299) {
        response.destroy();
        const reason = response.statusMessage ? ` ${response.statusMessage}` : "";
        throw new SitrepError("url-status", `${current.href} answered HTTP ${status}${reason}`);
      }
      const bytes = await readBody(response, current, options.maxBytes);
      const type = parseContentType(response.headers["content-type"]);
      return { url: requested.href, finalUrl: current.href, status, ...type, bytes, ...validators(response) };
    }
  } catch (error) {
    throw classify(error, current, controller.signal.aborted, options.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(value: string, described: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch (error) {
    throw new SitrepError("url-invalid", `not a valid URL: ${described}`, { cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SitrepError("url-invalid", `only http and https URLs can be fetched, not ${url.protocol} (${described})`);
  }
  return url;
}

function send(url: URL, options: FetchOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  if (!options.allowPrivate) checkLiteralHost(url);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        // No shared agent: a pooled socket would skip the lookup, and would keep the process alive.
        agent: false,
        signal,
        ...(options.allowPrivate ? {} : { lookup: createGuardedLookup(url) }),
        headers: {
          "user-agent": options.userAgent ?? `sitrep/${VERSION}`,
          accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
          "accept-encoding": "gzip, deflate, br",
          ...options.headers,
        },
      },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}

async function readBody(response: http.IncomingMessage, url: URL, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = (): SitrepError =>
    new SitrepError("url-too-large", `${url.href} sent more than ${formatBytes(maxBytes)} (raise it with --max-bytes)`);
  if (Number(response.headers["content-length"]) > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  // Counting decompressed bytes is what makes a small gzip bomb as harmless as a large body.
  for await (const chunk of decompressed(response)) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(); // leaving the loop destroys the streams
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function decompressed(response: http.IncomingMessage): AsyncIterable<Buffer> {
  const encoding = response.headers["content-encoding"]?.trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : null;
  if (decoder === null) return response;
  // pipeline forwards errors and early destruction between the two streams;
  // the reader sees any error through `decoder`, so the callback has nothing left to do.
  pipeline(response, decoder, () => {});
  return decoder;
}

function validators(response: http.IncomingMessage): Pick<FetchedResource, "etag" | "lastModified"> {
  return { etag: response.headers.etag ?? null, lastModified: response.headers["last-modified"] ?? null };
}

function parseContentType(header: string | undefined): { contentType: string | null; charset: string | null } {
  if (header === undefined) return { contentType: null, charset: null };
  const [essence = "", ...parameters] = header.split(";");
  const charset = parameters.map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter)?.[1]).find(Boolean);
  return { contentType: essence.trim().toLowerCase() || null, charset: charset?.toLowerCase() ?? null };
}

function classify(error: unknown, url: URL, timedOut: boolean, timeoutMs: number): SitrepError {
  if (isSitrepError(error)) return error;
  if (timedOut) {
    const seconds = Number((timeoutMs / 1000).toFixed(2));
    return new SitrepError("url-timeout", `${url.href} did not answer within ${seconds} s`, { cause: error });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === "ENOTFOUND"
      ? `no such host: ${url.hostname}`
      : code === "ECONNREFUSED"
        ? "connection refused"
        : error instanceof Error
          ? error.message
          : String(error);
  return new SitrepError("url-unreachable", `could not fetch ${url.href}: ${reason}`, { cause: error });
}
