import { describe, expect, it } from "vitest";
import { corpusEvent, exportedText, fatalityClaim } from "../test-support/corpus-events.js";

describe("JSONL export", () => {
  it("writes each corpus event whole, one per line, and reads back equal", async () => {
    const events = [
      corpusEvent({ id: "a", review: { status: "rejected", decisions: [{ id: "d1", clusterId: "a", action: "reject", reviewer: "rk", at: "2024-05-03T08:00:00Z", changes: [], comment: "duplicate" }] } }),
      corpusEvent({ id: "b", summary: { place: null, notes: 'قال "المرصد":\nقُتل ثلاثة', fatalities: [fatalityClaim(1, 2, ["doc-1/e1"], ["reuters"])] } }),
    ];
    const { text, written, skipped } = await exportedText("jsonl", events);
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(events);
    expect({ written, skipped }).toEqual({ written: 2, skipped: 0 });
  });
});
