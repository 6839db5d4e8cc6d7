import { describe, expect, it } from "vitest";
import { canonicalUrl, contentHash } from "./identity.js";

describe("canonicalUrl", () => {
  it("lower-cases scheme and host but not the path", () => {
    expect(canonicalUrl("HTTPS://Example.COM/News/Story")).toBe("https://example.com/News/Story");
  });

  it("drops the fragment, tracking parameters and a trailing slash", () => {
    expect(canonicalUrl("https://example.com/a/b/?utm_source=x&id=3&fbclid=abc&UTM_Medium=y#top")).toBe("https://example.com/a/b?id=3");
    expect(canonicalUrl("https://example.com/?utm_campaign=z")).toBe("https://example.com");
    expect(canonicalUrl("https://example.com/")).toBe(canonicalUrl("https://example.com"));
  });

  it("keeps parameters that select content, in their order", () => {
    expect(canonicalUrl("https://example.com/story?b=2&a=1")).toBe("https://example.com/story?b=2&a=1");
  });

  it("says what it expected when given something that is not a URL", () => {
    expect(() => canonicalUrl("not a url")).toThrow(/expected an absolute URL, found "not a url"/);
  });
});

describe("contentHash", () => {
  it("hashes the NFC form, so composed and decomposed text are one document", () => {
    expect(contentHash("Cafe\u0301")).toBe(contentHash("Caf\u00e9"));
    expect(contentHash("a")).toBe("sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
  });

  it("tells different texts apart", () => {
    expect(contentHash("a")).not.toBe(contentHash("b"));
  });
});
