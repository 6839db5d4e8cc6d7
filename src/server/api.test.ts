import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CorpusEvent } from "../corpus/types.js";
import type { Analysis } from "../model/analysis.js";
import { VERSION } from "../version.js";
import { openTestServer, REPORTS, type TestServer } from "../test-support/server.js";

interface Json {
  [key: string]: unknown;
}

describe("HTTP API, reading the corpus", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(() => server.close());

  const get = async (url: string) => {
    const response = await server.app.inject({ method: "GET", url });
    return { status: response.statusCode, headers: response.headers, body: response.body, json: () => response.json<Json>() };
  };
  const clash = async () => ((await get("/api/events?type=Battles")).json()["events"] as CorpusEvent[])[0] as CorpusEvent;

  it("says it is up", async () => {
    const response = await get("/api/health");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: "ok", version: VERSION });
  });

  it("lists events, latest first, a page at a time, with the CLI's filters", async () => {
    const all = await get("/api/events");
    expect(all.status).toBe(200);
    const body = all.json();
    expect(body).toMatchObject({ limit: 100, offset: 0 });
    const events = body["events"] as CorpusEvent[];
    expect(events).toHaveLength(2);
    const merged = events.find((event) => event.summary.subEventType === "Armed clash");
    expect(merged?.members).toHaveLength(2);
    expect(merged?.summary.corroboration.independentOutlets).toBe(2);
    const ids = async (query: string) => ((await get(`/api/events?${query}`)).json()["events"] as CorpusEvent[]).map((event) => event.summary.subEventType);
    expect(await ids("type=Battles")).toEqual(["Armed clash"]);
    expect(await ids("subType=Armed%20clash&minCorroboration=2")).toEqual(["Armed clash"]);
    expect(await ids("bbox=36.5,34.5,37,35&from=2015-05-13&to=2015-05-13")).toHaveLength(2);
    expect(await ids("bbox=35,33,36,34")).toEqual([]);
    expect(await ids("actor=nusra&outlet=reuters&alignment=wire")).toEqual(["Armed clash"]);
    expect(await ids("text=car%20bomb")).toEqual(["Remote explosive/landmine/IED"]);
    expect(await ids("limit=1&offset=1")).toHaveLength(1);
    expect(await ids("includeRejected=true")).toHaveLength(2);
  });

  it.each([
    ["bbox=1,2,3", "query parameter bbox: expected four numbers: minLon,minLat,maxLon,maxLat"],
    ["bbox=37,34,36,35", "query parameter bbox: the minimum longitude and latitude come first"],
    ["bbox=0,0,200,10", "query parameter bbox: longitudes lie within ±180 and latitudes within ±90"],
    ["from=2015-13-01", "query parameter from must be a date as YYYY-MM-DD"],
    ["to=yesterday", "query parameter to must be a date as YYYY-MM-DD"],
    ["from=2015-06-01&to=2015-05-01", "query parameter from (2015-06-01) is after to (2015-05-01)"],
    ["limit=1001", "query parameter limit must be <= 1000"],
    ["limit=0", "query parameter limit must be >= 1"],
    ["offset=-1", "query parameter offset must be >= 0"],
    ["minCorroboration=many", "query parameter minCorroboration must be integer"],
    ["subtype=Attack", "the query has an unknown parameter subtype"],
  ])("refuses events?%s with a 400 that says what is wrong", async (query, message) => {
    const response = await get(`/api/events?${query}`);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: { code: "invalid-request", message } });
  });

  it("gives one event with the words of each report behind it", async () => {
    const event = await clash();
    const response = await get(`/api/events/${event.id}`);
    expect(response.status).toBe(200);
    const body = response.json() as unknown as CorpusEvent & { evidence: Json[] };
    expect(body.id).toBe(event.id);
    expect(body.members).toEqual(event.members);
    expect(body.evidence).toHaveLength(2);
    for (const evidence of body.evidence) {
      const report = REPORTS.find((candidate) => candidate.url === evidence["url"]);
      const trigger = evidence["trigger"] as { start: number; end: number; text: string };
      const sentence = evidence["sentence"] as { start: number; end: number; text: string };
      expect(report?.text.slice(trigger.start, trigger.end)).toBe(trigger.text);
      expect(report?.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.text).toContain(trigger.text);
      expect((evidence["evidence"] as unknown[]).length).toBeGreaterThan(0);
    }
    expect(body.evidence.map((evidence) => evidence["outlet"]).sort()).toEqual(["Al Jazeera English", "Reuters"]);
    const missing = await get("/api/events/c0000000000000000");
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ error: { code: "not-found", message: "no event with id c0000000000000000" } });
  });

  it("gives events as compact map points", async () => {
    const response = await get("/api/map");
    expect(response.status).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ limit: 10_000, truncated: false });
    const points = body["points"] as Json[];
    expect(points).toHaveLength(2);
    const event = await clash();
    expect(points.find((point) => point["id"] === event.id)).toEqual({
      id: event.id, lat: 34.73, lon: 36.71, eventType: "Battles", subEventType: "Armed clash", date: "2015-05-13", independentOutlets: 2, reports: 2, status: null,
    });
    expect((await get("/api/map?limit=1")).json()).toMatchObject({ limit: 1, truncated: true });
    expect((await get("/api/map?type=Battles")).json()["points"]).toHaveLength(1);
    expect((await get("/api/map?limit=50000")).status).toBe(200);
    const tooMany = await get("/api/map?limit=50001");
    expect(tooMany.status).toBe(400);
    expect(tooMany.json()).toEqual({ error: { code: "invalid-request", message: "query parameter limit must be <= 50000" } });
  });

  it("counts events per day, week or month", async () => {
    expect((await get("/api/timeline")).json()).toEqual({ bucket: "day", buckets: [{ start: "2015-05-13", count: 2 }] });
    expect((await get("/api/timeline?bucket=month&type=Battles")).json()).toEqual({ bucket: "month", buckets: [{ start: "2015-05-01", count: 1 }] });
    expect((await get("/api/timeline?bucket=week")).json()).toEqual({ bucket: "week", buckets: [{ start: "2015-05-11", count: 2 }] });
    const year = await get("/api/timeline?bucket=year");
    expect(year.status).toBe(400);
    expect(year.json()).toEqual({ error: { code: "invalid-request", message: "query parameter bucket must be one of day, week, month" } });
  });

  it("gives a document's full analysis and the event each of its events joined", async () => {
    const [id] = server.documents;
    const response = await get(`/api/documents/${id}`);
    expect(response.status).toBe(200);
    const body = response.json() as { analysis: Analysis; events: { eventId: string; clusterId: string }[] };
    expect(body.analysis.document.text).toBe(REPORTS[0].text);
    expect(body.analysis).toEqual(await server.store.getAnalysis(id as string));
    for (const layer of ["places", "actors", "times", "events", "sources", "quotes", "attributions", "framing", "messages"] as const) expect(body.analysis[layer]).toBeInstanceOf(Array);
    expect(body.events.map((event) => event.eventId)).toEqual(body.analysis.events.map((event) => event.id));
    expect(body.events[0]?.clusterId).toBe((await clash()).id);
    // The colon of a content hash may come percent-encoded.
    expect((await get(`/api/documents/${encodeURIComponent(id as string)}`)).status).toBe(200);
    expect((await get("/api/documents/sha256:none")).status).toBe(404);
  });

  it("lists actors, places and outlets with their counts", async () => {
    const actors = (await get("/api/actors")).json()["actors"] as Json[];
    expect(actors.find((actor) => actor["id"] === "nusra-front")).toMatchObject({ mentions: 2, documents: 2, events: 1 });
    expect(((await get("/api/actors?q=nusra")).json()["actors"] as Json[]).map((actor) => actor["id"])).toEqual(["nusra-front"]);
    expect((await get("/api/actors?limit=1")).json()["actors"]).toHaveLength(1);
    expect((await get("/api/places?q=homs")).json()).toEqual({ places: [{ id: "geonames:1006", name: "Homs", mentions: 3, documents: 3 }] });
    const outlets = (await get("/api/outlets")).json()["outlets"] as Json[];
    expect(outlets.find((outlet) => outlet["id"] === "reuters")).toEqual({ id: "reuters", name: "Reuters", country: "GB", alignment: "wire", reports: 1, documents: 1, events: 1 });
    expect(outlets).toHaveLength(3);
    expect((await get("/api/actors?limit=5000")).status).toBe(400);
  });

  it("sums the corpus up", async () => {
    const stats = (await get("/api/stats")).json();
    expect(stats).toMatchObject({ documents: 3, events: 3, clusters: 2, reviewed: { confirmed: 0, corrected: 0, rejected: 0 } });
    expect(stats["byEventType"]).toHaveLength(2);
  });

  it("streams exports in every format with their type and file name", async () => {
    const csv = await get("/api/export?format=acled-csv");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="sitrep-events.csv"');
    expect(csv.body.split("\n")[0]).toMatch(/^event_id_cnty,/);
    expect(csv.body.trim().split("\n")).toHaveLength(3);
    const geojson = await get("/api/export?format=geojson&type=Battles");
    expect(geojson.headers["content-type"]).toBe("application/geo+json");
    expect((JSON.parse(geojson.body) as { features: unknown[] }).features).toHaveLength(1);
    for (const format of ["jsonl", "plover-jsonl"]) {
      const lines = await get(`/api/export?format=${format}`);
      expect(lines.headers["content-type"]).toBe("application/x-ndjson");
      expect(lines.headers["content-disposition"]).toContain(format === "jsonl" ? "sitrep-events.jsonl" : "sitrep-events.plover.jsonl");
      for (const line of lines.body.trim().split("\n")) expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    const unknown = await get("/api/export?format=xlsx");
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toEqual({ error: { code: "invalid-request", message: "query parameter format must be one of acled-csv, geojson, plover-jsonl, jsonl" } });
    expect((await get("/api/export")).json()).toEqual({ error: { code: "invalid-request", message: "the query needs parameter format" } });
  });

  it("answers unknown paths with a JSON 404", async () => {
    const response = await get("/api/nothing");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ error: { code: "not-found", message: "nothing at GET /api/nothing" } });
  });
});

describe("HTTP API, writing", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await openTestServer();
  });
  afterEach(() => server.close());

  const post = async (url: string, payload: unknown) => {
    const response = await server.app.inject({ method: "POST", url, payload: payload as Json });
    return { status: response.statusCode, json: () => response.json<Json>() };
  };

  it("analyses a document without storing it", async () => {
    const response = await post("/api/analyze", { text: "Five civilians were killed by gunmen in Hama on Monday.", published: "2015-05-15", language: "en", outlet: "Reuters", title: "Hama" });
    expect(response.status).toBe(200);
    const analysis = response.json() as unknown as Analysis;
    expect(analysis.schema).toBe("sitrep/analysis@1");
    expect(analysis.document).toMatchObject({ published: "2015-05-15", outlet: "Reuters", title: "Hama", language: "en" });
    expect(analysis.events[0]).toMatchObject({ date_value: "2015-05-11", acled: { event_type: "Violence against civilians" } });
    expect(await server.store.countDocuments()).toBe(3);
  });

  it.each([
    [{}, "the body needs one of text, html or url"],
    [{ text: "a", html: "<p>a</p>" }, "the body has both text and html: give one"],
    [{ text: "Clashes in Homs.", publised: "2015-05-15" }, "the body has an unknown field publised"],
    [{ text: 12 }, "body field text must be string"],
    [{ text: "Clashes in Homs.", language: "French" }, 'body field language must match pattern "^(und|[a-z]{2,3})$"'],
    [{ text: "Clashes in Homs.", published: "last Tuesday" }, 'published date "last Tuesday" is not an ISO 8601 date or date-time (e.g. 2015-05-15)'],
    [{ url: "not a url" }, "body field url must be an absolute URL"],
  ])("refuses to analyse %j with a 400 that says what is wrong", async (body, message) => {
    const response = await post("/api/analyze", body);
    expect(response.status).toBe(400);
    expect((response.json()["error"] as Json)["message"]).toBe(message);
  });

  it("fetches only public addresses", async () => {
    for (const url of ["http://127.0.0.1:9/article", "http://[::1]/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/"]) {
      const response = await post("/api/analyze", { url });
      expect(response.status).toBe(400);
      expect((response.json()["error"] as Json)["code"]).toBe("url-refused");
    }
  });

  it("ingests documents, each once, and says what became of each", async () => {
    const fresh = { text: "Protesters marched peacefully through Beirut on Friday.", published: "2015-06-07", language: "en", url: "https://www.bbc.com/news/beirut-march" };
    const response = await post("/api/ingest", { documents: [fresh, { text: REPORTS[0].text }, { url: "http://127.0.0.1:9/" }] });
    expect(response.status).toBe(200);
    const results = response.json()["results"] as Json[];
    expect(results.map((result) => result["status"])).toEqual(["stored", "duplicate", "failed"]);
    expect(results[1]?.["documentId"]).toBe(server.documents[0]);
    expect(results[2]?.["error"]).toMatchObject({ code: "url-refused" });
    expect(await server.store.countDocuments()).toBe(4);
    expect(((await post("/api/ingest", { documents: [fresh] })).json()["results"] as Json[])[0]).toEqual({ status: "skipped", documentId: null, error: null });
    const events = (await server.app.inject({ method: "GET", url: "/api/events?subType=Peaceful%20protest" })).json<{ events: CorpusEvent[] }>().events;
    expect(events).toHaveLength(1);
  });

  it("refuses an ingestion of more than 100 documents, or of none, storing nothing", async () => {
    const many = await post("/api/ingest", { documents: Array.from({ length: 101 }, (_, index) => ({ text: `Report ${index}` })) });
    expect(many.status).toBe(400);
    expect((many.json()["error"] as Json)["message"]).toBe("body field documents must NOT have more than 100 items");
    expect((await post("/api/ingest", { documents: [] })).status).toBe(400);
    const bad = await post("/api/ingest", { documents: [{ text: "Clashes in Homs on Monday." }, {}] });
    expect((bad.json()["error"] as Json)["message"]).toBe("documents[1] needs one of text, html or url");
    expect(await server.store.countDocuments()).toBe(3);
  });

  it("records reviews, whose corrections win in queries and exports", async () => {
    const [event] = (await server.app.inject({ method: "GET", url: "/api/events?type=Battles" })).json<{ events: CorpusEvent[] }>().events;
    const url = `/api/events/${event?.id}/review`;
    const correction = await post(url, { action: "correct", reviewer: "analyst", changes: { subEventType: "Attack", eventType: "Violence against civilians" }, comment: "one-sided" });
    expect(correction.status).toBe(201);
    expect(correction.json()).toMatchObject({ clusterId: event?.id, action: "correct", reviewer: "analyst", comment: "one-sided", changes: [{ field: "subEventType", from: "Armed clash", to: "Attack" }, { field: "eventType", from: "Battles", to: "Violence against civilians" }] });
    const csv = (await server.app.inject({ method: "GET", url: "/api/export?format=acled-csv&subType=Attack" })).body.trim().split("\n");
    expect(csv).toHaveLength(2);
    const header = (csv[0] as string).split(",");
    expect((csv[1] as string).split(",")[header.indexOf("sub_event_type")]).toBe("Attack");
    expect((csv[1] as string).split(",")[header.indexOf("event_type")]).toBe("Violence against civilians");
    const stored = (await server.app.inject({ method: "GET", url: `/api/events/${event?.id}` })).json<CorpusEvent>();
    expect(stored.review?.status).toBe("corrected");
    expect((await post(url, { action: "reject", reviewer: "lead" })).status).toBe(201);
    expect((await server.app.inject({ method: "GET", url: "/api/map" })).json<{ points: unknown[] }>().points).toHaveLength(1);
    expect((await server.app.inject({ method: "GET", url: "/api/stats" })).json<Json>()["reviewed"]).toEqual({ confirmed: 0, corrected: 0, rejected: 1 });
  });

  it("refuses reviews that cannot be recorded", async () => {
    const [event] = (await server.app.inject({ method: "GET", url: "/api/events" })).json<{ events: CorpusEvent[] }>().events;
    const url = `/api/events/${event?.id}/review`;
    const field = await post(url, { action: "correct", reviewer: "analyst", changes: { evidence: [] } });
    expect(field.status).toBe(400);
    expect(field.json()["error"]).toMatchObject({ code: "review-invalid", message: expect.stringContaining('"evidence" cannot be corrected') });
    const shape = await post(url, { action: "correct", reviewer: "analyst", changes: { timePrecision: 7 } });
    expect(shape.json()["error"]).toMatchObject({ code: "review-invalid", message: expect.stringContaining("wrong shape") });
    expect((await post(url, { action: "approve", reviewer: "analyst" })).json()["error"]).toEqual({ code: "invalid-request", message: "body field action must be one of confirm, correct, reject" });
    expect((await post(url, { action: "confirm" })).json()["error"]).toEqual({ code: "invalid-request", message: "the body needs field reviewer" });
    const unknown = await post("/api/events/c0000000000000000/review", { action: "confirm", reviewer: "analyst" });
    expect(unknown.status).toBe(404);
    expect(unknown.json()["error"]).toEqual({ code: "not-found", message: "no event cluster with id c0000000000000000" });
  });
});
