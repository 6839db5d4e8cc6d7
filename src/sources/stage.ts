import type { Attribution, EventRecord, Quote, SourceRecord, SourceSummary } from "../model/analysis.js";
import type { Doc } from "../model/document.js";
import { createMessage, type Message } from "../model/message.js";
import type { Stage } from "../pipeline/stage.js";
import type { PhraseMatcher } from "../text/phrases.js";
import { findAttributions } from "./attribution.js";
import { OutletRegistry, readOutletRegistry } from "./outlets.js";
import { findPublisher } from "./publisher.js";
import { findQuotes } from "./quotes.js";
import { SourceResolver } from "./resolve.js";
import { readSourceKinds, type SourceKind } from "./source-kinds.js";

export interface SourcesOptions {
  /** The outlet registry; the project's (data/outlets/outlets.tsv) when not given. */
  registry?: OutletRegistry;
  /** Words naming kinds of sources; the project's (data/lexicons/source-kinds.tsv) when not given. */
  kinds?: PhraseMatcher<SourceKind>;
}

/**
 * According to whom: the publisher, the quotes and reported speech, each
 * source resolved (an outlet of the registry, the publisher's reporter, an
 * actor, an anonymous source …) and chained to the one that relays it
 * (publisher → reporter → cited source), the sources of every event, and a
 * per-document summary of who carries what. Runs after events.
 */
export function createSourcesStage(options: SourcesOptions = {}): Stage {
  const registry = options.registry ?? new OutletRegistry(readOutletRegistry());
  const kinds = options.kinds ?? readSourceKinds();

  return function sources(doc: Doc): Doc {
    const text = doc.document.text;
    const messages: Message[] = [];
    const mentions = registry.mentions(doc);
    const publisher = findPublisher(doc, registry, mentions);
    messages.push(
      publisher
        ? createMessage({
            code: "publisher-identified",
            severity: "info",
            reason: `publisher ${publisher.outlet.name} (${publisher.outlet.alignment}${publisher.outlet.affiliation ? `, ${publisher.outlet.affiliation}` : ""}) from ${PUBLISHER_FROM[publisher.rule]}`,
            stage: "sources",
            rule: publisher.rule,
            ...(publisher.span ? { span: publisher.span } : {}),
          })
        : createMessage({ code: "publisher-unknown", severity: "warning", reason: "no publisher: no outlet metadata, no known domain, and the text does not name its own outlet (pass --outlet)", stage: "sources" }),
    );
    const resolver = new SourceResolver(doc, kinds, mentions, publisher);

    const quotes = findQuotes(doc);
    const findings = findAttributions(doc, quotes).sort((a, b) => a.cue.start - b.cue.start);
    const quoteIds = new Map(quotes.map((quote, i) => [quote, `q${i + 1}`]));
    const attributions: Attribution[] = findings.map((finding, i) => ({
      id: `r${i + 1}`,
      source: finding.source ? resolver.resolve(finding.source, finding.cue) : null,
      source_span: finding.source,
      cue: finding.cue,
      content: finding.content,
      quote: finding.quote ? (quoteIds.get(finding.quote) ?? null) : null,
      by: finding.rule,
    }));

    const quoteRecords: Quote[] = quotes.map((quote) => {
      const id = quoteIds.get(quote) as string;
      const said = attributions.find((attribution) => attribution.quote === id) ?? attributions.find((attribution) => attribution.content.start <= quote.start && quote.end <= attribution.content.end);
      return { id, text: text.slice(quote.start, quote.end), start: quote.start, end: quote.end, speaker: said?.source ?? null, by: quote.by };
    });

    const sourceRecords: SourceRecord[] = resolver.records();
    const events: EventRecord[] = doc.events.map((event) => {
      const carried = attributions.filter((attribution) => attribution.source !== null && attribution.content.start <= event.trigger.start && event.trigger.end <= attribution.content.end);
      const ids = carried.length > 0 ? [...new Set(carried.map((attribution) => attribution.source as string))] : resolver.publisherId ? [resolver.publisherId] : [];
      return { ...event, sources: [...new Set([...event.sources, ...ids])] };
    });

    return {
      ...doc,
      sources: sourceRecords,
      quotes: quoteRecords,
      attributions,
      events,
      source_summary: summarise(sourceRecords, events, quoteRecords, attributions),
      messages: [...doc.messages, ...messages],
    };
  };
}

const PUBLISHER_FROM: Record<NonNullable<ReturnType<typeof findPublisher>>["rule"], string> = {
  "sources:publisher-metadata": "the outlet metadata",
  "sources:publisher-url": "the URL's domain",
  "sources:publisher-self-reference": "the text's reference to its own outlet",
};

/** Which sources carry which events and quotes, each with its chain to the publisher and its alignment. */
function summarise(sources: readonly SourceRecord[], events: readonly EventRecord[], quotes: readonly Quote[], attributions: readonly Attribution[]): SourceSummary[] {
  const byId = new Map(sources.map((source) => [source.id, source]));
  return sources.map((source) => {
    const chain: string[] = [];
    for (let via = source.via; via !== null && !chain.includes(via); via = byId.get(via)?.via ?? null) chain.push(via);
    const relayed = (ids: readonly string[]) => ids.some((id) => id === source.id);
    return {
      source: source.id,
      name: source.name,
      kind: source.kind,
      alignment: source.outlet?.alignment ?? null,
      affiliation: source.outlet?.affiliation ?? null,
      chain,
      events: events.filter((event) => relayed(event.sources)).map((event) => event.id),
      quotes: quotes.filter((quote) => quote.speaker === source.id).map((quote) => quote.id),
      attributions: attributions.filter((attribution) => attribution.source === source.id).map((attribution) => attribution.id),
    };
  });
}
