/**
 * Who may do what. Reads are open; writes (every POST: they store documents,
 * record reviews, or spend the server's time fetching and analysing) need the
 * bearer token when there is one. Without a token the server answers only on
 * loopback, and only to requests addressed to a loopback name, so that a web
 * page elsewhere cannot reach it through DNS rebinding.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import ipaddr from "ipaddr.js";
import { ApiError } from "./errors.js";

/** Shorter tokens can be guessed over the network. */
export const MIN_TOKEN_LENGTH = 16;

export function isLoopback(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  if (bare.toLowerCase() === "localhost") return true;
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.process(bare);
  return parsed.range() === "loopback";
}

/** Why the server may not start with this address and token, or null when it may. */
export function accessProblem(host: string, token: string | null): string | null {
  if (token !== null && token.length < MIN_TOKEN_LENGTH) return `the token must be at least ${MIN_TOKEN_LENGTH} characters long`;
  if (token === null && !isLoopback(host)) {
    return `listening on ${host} lets other machines reach the server: give a token (--token or SITREP_TOKEN) that write requests must present`;
  }
  return null;
}

/** The host name of a Host header, without its port. */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]*)\]/.exec(header);
  if (bracketed) return bracketed[1] as string;
  const colon = header.lastIndexOf(":");
  return colon < 0 || header.indexOf(":") !== colon ? header : header.slice(0, colon);
}

const digest = (text: string) => createHash("sha256").update(text).digest();

export interface AccessRequest {
  method: string;
  host: string | undefined;
  authorization: string | undefined;
  /** The server's own address the connection arrived on; undefined for requests injected in-process. */
  localAddress: string | undefined;
}

/** Builds the check every request goes through; it throws an `ApiError` for a request that may not proceed. */
export function createAccessCheck(token: string | null): (request: AccessRequest) => void {
  // Both sides hashed to one length, so that timingSafeEqual compares in constant time whatever the client sent.
  const expected = token === null ? null : digest(token);
  return function checkAccess(request) {
    if (expected === null) {
      if (request.localAddress !== undefined && !isLoopback(request.localAddress)) throw new ApiError(403, "forbidden", "this server has no token, so it answers only on loopback");
      if (request.host === undefined || !isLoopback(hostName(request.host))) {
        throw new ApiError(403, "forbidden", "this server has no token, so it answers only to requests addressed to localhost, 127.0.0.1 or [::1]");
      }
    }
    if (expected === null || request.method === "GET" || request.method === "HEAD") return;
    const given = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? "")?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      throw new ApiError(401, "unauthorized", "write requests need the server's token: send Authorization: Bearer <token>");
    }
  };
}
