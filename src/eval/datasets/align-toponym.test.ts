import { describe, expect, it } from "vitest";
import { alignToponym, MAX_SHIFT } from "./align-toponym.js";

const text = "Talks in Geneva stalled while Aleppo and Geneva braced.";

describe("alignToponym", () => {
  it("keeps offsets that slice to the phrase", () => {
    expect(alignToponym(text, "Geneva", { start: 9, end: 15 })).toEqual({ span: { start: 9, end: 15 }, corrected: false });
  });

  it("moves a span stated a few characters to the right back onto the phrase", () => {
    expect(alignToponym(text, "Aleppo", { start: 33, end: 39 })).toEqual({ span: { start: 30, end: 36 }, corrected: true });
  });

  it("takes the nearest occurrence before the stated start, not an earlier one", () => {
    expect(alignToponym(text, "Geneva", { start: 44, end: 50 })).toEqual({ span: { start: 41, end: 47 }, corrected: true });
  });

  it("repairs an end that is wrong when the start is right", () => {
    expect(alignToponym(text, "Aleppo", { start: 30, end: 35 })).toEqual({ span: { start: 30, end: 36 }, corrected: true });
  });

  it("drops a phrase that is not near its offsets, saying why", () => {
    const far = alignToponym(`${"x".repeat(MAX_SHIFT + 5)}Homs`, "Homs", { start: MAX_SHIFT * 3, end: MAX_SHIFT * 3 + 4 });
    expect(far).toMatchObject({ dropped: expect.stringContaining(`does not start within ${MAX_SHIFT} characters`) });
    expect(alignToponym(text, "Raqqa", { start: 9, end: 14 })).toHaveProperty("dropped");
    expect(alignToponym(text, "Geneva", { start: -3, end: 3 })).toHaveProperty("dropped");
    expect(alignToponym(text, "", { start: 0, end: 0 })).toHaveProperty("dropped");
  });

  it("never looks after the stated start", () => {
    expect(alignToponym("Homs is far from Hama.", "Hama", { start: 2, end: 6 })).toHaveProperty("dropped");
  });
});
