/**
 * An analysis' events as the corpus sees them: each event with its publisher,
 * its sources' origins, and its actors and place spelled out, so that reports
 * from different documents can be compared without their analyses.
 */
import type { ActorMention, Analysis, EventRecord, PlaceMention, SourceRecord } from "../model/analysis.js";
import type { OutletDefinition, OutletRegistry } from "../sources/outlets.js";
import type { ActorFacts, EventReport, OutletFacts, PlaceFacts } from "./types.js";

export function reportsFromAnalysis(documentId: string, analysis: Analysis, outlets: OutletRegistry): EventReport[] {
  const { document } = analysis;
  const actors = new Map(analysis.actors.map((mention) => [mention.id, mention]));
  const places = new Map(analysis.places.map((mention) => [mention.id, mention]));
  const sources = new Map(analysis.sources.map((source) => [source.id, source]));
  const times = new Map(analysis.times.map((time) => [time.id, time]));
  const publisher = publisherFacts(analysis, outlets);
  const text = document.text;

  return analysis.events.map((event: EventRecord): EventReport => ({
    key: `${documentId}/${event.id}`,
    documentId,
    eventId: event.id,
    url: document.url,
    title: document.title,
    published: document.published,
    language: document.language,
    outlet: publisher,
    origins: originsOf(event, sources, actors),
    eventType: event.acled?.event_type ?? null,
    subEventType: event.acled?.sub_event_type ?? null,
    scope: event.scope,
    ploverType: event.plover?.type ?? null,
    ploverMode: event.plover?.mode ?? null,
    modality: event.modality,
    dateText: event.date === null ? null : (times.get(event.date)?.text ?? null),
    dateValue: event.date_value,
    timePrecision: event.time_precision,
    place: placeFacts(event.location === null ? undefined : places.get(event.location)),
    geoPrecision: event.geo_precision,
    actor1: actorFacts(event.actor1, actors),
    actor2: actorFacts(event.actor2, actors),
    fatalities: event.fatalities === null ? null : { low: event.fatalities.low, high: event.fatalities.high, text: event.fatalities.text },
    trigger: event.trigger.text,
    sentence: text.slice(event.sentence.start, event.sentence.end),
    confidence: event.confidence,
    rules: event.by,
  }));
}

function outletFacts(outlet: OutletDefinition): OutletFacts {
  return {
    id: outlet.id,
    name: outlet.name,
    country: outlet.country === "" ? null : outlet.country,
    ownership: outlet.ownership,
    owner: outlet.owner,
    alignment: outlet.alignment,
    affiliation: outlet.affiliation,
  };
}

/**
 * The publisher the sources stage found, else the registry's outlet for the
 * document's URL or outlet metadata (an analysis made without the sources
 * stage); an outlet the registry lacks is still one voice, known by its
 * domain or its name.
 */
export function publisherFacts(analysis: Analysis, outlets: OutletRegistry): OutletFacts | null {
  const record = analysis.sources.find((source) => source.kind === "publisher");
  const { url, outlet } = analysis.document;
  const known = record?.outlet ? outlets.get(record.outlet.id) : ((url === null ? undefined : outlets.byUrl(url)) ?? (outlet === null ? undefined : outlets.byName(outlet)));
  if (known) return outletFacts(known);
  const host = url === null ? null : hostOf(url);
  const name = record?.name ?? outlet;
  if (host === null && name === null) return null;
  const id = host === null ? `name:${(name ?? "").toLowerCase().replace(/\s+/g, " ").trim()}` : `domain:${host}`;
  return { id, name: name ?? host ?? id, country: null, ownership: null, owner: null, alignment: null, affiliation: null };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/**
 * The first voice behind each source of the event: a cited outlet, a party's
 * statement, or a kind of unnamed source. The publisher and its own reporters
 * add no origin: they are the publisher's voice, which corroboration counts
 * already.
 */
function originsOf(event: EventRecord, sources: ReadonlyMap<string, SourceRecord>, actors: ReadonlyMap<string, ActorMention>): string[] {
  const origins = new Set<string>();
  for (const id of event.sources) {
    const source = sources.get(id);
    if (source === undefined || source.kind === "publisher") continue;
    const origin = originOf(source, sources, actors);
    if (origin !== null) origins.add(origin);
  }
  return [...origins].sort();
}

function originOf(source: SourceRecord, sources: ReadonlyMap<string, SourceRecord>, actors: ReadonlyMap<string, ActorMention>): string | null {
  if (source.kind === "reporter") {
    const employer = source.via === null ? undefined : sources.get(source.via);
    return employer?.kind === "outlet" && employer.outlet ? employer.outlet.id : null;
  }
  if (source.outlet) return source.outlet.id;
  const actor = source.actor === null ? undefined : actors.get(source.actor)?.resolved;
  if (actor) return `actor:${actor.id}`;
  return `kind:${source.kind}`;
}

function placeFacts(mention: PlaceMention | undefined): PlaceFacts | null {
  const entry = mention?.resolved;
  if (!entry) return null;
  return { id: `${entry.gazetteer}:${entry.id}`, name: entry.name, country: entry.country, admin1: entry.admin1, lat: entry.lat, lon: entry.lon, feature: entry.feature };
}

/** Resolved actors of one side, each once; unresolved mentions name nobody the corpus can compare. */
function actorFacts(ids: readonly string[], actors: ReadonlyMap<string, ActorMention>): ActorFacts[] {
  const facts = new Map<string, ActorFacts>();
  for (const id of ids) {
    const entry = actors.get(id)?.resolved;
    if (entry && !facts.has(entry.id)) facts.set(entry.id, { id: entry.id, name: entry.name, inter: entry.type, country: entry.country });
  }
  return [...facts.values()];
}
