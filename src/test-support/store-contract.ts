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
import { SitrepError } from "../model/errors.js";

const stages = [...createTextStages(), createPlacesStage({ gazetteer: createTestGazetteer() }), createActorsStage(), createTimesStage(), createEventsStage()];

/** An analysis by the real pipeline on the test gazetteer, checked against the published schema. */
export async function analyseForStore(text: string, published: string, url?: string): Promise<Analysis> {
  const analysis = toAnalysis(runPipeline(stages, await ingestDocument(text, { metadata: { language: "en", published, ...(url === undefined ? {} : { url }) } })));
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

/** Two outlets' reports of one clash, with contradicting death tolls, and another attack in the same city on the same day. */
const CLUSTER_REPORTS = {
  reuters: { text: "Syrian troops clashed with Nusra fighters near Homs on Wednesday, killing at least 12 people.", url: "https://www.reuters.com/world/homs-clashes" },
  aljazeera: { text: "Clashes between the Syrian army and Nusra Front fighters near Homs on Wednesday left five people dead, activists said.", url: "https://www.aljazeera.com/news/homs" },
  bombing: { text: "A car bomb exploded in a crowded market in Homs on Wednesday, killing seven civilians.", url: "https://www.bbc.com/news/homs-bomb" },
} as const;

type ClusterReportName = keyof typeof CLUSTER_REPORTS;

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

    describe("clusters", () => {
      const clusterAnalyses = new Map<ClusterReportName, Analysis>();

      beforeAll(async () => {
        for (const [name, report] of Object.entries(CLUSTER_REPORTS) as [ClusterReportName, (typeof CLUSTER_REPORTS)[ClusterReportName]][]) {
          clusterAnalyses.set(name, await analyseForStore(report.text, "2015-05-15", report.url));
        }
      });

      const putReport = async (name: ClusterReportName) => {
        const analysis = clusterAnalyses.get(name);
        if (analysis === undefined) throw new Error(`expected an analysis of the ${name} report`);
        return store.putDocument(analysis, { url: CLUSTER_REPORTS[name].url, contentHash: contentHash(analysis.document.text), inputKey: `test:${name}` });
      };
      const putAllReports = async () => {
        for (const name of Object.keys(CLUSTER_REPORTS) as ClusterReportName[]) await putReport(name);
      };

      it("merges two outlets' reports of one clash and keeps another attack that day in that city apart", async () => {
        await putAllReports();
        expect(await store.countEvents()).toBe(3);
        expect(await store.countClusters()).toBe(2);
        const clusters = await store.queryClusters({});
        const clash = clusters.find((cluster) => cluster.summary.subEventType === "Armed clash");
        const bombing = clusters.find((cluster) => cluster.summary.subEventType === "Remote explosive/landmine/IED");
        expect(clash?.members.map((member) => member.report.outlet?.id).sort()).toEqual(["al-jazeera-english", "reuters"]);
        expect(clash?.members.find((member) => member.merged !== null)?.merged?.rules.length).toBeGreaterThan(0);
        expect(clash?.summary.corroboration).toMatchObject({ independentOutlets: 2, singleSource: false });
        // Contradicting tolls are both kept, each with its outlet.
        expect(clash?.summary.fatalities.map((claim) => [claim.low, claim.outlets]).sort()).toEqual([[12, ["reuters"]], [5, ["al-jazeera-english"]]].sort());
        expect(clash?.summary.fatalitiesDisagree).toBe(true);
        expect(bombing?.members).toHaveLength(1);
        expect(bombing?.summary.corroboration.singleSource).toBe(true);
      });

      it("clusters the same way whatever the order the reports arrive in", async () => {
        for (const name of ["bombing", "aljazeera", "reuters"] as const) await putReport(name);
        const sizes = (await store.queryClusters({})).map((cluster) => cluster.members.length).sort();
        expect(sizes).toEqual([1, 2]);
      });

      it("filters clusters by type, place, date, actor, outlet, alignment, text and corroboration", async () => {
        await putAllReports();
        const types = async (filter: Parameters<CorpusStore["queryClusters"]>[0]) => (await store.queryClusters(filter)).map((cluster) => cluster.summary.subEventType).sort();
        expect(await types({ eventType: "Battles" })).toEqual(["Armed clash"]);
        expect(await types({ bbox: [36.5, 34.5, 37, 35] })).toHaveLength(2);
        expect(await types({ bbox: [35, 33, 36, 34] })).toEqual([]);
        expect(await types({ from: "2015-05-13", to: "2015-05-13" })).toHaveLength(2);
        expect(await types({ from: "2015-05-14" })).toEqual([]);
        expect(await types({ actor: "nusra-front" })).toEqual(["Armed clash"]);
        expect(await types({ actor: "NUSRA" })).toEqual(["Armed clash"]);
        expect(await types({ actor: "100%_" })).toEqual([]);
        expect(await types({ outlet: "bbc" })).toEqual(["Remote explosive/landmine/IED"]);
        expect(await types({ outlet: "al-jazeera-english" })).toEqual(["Armed clash"]);
        expect(await types({ text: "car bomb" })).toEqual(["Remote explosive/landmine/IED"]);
        expect(await types({ text: "?!" })).toEqual([]);
        expect(await types({ minCorroboration: 2 })).toEqual(["Armed clash"]);
        const alignment = (await store.queryClusters({ outlet: "reuters" }))[0]?.members.find((member) => member.report.outlet?.id === "reuters")?.report.outlet?.alignment;
        expect(alignment).toBe("wire");
        expect(await types({ alignment: "wire" })).toEqual(["Armed clash"]);
        expect(await store.queryClusters({ limit: 1 })).toHaveLength(1);
        expect(await store.queryClusters({ limit: 1, offset: 2 })).toHaveLength(0);
      });

      it("streams every cluster in id order, whatever its size", async () => {
        await putAllReports();
        const streamed: string[] = [];
        for await (const cluster of store.streamClusters({})) streamed.push(cluster.id);
        expect(streamed).toEqual([...streamed].sort());
        expect(streamed).toHaveLength(2);
      });

      it("keeps reviewers' decisions, applies corrections over new reports, and leaves rejected events out", async () => {
        await putReport("reuters");
        const [cluster] = await store.queryClusters({});
        if (cluster === undefined) throw new Error("expected a cluster");
        const correction = await store.review({ clusterId: cluster.id, action: "correct", reviewer: "analyst", changes: { subEventType: "Attack", eventType: "Battles" }, comment: "one-sided" });
        expect(correction.changes).toEqual([
          { field: "subEventType", from: "Armed clash", to: "Attack" },
          { field: "eventType", from: "Battles", to: "Battles" },
        ]);
        // A new report joins the cluster; the correction still wins.
        await putReport("aljazeera");
        const corrected = await store.getCluster(cluster.id);
        expect(corrected?.members).toHaveLength(2);
        expect(corrected?.summary.subEventType).toBe("Attack");
        expect(corrected?.review?.status).toBe("corrected");
        expect(await store.queryClusters({ subEventType: "Attack" })).toHaveLength(1);
        await store.review({ clusterId: cluster.id, action: "reject", reviewer: "lead" });
        expect(await store.queryClusters({})).toHaveLength(0);
        const rejected = await store.queryClusters({ includeRejected: true });
        expect(rejected[0]?.review?.decisions.map((decision) => [decision.action, decision.reviewer])).toEqual([["correct", "analyst"], ["reject", "lead"]]);
      });

      it("refuses a review of an unknown event or of a field that cannot be corrected", async () => {
        await putReport("reuters");
        await expect(store.review({ clusterId: "c-none", action: "confirm", reviewer: "analyst" })).rejects.toThrow(SitrepError);
        const [cluster] = await store.queryClusters({});
        await expect(store.review({ clusterId: cluster?.id ?? "", action: "correct", reviewer: "analyst", changes: { evidence: [] } })).rejects.toThrow(/cannot be corrected/);
        await expect(store.review({ clusterId: cluster?.id ?? "", action: "correct", reviewer: "analyst", changes: { timePrecision: 7 } })).rejects.toThrow(/wrong shape/);
      });

      it("remembers the inputs and URLs it stored", async () => {
        expect(await store.hasInput({ inputKey: "test:reuters" })).toBe(false);
        await putReport("reuters");
        expect(await store.hasInput({ inputKey: "test:reuters" })).toBe(true);
        expect(await store.hasInput({ url: "https://WWW.reuters.com/world/homs-clashes/?utm_source=x" })).toBe(true);
        expect(await store.hasInput({ inputKey: "test:other", url: "https://www.reuters.com/other" })).toBe(false);
      });

      it("gives clusters as map points without their members, with the cluster filters", async () => {
        await putAllReports();
        const points = await store.mapPoints({});
        expect(points).toHaveLength(2);
        const clash = points.find((point) => point.subEventType === "Armed clash");
        expect(clash).toEqual({
          id: expect.stringMatching(/^c[0-9a-f]{16}$/), lat: 34.73, lon: 36.71, eventType: "Battles", subEventType: "Armed clash", date: "2015-05-13",
          independentOutlets: 2, reports: 2, status: null,
        });
        expect((await store.mapPoints({ eventType: "Battles" })).map((point) => point.id)).toEqual([clash?.id]);
        expect(await store.mapPoints({ bbox: [35, 33, 36, 34] })).toEqual([]);
        expect(await store.mapPoints({ limit: 1 })).toHaveLength(1);
        expect(await store.mapPoints({ text: "?!" })).toEqual([]);
        await store.review({ clusterId: clash?.id ?? "", action: "reject", reviewer: "analyst" });
        expect(await store.mapPoints({})).toHaveLength(1);
        expect((await store.mapPoints({ includeRejected: true })).find((point) => point.id === clash?.id)?.status).toBe("rejected");
      });

      it("counts clusters per day, week and month, and names each document's event clusters", async () => {
        const ids = await putAll();
        expect(await store.timeline({}, "day")).toEqual([{ start: "2015-05-11", count: 1 }, { start: "2015-05-13", count: 1 }, { start: "2015-06-05", count: 1 }]);
        expect(await store.timeline({}, "week")).toEqual([{ start: "2015-05-11", count: 2 }, { start: "2015-06-01", count: 1 }]);
        expect(await store.timeline({}, "month")).toEqual([{ start: "2015-05-01", count: 2 }, { start: "2015-06-01", count: 1 }]);
        expect(await store.timeline({ from: "2015-06-01", limit: 1, offset: 5 }, "week")).toEqual([{ start: "2015-06-01", count: 1 }]);
        expect(await store.timeline({ text: "?!" }, "day")).toEqual([]);
        const [homs] = await store.documentEvents(ids.homs ?? "");
        expect(homs?.eventId).toBe(analysisOf("homs").events[0]?.id);
        expect((await store.getCluster(homs?.clusterId ?? ""))?.members[0]?.report.documentId).toBe(ids.homs);
        expect(await store.documentEvents("sha256:none")).toEqual([]);
        // An impossible date a reviewer typed lands on the same day in both backends.
        await store.review({ clusterId: homs?.clusterId ?? "", action: "correct", reviewer: "analyst", changes: { dateValue: "2015-02-30" } });
        expect((await store.timeline({ to: "2015-04-01" }, "day"))).toEqual([{ start: "2015-03-02", count: 1 }]);
        expect((await store.timeline({ to: "2015-04-01" }, "week"))).toEqual([{ start: "2015-03-02", count: 1 }]);
      });

      it("lists the actors, places and outlets the corpus names, with their counts", async () => {
        await putAllReports();
        const actors = await store.listActors({ limit: 50 });
        expect(actors.find((actor) => actor.id === "nusra-front")).toMatchObject({ mentions: 2, documents: 2, events: 1 });
        expect((await store.listActors({ q: "NUSRA", limit: 50 })).map((actor) => actor.id)).toEqual(["nusra-front"]);
        expect((await store.listActors({ q: "nusra-front", limit: 50 })).map((actor) => actor.id)).toEqual(["nusra-front"]);
        expect(await store.listActors({ q: "100%_", limit: 50 })).toEqual([]);
        expect(await store.listActors({ limit: 1 })).toHaveLength(1);
        const places = await store.listPlaces({ limit: 50 });
        expect(places[0]).toEqual({ id: "geonames:1006", name: "Homs", mentions: 3, documents: 3 });
        expect((await store.listPlaces({ q: "hom", limit: 50 })).map((place) => place.id)).toEqual(["geonames:1006"]);
        expect((await store.listOutlets()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
          { id: "al-jazeera-english", reports: 1, documents: 1, events: 1 },
          { id: "bbc", reports: 1, documents: 1, events: 1 },
          { id: "reuters", reports: 1, documents: 1, events: 1 },
        ]);
      });

      it("sums the corpus up", async () => {
        await putAllReports();
        const [cluster] = await store.queryClusters({ eventType: "Battles" });
        await store.review({ clusterId: cluster?.id ?? "", action: "confirm", reviewer: "analyst" });
        const stats = await store.stats();
        expect(stats).toMatchObject({ documents: 3, events: 3, clusters: 2, reviewed: { confirmed: 1, corrected: 0, rejected: 0 } });
        // Only each cluster's latest decision counts.
        await store.review({ clusterId: cluster?.id ?? "", action: "reject", reviewer: "lead" });
        const [bombing] = await store.queryClusters({ eventType: "Explosions/Remote violence" });
        await store.review({ clusterId: bombing?.id ?? "", action: "correct", reviewer: "analyst", changes: { fatalities: [] } });
        expect((await store.stats()).reviewed).toEqual({ confirmed: 0, corrected: 1, rejected: 1 });
        expect([...stats.byEventType].sort((a, b) => String(a.eventType).localeCompare(String(b.eventType)))).toEqual([
          { eventType: "Battles", count: 1 },
          { eventType: "Explosions/Remote violence", count: 1 },
        ]);
        expect(stats.byAlignment.find((row) => row.alignment === "wire")).toEqual({ alignment: "wire", events: 1, reports: 1 });
        expect(stats.byAlignment.reduce((sum, row) => sum + row.reports, 0)).toBe(3);
      });

      it("keeps each feed's polling state", async () => {
        expect(await store.getFeed("https://example.com/feed")).toBeNull();
        const state = { url: "https://example.com/feed", etag: '"v1"', lastModified: "Wed, 13 May 2015 10:00:00 GMT", checkedAt: "2015-05-13T10:00:00.000Z", seen: ["a", "b"] };
        await store.saveFeed(state);
        await store.saveFeed({ ...state, etag: '"v2"', seen: ["a", "b", "c"] });
        expect(await store.getFeed(state.url)).toEqual({ ...state, etag: '"v2"', seen: ["a", "b", "c"] });
      });
    });
  });
}
