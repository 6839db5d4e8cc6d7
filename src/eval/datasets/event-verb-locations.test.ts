import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countEventVerbRecords, parseEventVerbRecord, readEventVerbLocations } from "./event-verb-locations.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/event-location.json", import.meta.url));

describe("readEventVerbLocations", () => {
  it("reads each record's verb and locations with offsets that slice the text", async () => {
    const records = await readEventVerbLocations(FIXTURE);
    expect(records.map((record) => [record.id, record.source])).toEqual([
      ["1", "APW_RA"],
      ["2", "Atrocities"],
      ["3", "Xinhua"],
      ["4", "Unknown_Andy"],
      ["5", "AFP_RA"],
    ]);
    const [first] = records;
    expect(first?.verbs).toEqual([{ start: 9, end: 12, text: "hit" }]);
    expect(first?.locations).toEqual([{ start: 33, end: 37, text: "Homs" }]);
    for (const record of records) {
      for (const span of [...record.verbs, ...record.locations]) expect(record.text.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it("takes offsets from the tokens where the data states token indices, keeping what it stated", async () => {
    const second = (await readEventVerbLocations(FIXTURE))[1];
    expect(second?.verbs).toEqual([{ start: 7, end: 15, text: "attacked" }]);
    expect(second?.locations).toEqual([{ start: 44, end: 48, text: "Hama", stated: { start: 8, end: 8 } }]);
  });

  it("keeps a record without location, both verbs of a two-verb record, one copy of a repeated span, and drops a span without tokens", async () => {
    const records = await readEventVerbLocations(FIXTURE);
    expect(records[2]?.locations).toEqual([]);
    const fourth = records[3];
    expect(fourth?.verbs.map((verb) => verb.text)).toEqual(["stormed", "seized"]);
    expect(fourth?.locations.map((location) => location.text)).toEqual(["Afrin"]);
    expect(fourth?.dropped).toEqual([{ start: 30, end: 30, label: "LOCATION", reason: expect.stringContaining("tokens 30–41") }]);
    expect(records[4]?.locations.map((location) => location.text)).toEqual(["Kafr Nabl"]);
    expect(countEventVerbRecords(records)).toEqual({ records: 5, withLocation: 4, withoutVerb: 0, repaired: 1, dropped: 1 });
  });

  it("ends a span whose last token is missing with its text, when the text starts at its first token", () => {
    const text = "Bodies were found in Benghazi.";
    const tokens = ["Bodies", "were", "found", "in", "Benghazi", "."].map((word, id) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, id }));
    const record = parseEventVerbRecord(
      {
        text,
        tokens,
        spans: [
          { start: 12, end: 17, token_start: 2, token_end: 2, label: "VERB" },
          { start: 4, end: 4, token_start: 4, token_end: 12, label: "LOCATION", text: "Benghazi" },
          { start: 3, end: 3, token_start: 3, token_end: 12, label: "LOCATION", text: "Tripoli" },
        ],
      },
      "1",
    );
    expect(record.locations).toEqual([{ start: 21, end: 29, text: "Benghazi", stated: { start: 4, end: 4 } }]);
    expect(record.dropped.map((span) => span.label)).toEqual(["LOCATION"]);
  });

  it("refuses a file that is not an array of records", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "sitrep-event-location-")), "other.json");
    await writeFile(path, JSON.stringify([{ sentence: "no text field" }]));
    await expect(readEventVerbLocations(path)).rejects.toMatchObject({ code: "input-format" });
    await writeFile(path, "{ not json");
    await expect(readEventVerbLocations(path)).rejects.toMatchObject({ code: "input-format" });
  });
});
