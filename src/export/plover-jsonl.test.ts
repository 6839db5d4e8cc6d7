import { describe, expect, it } from "vitest";
import { PLOVER_MODES } from "../events/lexicon.js";
import { CIVILIANS, HTS, SANA, SYRIAN_ARMY, corpusEvent, exportedText, fatalityClaim, members, report } from "../test-support/corpus-events.js";
import type { PloverRecord } from "./plover-jsonl.js";

async function ploverLines(events: Parameters<typeof exportedText>[1]): Promise<{ records: PloverRecord[]; written: number; skipped: number; text: string }> {
  const { text, written, skipped } = await exportedText("plover-jsonl", events);
  const lines = text.split("\n");
  expect(lines.pop()).toBe("");
  return { records: lines.map((line) => JSON.parse(line) as PloverRecord), written, skipped, text };
}

describe("PLOVER JSONL export", () => {
  it("writes one parseable line per event, each with its PLOVER type and mode", async () => {
    const events = [
      corpusEvent({ id: "a" }),
      corpusEvent({ id: "b", summary: { eventType: "Protests", subEventType: "Peaceful protest", ploverType: "PROTEST", ploverMode: "demo" } }),
      corpusEvent({ id: "c", summary: { eventType: null, subEventType: null, scope: "diplomatic", ploverType: "SANCTION", ploverMode: "expel" } }),
    ];
    const { records, written } = await ploverLines(events);
    expect(written).toBe(3);
    expect(records.map((record) => [record.id, record.event, record.mode])).toEqual([
      ["a", "ASSAULT", "firearms"],
      ["b", "PROTEST", "demo"],
      ["c", "SANCTION", "expel"],
    ]);
    for (const record of records) expect(Object.keys(PLOVER_MODES)).toContain(record.event);
  });

  it("skips events PLOVER has no type for and counts them", async () => {
    const claim = corpusEvent({ id: "claim", summary: { eventType: null, subEventType: null, scope: "claim", ploverType: null, ploverMode: null } });
    const { records, written, skipped } = await ploverLines([corpusEvent({ id: "a" }), claim]);
    expect({ written, skipped }).toEqual({ written: 1, skipped: 1 });
    expect(records.map((record) => record.id)).toEqual(["a"]);
  });

  it("uses the codebook's field names", async () => {
    const { records } = await ploverLines([corpusEvent()]);
    expect(Object.keys(records[0] ?? {})).toEqual(
      expect.arrayContaining(["id", "date", "source", "recipient", "event", "event_loc", "event_text", "mode", "context", "text", "cite_info", "coder", "coded_date", "dead"]),
    );
    expect(records[0]).toMatchObject({ date: "2024-05-01", coded_date: "2024-05-02", event_text: ["clashed"] });
    expect(records[0]?.coder).toMatch(/^sitrep \d/);
  });

  it("codes both sides of a battle as sources, as the codebook does for two-sided violence", async () => {
    const { records } = await ploverLines([corpusEvent()]);
    expect(records[0]?.source.map((actor) => actor.identifier_text)).toEqual([SYRIAN_ARMY.name, HTS.name]);
    expect(records[0]?.recipient).toEqual([]);
  });

  it("codes one-sided violence with the perpetrator as source and the victims as recipient, with country codes", async () => {
    const event = corpusEvent({ summary: { eventType: "Violence against civilians", subEventType: "Attack", ploverMode: "firearms", actor1: [HTS], actor2: [CIVILIANS] } });
    const { records } = await ploverLines([event]);
    expect(records[0]?.source).toEqual([{ code: "SYR", identifier_id: "hts", identifier_text: "Hayat Tahrir al-Sham", acled_inter: 2 }]);
    expect(records[0]?.recipient.map((actor) => [actor.identifier_text, actor.code, actor.acled_inter])).toEqual([["Civilians (Syria)", "SYR", 7]]);
  });

  it("writes the location with GeoNames' field names", async () => {
    const { records } = await ploverLines([corpusEvent()]);
    expect(records[0]?.event_loc).toEqual({ geonameid: 170063, name: "Aleppo", latitude: 36.20124, longitude: 37.16117, "feature code": "PPLA", "country code": "SY", cc3: "SYR" });
    const { records: unplaced } = await ploverLines([corpusEvent({ summary: { place: null } })]);
    expect(unplaced[0]?.event_loc).toBeNull();
  });

  it("keeps the conservative death toll and every contradicting claim, and cites every member report", async () => {
    const event = corpusEvent({
      members: members(report("doc-1/e1"), report("doc-2/e3", { outlet: SANA, url: "https://sana.sy/x", language: "ar", trigger: "اشتباكات" })),
      summary: { fatalities: [fatalityClaim(3, 3, ["doc-1/e1"], ["reuters"]), fatalityClaim(12, 15, ["doc-2/e3"], ["sana"])], fatalitiesDisagree: true },
    });
    const { records, text } = await ploverLines([event]);
    expect(records[0]?.dead).toBe(3);
    expect(records[0]?.dead_claims.map((claim) => [claim.low, claim.high, claim.outlets])).toEqual([
      [3, 3, ["reuters"]],
      [12, 15, ["sana"]],
    ]);
    expect(records[0]?.cite_info.map((citation) => [citation.citation, citation.publication, citation.language])).toEqual([
      ["doc-1/e1", "Reuters", "en"],
      ["doc-2/e3", "SANA", "ar"],
    ]);
    expect(records[0]?.event_text).toEqual(["clashed", "اشتباكات"]);
    expect(text).toContain("اشتباكات");
  });

  it("sets the contexts the event's scope, sub-event type and modality imply", async () => {
    const events = [
      corpusEvent({ id: "plain" }),
      corpusEvent({ id: "future", summary: { modality: "future" } }),
      corpusEvent({ id: "chemical", summary: { eventType: "Explosions/Remote violence", subEventType: "Chemical weapon", ploverMode: "unconventional", modality: "hypothetical" } }),
      corpusEvent({ id: "expulsion", summary: { eventType: null, subEventType: null, scope: "diplomatic", ploverType: "SANCTION", ploverMode: "expel" } }),
    ];
    const { records } = await ploverLines(events);
    expect(Object.fromEntries(records.map((record) => [record.id, record.context]))).toEqual({
      plain: [],
      future: ["future"],
      chemical: ["cbrn", "hypothetical"],
      expulsion: ["diplomatic"],
    });
    expect(records.map((record) => record.modality)).toEqual(["asserted", "future", "hypothetical", "asserted"]);
  });
});
