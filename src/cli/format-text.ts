/**
 * The readable summary `sitrep analyze` prints on a terminal: the document,
 * its sentences, then each annotation layer, saying plainly when the stage
 * that fills a layer is not part of the pipeline yet.
 */
import type { ActorMention, Analysis, EventRecord, PlaceMention, SourceSummary, TimeMention } from "../model/analysis.js";
import type { Span } from "../model/span.js";

const LAYERS = ["places", "actors", "times", "events", "sources", "quotes", "attributions", "framing"] as const;
const PREVIEW = 110;

export function formatText(analysis: Analysis, label: string): string {
  const { document } = analysis;
  const lines: string[] = [];
  const scores = document.language_scores
    .slice(0, 3)
    .map((entry) => `${entry.language} ${entry.score.toFixed(2)}`)
    .join(", ");
  lines.push(`${label}`);
  lines.push(`  language   ${document.language}${scores ? `  (trigram scores: ${scores})` : ""}  from ${document.metadata_from.language ?? "-"}`);
  lines.push(`  input      ${document.input.format}, ${document.input.encoding}, ${document.input.bytes} bytes, ${document.text.length} characters`);
  for (const field of ["title", "outlet", "published", "url"] as const) {
    const value = document[field];
    if (value !== null) lines.push(`  ${field.padEnd(10)} ${value}  (from ${document.metadata_from[field] ?? "-"})`);
  }
  lines.push("", `Sentences (${analysis.sentences.length})`);
  analysis.sentences.forEach((sentence, i) => lines.push(`  ${String(i + 1).padStart(3)}  ${range(sentence)}  ${preview(document.text, sentence)}`));
  lines.push("");
  for (const layer of LAYERS) {
    const items = analysis[layer];
    const ran = analysis.stages.some((stage) => stage === layer);
    lines.push(ran || items.length > 0 ? `${capitalise(layer)} (${items.length})` : `${capitalise(layer)}: not analysed (no ${layer} stage in this pipeline yet)`);
    if (layer === "places") lines.push(...analysis.places.map(formatPlace));
    if (layer === "actors") lines.push(...analysis.actors.map(formatActor));
    if (layer === "times") lines.push(...analysis.times.map(formatTime));
    if (layer === "events") lines.push(...analysis.events.flatMap((event) => formatEvent(event, analysis)));
    if (layer === "sources") lines.push(...analysis.source_summary.map((summary) => formatSourceSummary(summary, analysis)));
    if (layer === "framing") lines.push(...analysis.framing.map((span) => `  ${range(span)}  ${span.text.padEnd(28)} ${span.technique}  ${span.by}`));
    if (layer === "quotes") lines.push(...analysis.quotes.map((quote) => `  ${range(quote)}  ${preview(analysis.document.text, quote)}  — ${analysis.sources.find((source) => source.id === quote.speaker)?.name ?? "speaker not named"}`));
  }
  lines.push("", `Messages (${analysis.messages.length})`);
  for (const message of analysis.messages) {
    const where = message.start === null ? "" : ` ${range({ start: message.start, end: message.end ?? message.start })}`;
    lines.push(`  ${message.severity.padEnd(7)} ${message.code}${where}: ${message.reason}`);
  }
  return `${lines.join("\n")}\n`;
}

function formatPlace(place: PlaceMention): string {
  const where = place.resolved
    ? `${place.resolved.name}, ${place.resolved.country ?? "?"}${place.resolved.admin1 ? ` (${place.resolved.admin1})` : ""} ${place.resolved.lat.toFixed(3)} ${place.resolved.lon.toFixed(3)}  precision ${place.precision ?? "-"}`
    : "unresolved";
  return `  ${range(place)}  ${place.text.padEnd(22)} ${place.kind.padEnd(15)} → ${where}  score ${place.score.toFixed(2)}  ${place.by}`;
}

function formatActor(actor: ActorMention): string {
  const entry = actor.resolved ? `${actor.resolved.name} (type ${actor.resolved.type}${actor.resolved.country ? `, ${actor.resolved.country}` : ""})` : "unresolved";
  return `  ${range(actor)}  ${actor.text.padEnd(22)} → ${entry}  ${actor.by}`;
}

function formatTime(time: TimeMention): string {
  return `  ${range(time)}  ${time.text.padEnd(22)} → ${time.value ?? "unanchored"}  precision ${time.precision ?? "-"}  ${time.by}`;
}

function formatEvent(event: EventRecord, analysis: Analysis): string[] {
  const names = (ids: readonly string[]) => ids.map((id) => analysis.actors.find((actor) => actor.id === id)?.text ?? id).join(", ") || "-";
  const place = analysis.places.find((candidate) => candidate.id === event.location);
  const type = event.acled ? `${event.acled.event_type} / ${event.acled.sub_event_type}` : event.scope;
  const plover = event.plover ? `${event.plover.type}${event.plover.mode ? `/${event.plover.mode}` : ""}` : "-";
  return [
    `  ${range(event.trigger)}  ${event.trigger.text.padEnd(22)} ${type}  PLOVER ${plover}  ${event.modality}  confidence ${event.confidence.toFixed(2)}`,
    `${" ".repeat(17)}actor1 ${names(event.actor1)}; actor2 ${names(event.actor2)}; where ${place ? `${place.text} (geo_precision ${event.geo_precision ?? "-"})` : "-"}; when ${event.date_value ?? "-"} (time_precision ${event.time_precision ?? "-"})${event.fatalities ? `; fatalities ${event.fatalities.low}–${event.fatalities.high}` : ""}`,
  ];
}

function formatSourceSummary(summary: SourceSummary, analysis: Analysis): string {
  const name = (id: string) => analysis.sources.find((source) => source.id === id)?.name ?? id;
  const alignment = summary.alignment ? ` [${summary.alignment}${summary.affiliation ? `: ${summary.affiliation}` : ""}]` : "";
  const chain = summary.chain.length > 0 ? ` via ${summary.chain.map(name).join(" → ")}` : "";
  return `  ${summary.source.padEnd(4)} ${summary.kind.padEnd(12)} ${summary.name}${alignment}${chain}; events ${summary.events.join(", ") || "-"}; quotes ${summary.quotes.join(", ") || "-"}`;
}

function range(span: Span): string {
  return `[${span.start}–${span.end})`.padEnd(13);
}

function preview(text: string, span: Span): string {
  const slice = text.slice(span.start, span.end).replace(/\s+/g, " ");
  return slice.length > PREVIEW ? `${slice.slice(0, PREVIEW - 1)}…` : slice;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
