/**
 * Everything the pipeline extracted from one article, as highlightable spans:
 * places, actors, dates, event triggers and evidence, sources, quotes and
 * loaded language. Each keeps the record it came from, so a highlight can say
 * what it was resolved to and which rule (`by`) decided it.
 */
import type { Analysis, EventRecord, FramingSpan, Quote, SourceRecord } from "../../../src/model/analysis.js";

export type AnnotationKind = "place" | "actor" | "time" | "event" | "source" | "quote" | "framing";

export const ANNOTATION_KINDS: readonly { kind: AnnotationKind; label: string }[] = [
  { kind: "place", label: "Places" },
  { kind: "actor", label: "Actors" },
  { kind: "time", label: "Dates" },
  { kind: "event", label: "Event triggers" },
  { kind: "source", label: "Sources" },
  { kind: "quote", label: "Quotes" },
  { kind: "framing", label: "Loaded language" },
];

interface Base {
  /** Position in the annotation list, used to find a highlight's elements again. */
  index: number;
  start: number;
  end: number;
}

export type Annotation = Base &
  (
    | { kind: "place"; record: Analysis["places"][number] }
    | { kind: "actor"; record: Analysis["actors"][number] }
    | { kind: "time"; record: Analysis["times"][number] }
    /** `role` tells the anchor word from the other cues pooled into the event. */
    | { kind: "event"; record: EventRecord; role: "trigger" | "evidence"; eventIndex: number }
    | { kind: "source"; record: SourceRecord }
    | { kind: "quote"; record: Quote }
    | { kind: "framing"; record: FramingSpan }
  );

type Unindexed = Annotation extends infer A ? (A extends Annotation ? Omit<A, "index"> : never) : never;

export function collectAnnotations(analysis: Analysis): Annotation[] {
  const found: Unindexed[] = [
    ...analysis.places.map((record) => ({ kind: "place" as const, start: record.start, end: record.end, record })),
    ...analysis.actors.map((record) => ({ kind: "actor" as const, start: record.start, end: record.end, record })),
    ...analysis.times.map((record) => ({ kind: "time" as const, start: record.start, end: record.end, record })),
    ...analysis.events.flatMap((record, eventIndex) => [
      { kind: "event" as const, start: record.trigger.start, end: record.trigger.end, record, role: "trigger" as const, eventIndex },
      ...record.evidence
        .filter((span) => span.start !== record.trigger.start || span.end !== record.trigger.end)
        .map((span) => ({ kind: "event" as const, start: span.start, end: span.end, record, role: "evidence" as const, eventIndex })),
    ]),
    ...analysis.sources.flatMap((record) => (record.start === null || record.end === null ? [] : [{ kind: "source" as const, start: record.start, end: record.end, record }])),
    ...analysis.quotes.map((record) => ({ kind: "quote" as const, start: record.start, end: record.end, record })),
    ...analysis.framing.map((record) => ({ kind: "framing" as const, start: record.start, end: record.end, record })),
  ];
  return found.map((annotation, index) => ({ ...annotation, index }) as Annotation);
}
