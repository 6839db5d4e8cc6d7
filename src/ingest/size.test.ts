import { describe, expect, it } from "vitest";
import { formatBytes } from "./size.js";

describe("formatBytes", () => {
  it("uses the unit a reader expects", () => {
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(900)).toBe("900 bytes");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(16 * 1024 * 1024)).toBe("16.0 MB");
    expect(formatBytes(200 * 1024 * 1024)).toBe("200.0 MB");
  });
});
