/**
 * The public output contract `sitrep/analysis@1`. `schema/analysis.schema.json`
 * describes the same shape for other languages; tests validate every analysis
 * against it. Extend these types; never rename a field.
 *
 * Conventions: spans are `start`/`end` UTF-16 offsets into `document.text`;
 * layers refer to each other by `id`; a derived value names the `stage:rule`
 * that produced it in `by`; a value that comes from no text has `null` offsets.
 */
import type { Message } from "./message.js";
import type { Span } from "./span.js";

export const ANALYSIS_SCHEMA = "sitrep/analysis@1";

/** Input as it arrived, and how the text was obtained from it. */
export interface InputInfo {
  format: "text" | "html";
  /** Character encoding the bytes were decoded with, e.g. "utf-8", "utf-16le". */
  encoding: string;
  /** Size of the input in bytes before decoding. */
  bytes: number;
  /**
   * For HTML: which range of the decoded HTML source each range of `text` came
   * from, in text order. Null for plain text, whose offsets are its own.
   */
  source_map: SourceSegment[] | null;
}

/** `text.slice(start, end)` was read from `html.slice(source_start, source_end)`. */
export interface SourceSegment extends Span {
  source_start: number;
  source_end: number;
}

export interface LanguageScore {
  language: string;
  score: number;
}

/** Where a metadata field's value came from, e.g. "option:--published". */
export type MetadataOrigin = Partial<Record<"url" | "outlet" | "language" | "published" | "title", string>>;

export interface AnalysisDocument {
  /** Caller's id, else `sha256:` of the text. */
  id: string;
  url: string | null;
  outlet: string | null;
  /** ISO 639-1 code where one exists, else ISO 639-3; `und` when undetermined. */
  language: string;
  /** Ranked language guesses with scores in [0, 1]; the first is `language` unless overridden. */
  language_scores: LanguageScore[];
  /** ISO 8601 date or date-time. */
  published: string | null;
  title: string | null;
  /** The exact text that all offsets index. */
  text: string;
  metadata_from: MetadataOrigin;
  input: InputInfo;
}

export interface GazetteerEntry {
  gazetteer: string;
  id: string;
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  feature: string | null;
  population: number | null;
}

export interface ScoredGazetteerEntry {
  gazetteer: string;
  id: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  score: number;
}

export interface PlaceMention extends Span {
  id: string;
  text: string;
  kind: "toponym" | "demonym" | "region" | "natural-feature";
  resolved: GazetteerEntry | null;
  score: number;
  /** ACLED geo_precision: 1 the place itself, 2 near it, 3 a larger area around it. */
  precision: 1 | 2 | 3 | null;
  alternatives: ScoredGazetteerEntry[];
  by: string;
}

export interface ActorEntry {
  id: string;
  name: string;
  /** ACLED inter code 1–8. */
  type: number;
  country: string | null;
  parent: string | null;
}

export interface ActorMention extends Span {
  id: string;
  text: string;
  resolved: ActorEntry | null;
  by: string;
}

export interface TimeMention extends Span {
  id: string;
  text: string;
  /** ISO 8601 date, or null when it could not be anchored. */
  value: string | null;
  /** ACLED time_precision: 1 day, 2 week, 3 month. */
  precision: 1 | 2 | 3 | null;
  by: string;
}

/** A piece of text, with its offsets. */
export interface TextSpan extends Span {
  text: string;
}

export type Modality = "asserted" | "negated" | "future" | "hypothetical" | "reported";

export interface Fatalities extends Span {
  low: number;
  high: number;
  text: string;
}

/**
 * What kind of reported occurrence an event is. `acled` covers ACLED's
 * political violence, demonstrations and strategic developments; the others
 * are reported occurrences outside that taxonomy (a diplomatic expulsion, a
 * claim of responsibility, a robbery, an earthquake), kept so that a report is
 * never forced into a conflict category it does not belong to.
 */
export type EventScope =
  | "acled"
  | "diplomatic"
  | "claim"
  | "political"
  | "organised-crime"
  | "natural-disaster"
  | "man-made-disaster";

export interface EventRecord {
  id: string;
  /** The word the event is anchored on. */
  trigger: TextSpan;
  /** Every trigger and cue pooled into this one occurrence, the anchor included, in text order. */
  evidence: TextSpan[];
  sentence: Span;
  /** Null when `scope` is not "acled". */
  acled: { event_type: string; sub_event_type: string } | null;
  scope: EventScope;
  /** Null for occurrences PLOVER has no type for (disasters, crime, claims of responsibility). */
  plover: { type: string; mode: string | null } | null;
  /** Ids of actor mentions. */
  actor1: string[];
  actor2: string[];
  /** Id of a place mention. */
  location: string | null;
  geo_precision: 1 | 2 | 3 | null;
  /** Id of a time mention. */
  date: string | null;
  date_value: string | null;
  time_precision: 1 | 2 | 3 | null;
  fatalities: Fatalities | null;
  modality: Modality;
  /** Ids of sources. */
  sources: string[];
  confidence: number;
  by: string[];
}

export interface OutletInfo {
  id: string;
  country: string | null;
  alignment: string | null;
  affiliation: string | null;
}

export interface SourceRecord {
  id: string;
  /**
   * publisher, reporter, outlet, official, organisation, anonymous, witness,
   * resident, activist, fighter, person: who the source is, as the text lets one tell.
   */
  kind: string;
  name: string;
  text: string | null;
  start: number | null;
  end: number | null;
  outlet: OutletInfo | null;
  /** Id of the source that relays this one (the chain towards the publisher). */
  via: string | null;
  /** Id of the actor mention the source is, when it is one ("the Syrian army said"). */
  actor: string | null;
  by: string;
}

/** Reported speech: who (source) said what (content), by which words (cue). */
export interface Attribution {
  id: string;
  /** Id of the source; null when the text names none. */
  source: string | null;
  /** Where the text names the source ("des sources", "the agency"); null when it does not. */
  source_span: TextSpan | null;
  cue: TextSpan;
  content: TextSpan;
  /** Id of the quote, when the content is a direct quotation. */
  quote: string | null;
  by: string;
}

export interface Quote extends Span {
  id: string;
  text: string;
  /** Id of a source. */
  speaker: string | null;
  by: string;
}

/** Per source: what it carries, how it reaches the reader, and with which alignment. */
export interface SourceSummary {
  /** Id of the source. */
  source: string;
  name: string;
  kind: string;
  /** The outlet's alignment (state-owned, party-affiliated, …), for outlets and publishers. */
  alignment: string | null;
  /** The actor an outlet is affiliated with (an actor dictionary id). */
  affiliation: string | null;
  /** Ids of the sources that relay this one, nearest first, up to the publisher. */
  chain: string[];
  /** Ids of the events, quotes and attributions it carries. */
  events: string[];
  quotes: string[];
  attributions: string[];
}

export interface FramingSpan extends Span {
  id: string;
  /** SemEval-2023 Task 3 persuasion technique name. */
  technique: string;
  text: string;
  by: string;
}

export interface FramingParagraph extends Span {
  techniques: string[];
}

export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA;
  generator: { name: "sitrep"; version: string };
  /** Names of the stages that ran, in order: an empty layer of a stage that did not run is not a finding. */
  stages: string[];
  document: AnalysisDocument;
  sentences: Span[];
  places: PlaceMention[];
  actors: ActorMention[];
  times: TimeMention[];
  events: EventRecord[];
  sources: SourceRecord[];
  quotes: Quote[];
  attributions: Attribution[];
  source_summary: SourceSummary[];
  framing: FramingSpan[];
  /** Per paragraph, the persuasion techniques of the framing spans in it (SemEval-2023 Task 3's paragraph-level labels). */
  framing_paragraphs: FramingParagraph[];
  messages: Message[];
}
