/**
 * The test suite every \`CorpusStore\` backend runs: \`sqlite-store.test.ts\`
 * and \`postgres-store.test.ts\` call \`describeStore\` with their own factory.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createActorsStage } from "../actors/index.js";
import { ingestDocument } from "../analyze/input.js";
import type { Analysis } from "../model/analysis.js";
import { toAnalysis } from "../model/document.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { createPlacesStage } from "../places/index.js";
import { createTestGazetteer } from "./gazetteer.js";
import { assertValid } from "./schema.js";
import { createTimesStage } from "../times/index.js";
import { createEventsStage } from "../events/stage.js";
import { contentHash } from "../store/identity.js";
import type { CorpusStore, EventFilter } from "../store/store.js";

const stages = [...createTextStages(), createPlacesStage({ gazetteer: createTestGazetteer() }), createActorsStage(), createTimesStage(), createEventsStage()];

/** An analysis by the real pipeline on the test gazetteer, checked against the published schema. */
export async function analyseForStore(text: string, published: string): Promise<Analysis> {
  const analysis = toAnalysis(runPipeline(stages, await ingestDocument(text, { metadata: { language: "en", published } })));
  assertValid("analysis", analysis);
  return analysis;
}

/** Three reports, each with one event whose type, date and place the tests below rely on. */
const REPORTS = {
  homs: { text: "Syrian troops clashed with Nusra fighters near Homs on Wednesday, killing at least 12 people.", published: "2015-05-15" },
  hama: { text: "Five civilians were killed by gunmen in Hama on Monday.", published: "2015-05-15" },
  beirut: { text: "Protesters marched peacefully through Beirut on Friday.", published: "2015-06-07" },
} as const;

type ReportName = keyof typeof REPORTS;

/**
 * The behaviour every `CorpusStore` backend must have. `create` returns a
 * fresh, empty, not yet migrated store each time it is called.
 */
export function describeStore(name: string, create: () => Promise<CorpusStore>): void {
  describe(`${name} corpus store`, () => {
    const analyses = new Map<ReportName, Analysis>();
    let store: CorpusStore;

    beforeAll(async () => {
      for (const [report, { text, published }] of Object.entries(REPORTS) as [ReportName, (typeof REPORTS)[ReportName]][]) {
        const analysis = await analyseForStore(text, published);
        expect(analysis.events, `the ${report} report should code one event`).toHaveLength(1);
        analyses.set(report, analysis);
      }
    });

    beforeEach(async () => {
      store = await create();
      await store.migrate();
    });

    afterEach(async () => {
      await store.close();
    });

    const analysisOf = (report: ReportName): Analysis => {
      const analysis = analyses.get(report);
      if (analysis === undefined) throw new Error(`expected an analysis of the ${report} report, found none`);
      return analysis;
    };
    const put = (report: ReportName, url: string | null = null) => {
      const analysis = analysisOf(report);
      return store.putDocument(analysis, { url, contentHash: contentHash(analysis.document.text) });
    };
    const putAll = async () => Object.fromEntries(await Promise.all((Object.keys(REPORTS) as ReportName[]).map(async (report) => [report, (await put(report)).id] as const)));

    it("migrates again without error or change", async () => {
      await store.migrate();
      await put("homs");
      await store.migrate();
      expect(await store.countDocuments()).toBe(1);
      expect(await store.countEvents()).toBe(1);
    });

    it("stores a document once however often it is put", async () => {
      const first = await put("homs", "https://example.com/homs");
      expect(first).toEqual({ id: contentHash(REPORTS.homs.text), inserted: true });
      expect(await put("homs", "https://example.com/homs")).toEqual({ id: first.id, inserted: false });
      expect(await put("homs", null)).toEqual({ id: first.id, inserted: false });
      expect(await store.countDocuments()).toBe(1);
      expect(await store.countEvents()).toBe(1);
    });

    it("stores a document once when two puts race", async () => {
      const results = await Promise.all([put("hama"), put("hama"), put("hama")]);
      expect(results.filter((result) => result.inserted)).toHaveLength(1);
      expect(new Set(results.map((result) => result.id)).size).toBe(1);
      expect(await store.countEvents()).toBe(1);
    });

    it("takes a different text at the same canonical URL for the document already stored", async () => {
      const first = await put("homs", "HTTPS://Example.com/story/?utm_source=feed");
      const second = await put("hama", "https://example.com/story?fbclid=xyz#comments");
      expect(second).toEqual({ id: first.id, inserted: false });
      expect(await store.countDocuments()).toBe(1);
      expect(await store.countEvents()).toBe(1);
    });

    it("gives back the analysis it stored", async () => {
      const { id } = await put("beirut");
      expect(await store.getAnalysis(id)).toEqual(analysisOf("beirut"));
      expect(await store.getAnalysis("sha256:none")).toBeNull();
    });

    it("keeps each event's queryable columns", async () => {
      const ids = await putAll();
      const [event] = await store.queryEvents({ subEventType: "Armed clash" });
      expect(event).toMatchObject({
        documentId: ids.homs,
        eventId: analysisOf("homs").events[0]?.id,
        eventType: "Battles",
        subEventType: "Armed clash",
        scope: "acled",
        dateValue: "2015-05-13",
        timePrecision: 1,
        lat: 34.73,
        lon: 36.71,
        fatalitiesLow: 12,
        fatalitiesHigh: 12,
        modality: "asserted",
      });
      expect(event?.actor1).toHaveLength(1);
      expect(event?.actor2).toHaveLength(1);
    });

    it("finds events by place, time and type, exactly", async () => {
      const ids = await putAll();
      const documents = async (filter: EventFilter) => (await store.queryEvents(filter)).map((event) => event.documentId);
      expect(await store.countEvents()).toBe(3);
      // Syria's west: Homs and Hama, not Beirut.
      expect(await documents({ bbox: [36, 34, 37.5, 36] })).toEqual([ids.hama, ids.homs]);
      // Around Homs only: Hama (35.13 N) is north of it.
      expect(await documents({ bbox: [36.5, 34.5, 37, 35] })).toEqual([ids.homs]);
      // Inclusive bounds, on a point lying exactly on the box's corner.
      expect(await documents({ bbox: [35.5, 33.89, 35.6, 34] })).toEqual([ids.beirut]);
      expect(await documents({ from: "2015-05-12", to: "2015-05-31" })).toEqual([ids.homs]);
      expect(await documents({ from: "2015-05-11", to: "2015-05-13" })).toEqual([ids.hama, ids.homs]);
      expect(await documents({ from: "2015-06-01" })).toEqual([ids.beirut]);
      expect(await documents({ subEventType: "Peaceful protest" })).toEqual([ids.beirut]);
      expect(await documents({ bbox: [36, 34, 37.5, 36], from: "2015-05-12", subEventType: "Attack" })).toEqual([]);
      expect(await documents({ limit: 2 })).toEqual([ids.hama, ids.homs]);
      await expect(store.queryEvents({ limit: 0 })).rejects.toThrow(/positive integer limit, found 0/);
    });

    it("finds a document by a word of its text", async () => {
      const ids = await putAll();
      expect((await store.searchDocuments("Nusra", 10)).map((hit) => hit.id)).toEqual([ids.homs]);
      expect((await store.searchDocuments("peacefully Beirut", 10)).map((hit) => hit.id)).toEqual([ids.beirut]);
      expect((await store.searchDocuments("killed", 10)).map((hit) => hit.id)).toEqual([ids.hama]);
      expect(await store.searchDocuments("Aleppo", 10)).toEqual([]);
      // Punctuation is not query syntax.
      expect((await store.searchDocuments('"Homs" (*', 10)).map((hit) => hit.id)).toEqual([ids.homs]);
    });
  });
}
