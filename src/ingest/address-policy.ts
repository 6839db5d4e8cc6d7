/**
 * Which network addresses sitrep may fetch from. A URL found in a document,
 * or one redirect away from it, must not reach the investigator's own
 * machine, their network or a cloud metadata service (169.254.169.254), so
 * only public unicast addresses are allowed unless the user says otherwise.
 */
import { lookup as dnsLookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { SitrepError } from "../model/errors.js";

const RANGE_WORDS: Readonly<Record<string, string>> = {
  loopback: "a loopback address",
  private: "a private address",
  linkLocal: "a link-local address",
  uniqueLocal: "a unique-local address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

/** Why `address` may not be fetched from, in words ("a loopback address"), or null when it is public. */
export function nonPublicReason(address: string): string | null {
  // process() unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1), which connects to the IPv4 address.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== "unicast") return RANGE_WORDS[range] ?? `not a public address (${range})`;
  // ipaddr.js calls the deprecated IPv4-compatible block ::a.b.c.d unicast; it is nobody's public address.
  if ("parts" in parsed && parsed.parts.slice(0, 6).every((part) => part === 0)) return "an IPv4-compatible IPv6 address";
  return null;
}

/** Node connects to an IP literal without any lookup, so such hosts are checked before connecting. */
export function checkLiteralHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) === 0) return;
  const reason = nonPublicReason(host);
  if (reason !== null) throw refusal(url, host, reason);
}

/**
 * A DNS lookup for `http.request` that refuses to hand over a non-public
 * address. Checking inside the lookup checks the addresses actually
 * connected to, so a name that resolves differently on a second query
 * (DNS rebinding) gains nothing. One non-public address refuses the name:
 * a public site has no business resolving to a private address.
 */
export function createGuardedLookup(url: URL, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, "");
        return;
      }
      for (const { address } of addresses) {
        const reason = nonPublicReason(address);
        if (reason !== null) {
          callback(refusal(url, address, reason), "");
          return;
        }
      }
      const first = addresses[0];
      if (options.all) callback(null, addresses);
      else if (first === undefined) callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "");
      else callback(null, first.address, first.family);
    });
  };
}

function refusal(url: URL, address: string, reason: string): SitrepError {
  return new SitrepError("url-refused", `refusing to fetch ${url.href}: ${address} is ${reason}; pass --allow-private to allow it`);
}
