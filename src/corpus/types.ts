/**
 * The corpus' view of events: one `EventReport` per event per document (what
 * one outlet says happened), merged across documents into clusters (what
 * happened, according to everyone who reported it). Clustering, corroboration,
 * the store and the exports all speak these types.
 */
import type { EventScope, Modality, TextSpan } from "../model/analysis.js";

/** A publishing or cited outlet, as far as independence is judged. */
export interface OutletFacts {
  /** The registry id; outlets missing from the registry get `domain:<host>` or `name:<folded name>`. */
  id: string;
  name: string;
  country: string | null;
  /** The registry's ownership category (state, public, private, party, armed-group, …). */
  ownership: string | null;
  /** The media group that owns the outlet, when the registry knows it; outlets of one owner are not independent of each other. */
  owner: string | null;
  alignment: string | null;
  /** Actor-dictionary id of the party the outlet speaks for, if any. */
  affiliation: string | null;
}

export interface ActorFacts {
  /** Actor-dictionary id, or the generic actor's id. */
  id: string;
  name: string;
  /** ACLED inter code 1–8. */
  inter: number;
  country: string | null;
}

export interface PlaceFacts {
  /** `<gazetteer>:<id>`, e.g. `geonames:170063`. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  feature: string | null;
}

export interface ReportedFatalities {
  low: number;
  high: number;
  text: string;
}

/** One event as one document reports it. */
export interface EventReport {
  /** `<documentId>/<eventId>`: unique in the corpus. */
  key: string;
  documentId: string;
  eventId: string;
  url: string | null;
  title: string | null;
  published: string | null;
  language: string;
  /** The document's publisher. */
  outlet: OutletFacts | null;
  /**
   * Where the report's content comes from, beyond its publisher: the first
   * link of each source chain behind the event ("afp" when the article cites
   * AFP, `actor:<id>` for a party's statement, `kind:<kind>` for unnamed
   * witnesses or sources). Two reports that relay the same origin are not
   * independent of each other.
   */
  origins: string[];
  eventType: string | null;
  subEventType: string | null;
  scope: EventScope;
  ploverType: string | null;
  ploverMode: string | null;
  modality: Modality;
  /** The date expression as written, if any. */
  dateText: string | null;
  dateValue: string | null;
  timePrecision: 1 | 2 | 3 | null;
  place: PlaceFacts | null;
  geoPrecision: 1 | 2 | 3 | null;
  actor1: ActorFacts[];
  actor2: ActorFacts[];
  fatalities: ReportedFatalities | null;
  trigger: string;
  /** The sentence that reports the event, for ACLED's notes. */
  sentence: string;
  confidence: number;
  /** The stage rules that coded the event. */
  rules: string[];
}

/** Why a report joined a cluster: the member it was compared with, and the rules that matched. */
export interface MergeEvidence {
  with: string;
  score: number;
  rules: string[];
}

export interface ClusterMember {
  report: EventReport;
  /** Null for the member that founded the cluster. */
  merged: MergeEvidence | null;
}

/** One fatality figure and everyone who gave it: contradicting figures are kept side by side. */
export interface FatalityClaim {
  low: number;
  high: number;
  /** Report keys. */
  reports: string[];
  /** Outlet ids. */
  outlets: string[];
}

export interface IndependenceGroup {
  /** What makes these outlets one voice: `owner:<id>`, `state:<country>`, `affiliation:<actor>`, `outlet:<id>`, or `origin:<origin>`. */
  key: string;
  outlets: string[];
}

export interface Corroboration {
  reports: number;
  documents: number;
  /** Distinct publishing outlets. */
  outlets: string[];
  /** Distinct independence groups among the publishers. */
  independentOutlets: number;
  groups: IndependenceGroup[];
  /** Publishers per alignment. */
  alignments: Record<string, number>;
  singleSource: boolean;
  /** Every report comes from one party's outlets or relays one party's statements. */
  oneSided: boolean;
  /** The party it is one-sided towards, when it is. */
  side: string | null;
}

/** What a cluster says happened: each field taken from the members that know it best. */
export interface ClusterSummary {
  eventType: string | null;
  subEventType: string | null;
  scope: EventScope;
  ploverType: string | null;
  ploverMode: string | null;
  modality: Modality;
  dateValue: string | null;
  timePrecision: 1 | 2 | 3 | null;
  place: PlaceFacts | null;
  geoPrecision: 1 | 2 | 3 | null;
  actor1: ActorFacts[];
  actor2: ActorFacts[];
  fatalities: FatalityClaim[];
  fatalitiesDisagree: boolean;
  corroboration: Corroboration;
  confidence: number;
  /** The most informative member sentence. */
  notes: string;
}

export type ReviewAction = "confirm" | "correct" | "reject";

export interface ReviewDecision {
  id: string;
  clusterId: string;
  action: ReviewAction;
  reviewer: string;
  at: string;
  /** For "correct": the summary fields replaced, with their old and new values. */
  changes: { field: string; from: unknown; to: unknown }[];
  comment: string | null;
}

/** A cluster as queries and exports see it: the summary with reviewers' corrections applied. */
export interface CorpusEvent {
  id: string;
  summary: ClusterSummary;
  members: ClusterMember[];
  review: { status: "confirmed" | "corrected" | "rejected"; decisions: ReviewDecision[] } | null;
  updatedAt: string;
}

/** A cluster as a map shows it: where, what, when, how corroborated, and what reviewers decided. */
export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  eventType: string | null;
  subEventType: string | null;
  date: string | null;
  independentOutlets: number;
  reports: number;
  status: "confirmed" | "corrected" | "rejected" | null;
}

export interface TimelineCount {
  /** The bucket's first day, YYYY-MM-DD: the day itself, the Monday of the week, or the first of the month. */
  start: string;
  count: number;
}

/** One member report's words behind a cluster: its trigger, cues and sentence in its document. */
export interface MemberEvidence {
  documentId: string;
  eventId: string;
  url: string | null;
  title: string | null;
  /** The publisher's name. */
  outlet: string | null;
  trigger: TextSpan;
  evidence: TextSpan[];
  sentence: TextSpan;
}
