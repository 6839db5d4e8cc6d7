/**
 * Corpus events built by hand for the tests of what reads them (the
 * exports), and a sink that collects what an export writes. The defaults
 * describe one armed clash in Aleppo reported by Reuters; a test overrides
 * only what it is about.
 */
import { Writable } from "node:stream";
import type {
  ActorFacts,
  ClusterMember,
  ClusterSummary,
  CorpusEvent,
  Corroboration,
  EventReport,
  FatalityClaim,
  OutletFacts,
  PlaceFacts,
} from "../corpus/types.js";
import { exportEvents, type ExportFormat } from "../export/index.js";

export const ALEPPO: PlaceFacts = { id: "geonames:170063", name: "Aleppo", country: "SY", admin1: "Aleppo", lat: 36.20124, lon: 37.16117, feature: "PPLA" };
export const KABUL: PlaceFacts = { id: "geonames:1138958", name: "Kabul", country: "AF", admin1: "Kabul", lat: 34.52813, lon: 69.17233, feature: "PPLC" };

export const SYRIAN_ARMY: ActorFacts = { id: "military-forces-of-syria", name: "Military Forces of Syria", inter: 1, country: "SY" };
export const HTS: ActorFacts = { id: "hts", name: "Hayat Tahrir al-Sham", inter: 2, country: "SY" };
export const CIVILIANS: ActorFacts = { id: "civilians-syria", name: "Civilians (Syria)", inter: 7, country: "SY" };

export function outlet(id: string, init: Partial<OutletFacts> = {}): OutletFacts {
  return { id, name: id, country: null, ownership: null, owner: null, alignment: null, affiliation: null, ...init };
}

export const REUTERS = outlet("reuters", { name: "Reuters", country: "GB", ownership: "private", alignment: "wire" });
export const SANA = outlet("sana", { name: "SANA", country: "SY", ownership: "state", alignment: "state-owned" });

export function report(key: string, init: Partial<EventReport> = {}): EventReport {
  const [documentId = key, eventId = "e1"] = key.split("/");
  return {
    key,
    documentId,
    eventId,
    url: `https://example.org/${documentId}`,
    title: null,
    published: "2024-05-01T12:00:00Z",
    language: "en",
    outlet: REUTERS,
    origins: [],
    eventType: "Battles",
    subEventType: "Armed clash",
    scope: "acled",
    ploverType: "ASSAULT",
    ploverMode: "firearms",
    modality: "asserted",
    dateText: "on Wednesday",
    dateValue: "2024-05-01",
    timePrecision: 1,
    place: ALEPPO,
    geoPrecision: 1,
    actor1: [SYRIAN_ARMY],
    actor2: [HTS],
    fatalities: null,
    trigger: "clashed",
    sentence: "Government forces clashed with Hayat Tahrir al-Sham fighters near Aleppo on Wednesday.",
    confidence: 0.8,
    rules: ["events:trigger-lexicon"],
    ...init,
  };
}

/** The founding member, then members merged with it. */
export function members(...reports: EventReport[]): ClusterMember[] {
  return reports.map((member, index) => ({
    report: member,
    merged: index === 0 ? null : { with: reports[0]?.key ?? "", score: 0.9, rules: ["cluster:same-place", "cluster:same-day"] },
  }));
}

export function fatalityClaim(low: number, high: number, reports: string[], outlets: string[]): FatalityClaim {
  return { low, high, reports, outlets };
}

export interface CorpusEventInit extends Partial<Omit<CorpusEvent, "summary">> {
  summary?: Partial<Omit<ClusterSummary, "corroboration">> & { corroboration?: Partial<Corroboration> };
}

export function corpusEvent(init: CorpusEventInit = {}): CorpusEvent {
  const { summary = {}, ...rest } = init;
  const { corroboration = {}, ...fields } = summary;
  const eventMembers = rest.members ?? members(report("doc-1/e1"));
  return {
    id: "cluster-1",
    members: eventMembers,
    review: null,
    updatedAt: "2024-05-02T10:00:00Z",
    ...rest,
    summary: {
      eventType: "Battles",
      subEventType: "Armed clash",
      scope: "acled",
      ploverType: "ASSAULT",
      ploverMode: "firearms",
      modality: "asserted",
      dateValue: "2024-05-01",
      timePrecision: 1,
      place: ALEPPO,
      geoPrecision: 1,
      actor1: [SYRIAN_ARMY],
      actor2: [HTS],
      fatalities: [],
      fatalitiesDisagree: false,
      confidence: 0.8,
      notes: "Government forces clashed with Hayat Tahrir al-Sham fighters near Aleppo on Wednesday.",
      ...fields,
      corroboration: {
        reports: eventMembers.length,
        documents: eventMembers.length,
        outlets: ["reuters"],
        independentOutlets: 1,
        groups: [{ key: "outlet:reuters", outlets: ["reuters"] }],
        alignments: { wire: 1 },
        singleSource: true,
        oneSided: false,
        side: null,
        ...corroboration,
      },
    },
  };
}

/** A writable that keeps everything written to it; decoded at the end, so a character split across chunks stays whole. */
export class TextSink extends Writable {
  #chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.#chunks.push(chunk);
    done();
  }

  get text(): string {
    return Buffer.concat(this.#chunks).toString("utf8");
  }

  /** How many writes the text arrived in. */
  get writes(): number {
    return this.#chunks.length;
  }
}

/** What `exportEvents` writes for `events`, with its counts and the number of writes it took. */
export async function exportedText(format: ExportFormat, events: Iterable<CorpusEvent>): Promise<{ text: string; writes: number; written: number; skipped: number }> {
  const sink = new TextSink();
  const counts = await exportEvents(format, events, sink);
  return { text: sink.text, writes: sink.writes, ...counts };
}
