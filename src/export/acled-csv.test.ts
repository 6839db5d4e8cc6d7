import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  CIVILIANS,
  HTS,
  KABUL,
  SANA,
  SYRIAN_ARMY,
  corpusEvent,
  exportedText,
  fatalityClaim,
  members,
  outlet,
  report,
} from "../test-support/corpus-events.js";
import { ACLED_COLUMNS, ACLED_CSV_HEADER, SITREP_COLUMNS } from "./acled-csv.js";

/** ACLED's columns in ACLED's order, written out here so that a change to the exporter's list fails. */
const ACLED_ORDER = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
];

async function csvRows(events: Parameters<typeof exportedText>[1]): Promise<{ header: string[]; rows: Record<string, string>[]; text: string }> {
  const { text } = await exportedText("acled-csv", events);
  // Any line end ends a record here, as it does for most CSV readers (pandas, spreadsheets): an unquoted line break in a value would split its row.
  const [header = [], ...records] = parse(text, { record_delimiter: ["\r\n", "\n", "\r"] }) as string[][];
  const rows = records.map((record) => Object.fromEntries(header.map((column, index) => [column, record[index] ?? ""])));
  return { header, rows, text };
}

describe("ACLED CSV export", () => {
  it("writes exactly ACLED's columns in ACLED's order, then the sitrep_ provenance columns", async () => {
    const { header } = await csvRows([corpusEvent()]);
    expect(header).toEqual([...ACLED_CSV_HEADER]);
    expect(header.slice(0, ACLED_ORDER.length)).toEqual(ACLED_ORDER);
    expect([...ACLED_COLUMNS]).toEqual(ACLED_ORDER);
    const provenance = header.slice(ACLED_ORDER.length);
    expect(provenance).toEqual([...SITREP_COLUMNS]);
    expect(provenance.every((column) => column.startsWith("sitrep_"))).toBe(true);
    for (const column of ["sitrep_cluster_id", "sitrep_reports", "sitrep_urls", "sitrep_independent_outlets", "sitrep_fatality_claims", "sitrep_review", "sitrep_merge_rules"]) {
      expect(provenance).toContain(column);
    }
  });

  it("writes one row per event, each with its own stable id", async () => {
    const events = [corpusEvent({ id: "cl-1" }), corpusEvent({ id: "cl-2" }), corpusEvent({ id: "cl-3", summary: { place: KABUL } })];
    const { rows } = await csvRows(events);
    expect(rows.map((row) => row.event_id_cnty)).toEqual(["SYRcl1", "SYRcl2", "AFGcl3"]);
    const again = await csvRows(events);
    expect(again.rows.map((row) => row.event_id_cnty)).toEqual(rows.map((row) => row.event_id_cnty));
  });

  it("writes only the header for no events", async () => {
    const { header, rows, text } = await csvRows([]);
    expect(header).toEqual([...ACLED_CSV_HEADER]);
    expect(rows).toEqual([]);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("codes an armed clash in Aleppo as ACLED would", async () => {
    const [row] = (await csvRows([corpusEvent()])).rows;
    expect(row).toMatchObject({
      event_date: "2024-05-01",
      year: "2024",
      time_precision: "1",
      disorder_type: "Political violence",
      event_type: "Battles",
      sub_event_type: "Armed clash",
      actor1: "Military Forces of Syria",
      assoc_actor_1: "",
      inter1: "1",
      actor2: "Hayat Tahrir al-Sham",
      inter2: "2",
      interaction: "12",
      civilian_targeting: "",
      iso: "760",
      region: "Middle East",
      country: "Syria",
      admin1: "Aleppo",
      admin2: "",
      admin3: "",
      location: "Aleppo",
      latitude: "36.20124",
      longitude: "37.16117",
      geo_precision: "1",
      source: "Reuters",
      source_scale: "International",
      fatalities: "0",
      tags: "",
      timestamp: String(Date.UTC(2024, 4, 2, 10) / 1000),
      sitrep_cluster_id: "cluster-1",
      sitrep_scope: "acled",
      sitrep_modality: "asserted",
      sitrep_single_source: "true",
      sitrep_one_sided: "false",
      sitrep_review: "unreviewed",
    });
  });

  it("writes the numeric ISO code without leading zeros", async () => {
    const [row] = (await csvRows([corpusEvent({ summary: { place: KABUL } })])).rows;
    expect(row).toMatchObject({ iso: "4", country: "Afghanistan", region: "South Asia" });
  });

  it("puts the first actor of a side in actor1 and the others in assoc_actor_1", async () => {
    const allied = { id: "ahrar", name: "Ahrar al-Sham", inter: 2, country: "SY" };
    const [row] = (await csvRows([corpusEvent({ summary: { actor1: [HTS, allied, { ...allied, id: "x", name: "Jaysh al-Izza" }], actor2: [SYRIAN_ARMY] } })])).rows;
    expect(row).toMatchObject({ actor1: "Hayat Tahrir al-Sham", assoc_actor_1: "Ahrar al-Sham; Jaysh al-Izza", inter1: "2", inter2: "1", interaction: "12" });
  });

  it("marks violence against civilians as civilian targeting", async () => {
    const [row] = (await csvRows([corpusEvent({ summary: { eventType: "Violence against civilians", subEventType: "Attack", actor2: [CIVILIANS] } })])).rows;
    expect(row).toMatchObject({ disorder_type: "Political violence", inter2: "7", interaction: "17", civilian_targeting: "Civilian targeting" });
  });

  it("codes excessive force against protesters as both political violence and demonstrations", async () => {
    const protesters = { id: "protesters-syria", name: "Protesters (Syria)", inter: 6, country: "SY" };
    const [row] = (await csvRows([corpusEvent({ summary: { eventType: "Protests", subEventType: "Excessive force against protesters", actor1: [SYRIAN_ARMY], actor2: [protesters] } })]))
      .rows;
    expect(row).toMatchObject({ disorder_type: "Political violence; Demonstrations", interaction: "16", civilian_targeting: "" });
  });

  it("keeps an event with no place, date or actors, with empty columns and zero inter codes", async () => {
    const event = corpusEvent({ id: "c/9", summary: { place: null, geoPrecision: null, dateValue: null, timePrecision: null, actor1: [], actor2: [] } });
    const [row] = (await csvRows([event])).rows;
    expect(row).toMatchObject({
      event_id_cnty: "c9",
      event_date: "",
      year: "",
      iso: "",
      region: "",
      country: "",
      location: "",
      latitude: "",
      longitude: "",
      inter1: "0",
      inter2: "0",
      interaction: "0",
    });
  });

  it("keeps an event outside ACLED's taxonomy with empty type columns and its scope in sitrep_scope", async () => {
    const [row] = (await csvRows([corpusEvent({ summary: { scope: "diplomatic", eventType: null, subEventType: null, ploverType: "SANCTION", ploverMode: "expel" } })])).rows;
    expect(row).toMatchObject({ event_type: "", sub_event_type: "", disorder_type: "", sitrep_scope: "diplomatic" });
  });

  it.each([
    ["a comma", "Clashes in Aleppo, then in Idlib"],
    ["a quote", 'The army called it a "cleansing operation"'],
    ["a line feed alone", "first line\nsecond line"],
    ["a carriage return alone", "first line\rsecond line"],
    ["CRLF", "first line\r\nsecond line"],
    ["Arabic text", "قُتل ثلاثة مدنيين، وأصيب خمسة آخرون في حلب"],
    ["all of them", 'قال "المرصد"، إن 3 مدنيين قتلوا, and "two" were hurt\nin Aleppo;\r\nsecond line'],
  ])("quotes notes with %s so that they parse back unchanged", async (_what, notes) => {
    const { rows } = await csvRows([corpusEvent({ summary: { notes } }), corpusEvent({ id: "next" })]);
    expect(rows.map((row) => [row.notes, row.sitrep_cluster_id])).toEqual([
      [notes, "cluster-1"],
      [corpusEvent().summary.notes, "next"],
    ]);
  });

  it("quotes outlet names and URLs holding the separators", async () => {
    const watan = outlet("al-watan", { name: 'Al-Watan, "Damascus"', country: "SY", alignment: "state-owned" });
    const members2 = members(report("doc-1/e1"), report("doc-2/e4", { outlet: watan, url: "https://alwatan.sy/?a=1,2" }));
    const [row] = (await csvRows([corpusEvent({ members: members2 })])).rows;
    expect(row?.source).toBe('Reuters; Al-Watan, "Damascus"');
    expect(JSON.parse(row?.sitrep_urls ?? "")).toEqual(["https://example.org/doc-1", "https://alwatan.sy/?a=1,2"]);
  });

  it("codes the lowest fatality figure and keeps every contradicting claim with its outlets", async () => {
    const claims = [fatalityClaim(3, 3, ["doc-1/e1"], ["reuters"]), fatalityClaim(12, 15, ["doc-2/e1"], ["sana"])];
    const event = corpusEvent({
      members: members(report("doc-1/e1"), report("doc-2/e1", { outlet: SANA })),
      summary: {
        fatalities: claims,
        fatalitiesDisagree: true,
        corroboration: { outlets: ["reuters", "sana"], independentOutlets: 2, alignments: { wire: 1, "state-owned": 1 }, singleSource: false },
      },
    });
    const [row] = (await csvRows([event])).rows;
    expect(row?.fatalities).toBe("3");
    expect(row?.sitrep_fatalities_disagree).toBe("true");
    expect(JSON.parse(row?.sitrep_fatality_claims ?? "")).toEqual([
      { low: 3, high: 3, reports: ["doc-1/e1"], outlets: ["reuters"] },
      { low: 12, high: 15, reports: ["doc-2/e1"], outlets: ["sana"] },
    ]);
    expect(row).toMatchObject({ source: "Reuters; SANA", source_scale: "National-International", sitrep_independent_outlets: "2", sitrep_single_source: "false" });
    expect(JSON.parse(row?.sitrep_alignments ?? "")).toEqual({ wire: 1, "state-owned": 1 });
    expect(JSON.parse(row?.sitrep_reports ?? "")).toEqual(["doc-1/e1", "doc-2/e1"]);
    expect(JSON.parse(row?.sitrep_merge_rules ?? "")).toEqual(["cluster:same-day", "cluster:same-place"]);
    expect(JSON.parse(row?.sitrep_coding_rules ?? "")).toEqual(["events:trigger-lexicon"]);
    expect(JSON.parse(row?.sitrep_trigger ?? "")).toEqual(["clashed"]);
  });

  it("records the review status and a one-sided report's side", async () => {
    const event = corpusEvent({
      review: { status: "corrected", decisions: [] },
      summary: { corroboration: { oneSided: true, side: "syrian-government" } },
    });
    const [row] = (await csvRows([event])).rows;
    expect(row).toMatchObject({ sitrep_review: "corrected", sitrep_one_sided: "true", sitrep_side: "syrian-government" });
  });
});
