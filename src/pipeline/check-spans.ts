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
  const check = (where: string, item: Located): void => {
    const problem = problemOf(item);
    if (problem !== null) problems.push(`${where}: ${problem}`);
  };
  const checkNullable = (where: string, item: { start: number | null; end: number | null; text?: string | null }): void => {
    if (item.start === null && item.end === null) return;
    if (item.start === null || item.end === null) {
      problems.push(`${where}: start and end must both be set or both be null`);
      return;
    }
    check(where, { start: item.start, end: item.end, text: item.text ?? null });
  };
  const checkRefs = (where: string, ids: readonly (string | null)[], known: ReadonlySet<string>): void => {
    for (const id of ids) if (id !== null && !known.has(id)) problems.push(`${where}: refers to unknown id ${JSON.stringify(id)}`);
  };

  doc.sentences.forEach((sentence, i) => check(`sentences[${i}]`, sentence));
  // A document has hundreds of tokens: each is labelled only when something is wrong with it.
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
    layer.forEach((item, i) => check(`${name}[${i}]`, item));
  }
  doc.framing_paragraphs.forEach((paragraph, i) => check(`framing_paragraphs[${i}]`, paragraph));
  doc.sources.forEach((source, i) => checkNullable(`sources[${i}]`, source));
  doc.messages.forEach((message, i) => checkNullable(`messages[${i}] (${message.code})`, message));
  for (const segment of doc.document.input.source_map ?? []) check("document.input.source_map", segment);

  const ids = (items: readonly { id: string }[]): Set<string> => new Set(items.map((item) => item.id));
  const places = ids(doc.places);
  const actors = ids(doc.actors);
  const times = ids(doc.times);
  const sources = ids(doc.sources);
  const events = ids(doc.events);
  const quotes = ids(doc.quotes);
  const attributions = ids(doc.attributions);
  doc.events.forEach((event, i) => {
    const where = `events[${i}]`;
    check(`${where}.trigger`, event.trigger);
    check(`${where}.sentence`, event.sentence);
    if (event.fatalities) check(`${where}.fatalities`, event.fatalities);
    checkRefs(where, [...event.actor1, ...event.actor2], actors);
    checkRefs(where, [event.location], places);
    checkRefs(where, [event.date], times);
    checkRefs(where, event.sources, sources);
  });
  doc.quotes.forEach((quote, i) => checkRefs(`quotes[${i}]`, [quote.speaker], sources));
  doc.source_summary.forEach((summary, i) => {
    checkRefs(`source_summary[${i}]`, [summary.source, ...summary.chain], sources);
    checkRefs(`source_summary[${i}]`, summary.events, events);
    checkRefs(`source_summary[${i}]`, summary.quotes, quotes);
    checkRefs(`source_summary[${i}]`, summary.attributions, attributions);
  });
  doc.attributions.forEach((attribution, i) => {
    check(`attributions[${i}].cue`, attribution.cue);
    check(`attributions[${i}].content`, attribution.content);
    if (attribution.source_span) check(`attributions[${i}].source_span`, attribution.source_span);
    checkRefs(`attributions[${i}]`, [attribution.source], sources);
    checkRefs(`attributions[${i}]`, [attribution.quote], quotes);
  });
  doc.sources.forEach((source, i) => checkRefs(`sources[${i}]`, [source.via], sources));
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
