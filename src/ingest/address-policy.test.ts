import type { LookupAddress, lookup } from "node:dns";
import { describe, expect, it } from "vitest";
import { SitrepError } from "../model/errors.js";
import { checkLiteralHost, createGuardedLookup, nonPublicReason } from "./address-policy.js";

describe("nonPublicReason", () => {
  it("lets public unicast addresses through", () => {
    for (const address of ["8.8.8.8", "151.101.1.69", "2a00:1450:4007:80e::200e"]) expect(nonPublicReason(address), address).toBeNull();
  });

  it("names what every other address is", () => {
    expect(nonPublicReason("127.0.0.1")).toBe("a loopback address");
    expect(nonPublicReason("::1")).toBe("a loopback address");
    expect(nonPublicReason("10.1.2.3")).toBe("a private address");
    expect(nonPublicReason("192.168.0.1")).toBe("a private address");
    expect(nonPublicReason("169.254.169.254")).toBe("a link-local address");
    expect(nonPublicReason("fe80::1")).toBe("a link-local address");
    expect(nonPublicReason("fd12:3456::1")).toBe("a unique-local address");
    expect(nonPublicReason("0.0.0.0")).toBe("an unspecified address");
    expect(nonPublicReason("100.64.0.1")).toBe("a carrier-grade NAT address");
    expect(nonPublicReason("224.0.0.1")).toBe("a multicast address");
    expect(nonPublicReason("192.0.2.1")).toBe("a reserved address");
  });

  it("sees through IPv6 spellings of IPv4 addresses", () => {
    expect(nonPublicReason("::ffff:127.0.0.1")).toBe("a loopback address");
    expect(nonPublicReason("::ffff:10.0.0.1")).toBe("a private address");
    expect(nonPublicReason("::7f00:1")).toBe("an IPv4-compatible IPv6 address");
    expect(nonPublicReason("64:ff9b::a00:1")).not.toBeNull();
  });
});

describe("checkLiteralHost", () => {
  it("refuses IP literals in any spelling the URL parser accepts", () => {
    for (const url of ["http://127.0.0.1/", "http://[::1]:8080/", "http://2130706433/", "http://0x7f.1/", "http://[::ffff:7f00:1]/"]) {
      expect(() => checkLiteralHost(new URL(url)), url).toThrow(SitrepError);
    }
    expect(() => checkLiteralHost(new URL("http://93.184.215.14/"))).not.toThrow();
    expect(() => checkLiteralHost(new URL("http://example.org/"))).not.toThrow();
  });
});

describe("createGuardedLookup", () => {
  const fakeResolver = (addresses: LookupAddress[]) =>
    ((_hostname: string, _options: unknown, callback: (error: Error | null, addresses: LookupAddress[]) => void) =>
      callback(null, addresses)) as unknown as typeof lookup;

  const run = (addresses: LookupAddress[], all: boolean) =>
    new Promise<{ error: Error | null; result: unknown; family?: number | undefined }>((resolve) => {
      const guarded = createGuardedLookup(new URL("http://news.example/a"), fakeResolver(addresses));
      guarded("news.example", { all }, (error, result, family) => resolve({ error, result, family }));
    });

  it("passes public addresses on in the form asked for", async () => {
    const addresses = [{ address: "93.184.215.14", family: 4 }];
    expect(await run(addresses, true)).toMatchObject({ error: null, result: addresses });
    expect(await run(addresses, false)).toMatchObject({ error: null, result: "93.184.215.14", family: 4 });
  });

  it("refuses a name when any of its addresses is not public", async () => {
    const { error } = await run(
      [
        { address: "93.184.215.14", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ],
      true,
    );
    expect(error).toMatchObject({
      code: "url-refused",
      message: "refusing to fetch http://news.example/a: 10.0.0.7 is a private address; pass --allow-private to allow it",
    });
  });
});
