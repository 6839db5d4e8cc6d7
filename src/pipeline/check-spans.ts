/**
 * The last stage of every pipeline: proves that each span in the analysis
 * slices `document.text` to the text it claims, and that every cross-reference
 * names an existing id. A failure is a bug in a stage, so it throws.
 */
import type { Doc } from "../model/document.js";
import type { Span } from "../model/span.js";
import type { Stage } from "./stage.js";

export class SpanCheckError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`span check failed with ${problems.length} problem(s):\n  ${problems.slice(0, 20).join("\n  ")}`);
    this.name = "SpanCheckError";
    this.problems = problems;
  }
}

export function createSpanCheckStage(): Stage {
  return function checkSpans(doc: Doc): Doc {
    const problems = findSpanProblems(doc);
    if (problems.length > 0) throw new SpanCheckError(problems);
    return doc;
  };
}

interface Located extends Span {
  text?: string | null;
}

export function findSpanProblems(doc: Doc): string[] {
  const text = doc.document.text;
  const problems: string[] = [];

  /** What is wrong with the item's span, or null; compared in place, without slicing the text for every token. */
  const problemOf = (item: Located): string | null => {
    const { start, end } = item;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      return `[${start}, ${end}) is outside the text (length ${text.length})`;
    }
    if (typeof item.text === "string" && !slicesTo(text, start, end, item.text)) {
      return `[${start}, ${end}) slices to ${JSON.stringify(text.slice(start, end))}, not ${JSON.stringify(item.text)}`;
    }
    return null;
  };
  // Where an item is ("events[3].trigger") is spelled out only for a problem: most documents have none, and thousands of items.
  const at = (layer: string, index: number | null, part: string): string => (index === null ? `${layer}${part}` : `${layer}[${index}]${part}`);
  const check = (layer: string, index: number | null, item: Located, part = ""): void => {
    const problem = problemOf(item);
    if (problem !== null) problems.push(`${at(layer, index, part)}: ${problem}`);
  };
  const checkNullable = (layer: string, index: number, item: { start: number | null; end: number | null; text?: string | null }, part = ""): void => {
    if (item.start === null && item.end === null) return;
    if (item.start === null || item.end === null) {
      problems.push(`${at(layer, index, part)}: start and end must both be set or both be null`);
      return;
    }
    check(layer, index, { start: item.start, end: item.end, text: item.text ?? null }, part);
  };
  const checkRefs = (layer: string, index: number, ids: readonly (string | null)[], known: ReadonlySet<string>): void => {
    for (const id of ids) if (id !== null && !known.has(id)) problems.push(`${at(layer, index, "")}: refers to unknown id ${JSON.stringify(id)}`);
  };

  doc.sentences.forEach((sentence, i) => check("sentences", i, sentence));
  doc.tokens.forEach((token, i) => {
    const problem = problemOf(token);
    if (problem !== null) problems.push(`tokens[${i}]: ${problem}`);
    const stemProblem = token.stem ? problemOf(token.stem) : null;
    if (stemProblem !== null) problems.push(`tokens[${i}].stem: ${stemProblem}`);
    const sentence = doc.sentences[token.sentence];
    if (!sentence || token.start < sentence.start || token.end > sentence.end) {
      problems.push(`tokens[${i}]: not inside its sentence ${token.sentence}`);
    }
  });
  for (const [name, layer] of [
    ["places", doc.places],
    ["actors", doc.actors],
    ["times", doc.times],
    ["quotes", doc.quotes],
    ["framing", doc.framing],
  ] as const) {
    layer.forEach((item, i) => check(name, i, item));
  }
  doc.framing_paragraphs.forEach((paragraph, i) => check("framing_paragraphs", i, paragraph));
  doc.sources.forEach((source, i) => checkNullable("sources", i, source));
  doc.messages.forEach((message, i) => checkNullable("messages", i, message, ` (${message.code})`));
  for (const segment of doc.document.input.source_map ?? []) check("document.input.source_map", null, segment);

  const ids = (items: readonly { id: string }[]): Set<string> => new Set(items.map((item) => item.id));
  const places = ids(doc.places);
  const actors = ids(doc.actors);
  const times = ids(doc.times);
  const sources = ids(doc.sources);
  const events = ids(doc.events);
  const quotes = ids(doc.quotes);
  const attributions = ids(doc.attributions);
  doc.events.forEach((event, i) => {
    check("events", i, event.trigger, ".trigger");
    check("events", i, event.sentence, ".sentence");
    if (event.fatalities) check("events", i, event.fatalities, ".fatalities");
    checkRefs("events", i, [...event.actor1, ...event.actor2], actors);
    checkRefs("events", i, [event.location], places);
    checkRefs("events", i, [event.date], times);
    checkRefs("events", i, event.sources, sources);
  });
  doc.quotes.forEach((quote, i) => checkRefs("quotes", i, [quote.speaker], sources));
  doc.source_summary.forEach((summary, i) => {
    checkRefs("source_summary", i, [summary.source, ...summary.chain], sources);
    checkRefs("source_summary", i, summary.events, events);
    checkRefs("source_summary", i, summary.quotes, quotes);
    checkRefs("source_summary", i, summary.attributions, attributions);
  });
  doc.attributions.forEach((attribution, i) => {
    check("attributions", i, attribution.cue, ".cue");
    check("attributions", i, attribution.content, ".content");
    if (attribution.source_span) check("attributions", i, attribution.source_span, ".source_span");
    checkRefs("attributions", i, [attribution.source], sources);
    checkRefs("attributions", i, [attribution.quote], quotes);
  });
  doc.sources.forEach((source, i) => checkRefs("sources", i, [source.via], sources));
  return problems;
}

/**
 * Whether `text.slice(start, end)` is `expected`, compared code unit by code
 * unit: `startsWith` costs more than the comparison itself on the few
 * characters of a token, and every token of every document is checked.
 */
function slicesTo(text: string, start: number, end: number, expected: string): boolean {
  if (expected.length !== end - start) return false;
  for (let i = 0; i < expected.length; i++) if (text.charCodeAt(start + i) !== expected.charCodeAt(i)) return false;
  return true;
}
