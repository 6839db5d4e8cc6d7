/**
 * A generated corpus for measuring the store at scale: analyses shaped like
 * the pipeline's, each with a few events spread over a region, two years,
 * every ACLED sub-event type, a pool of actors and the registry's outlets.
 * Seeded, so that two runs measure the same corpus. No text in it is real.
 */
import { ACLED_SUB_EVENT_TYPES } from "../eval/tasks/case-labels.js";
import type { ActorEntry, ActorMention, Analysis, EventRecord, PlaceMention, SourceRecord, TimeMention } from "../model/analysis.js";
import { createDoc, toAnalysis } from "../model/document.js";
import { seededRandom } from "../model/seeded-random.js";

const PLACES = [
  { id: "170063", name: "Aleppo", lat: 36.202, lon: 37.158 },
  { id: "169577", name: "Homs", lat: 34.727, lon: 36.723 },
  { id: "170017", name: "Hama", lat: 35.131, lon: 36.757 },
  { id: "169389", name: "Idlib", lat: 35.93, lon: 36.633 },
  { id: "170794", name: "Deraa", lat: 32.625, lon: 36.106 },
  { id: "163345", name: "Raqqa", lat: 35.95, lon: 39.009 },
  { id: "98182", name: "Baghdad", lat: 33.341, lon: 44.401 },
  { id: "99532", name: "Mosul", lat: 36.335, lon: 43.119 },
  { id: "71137", name: "Sanaa", lat: 15.355, lon: 44.207 },
  { id: "2210247", name: "Tripoli", lat: 32.885, lon: 13.18 },
];

const ACTORS: readonly ActorEntry[] = [
  { id: "generic:military:SY", name: "Military Forces of Syria", type: 1, country: "SY", parent: null },
  { id: "nusra-front", name: "Jabhat al-Nusra", type: 2, country: "SY", parent: null },
  { id: "isis", name: "Islamic State", type: 2, country: null, parent: null },
  { id: "hezbollah", name: "Hezbollah", type: 2, country: "LB", parent: null },
  { id: "generic:civilians", name: "Civilians", type: 7, country: null, parent: null },
  { id: "generic:protesters", name: "Protesters", type: 6, country: null, parent: null },
];

const OUTLET_HOSTS = ["www.reuters.com", "www.aljazeera.com", "www.bbc.com", "www.france24.com", "sana.sy", "www.almanar.com.lb", "apnews.com", "www.voanews.com"];


export interface SyntheticOptions {
  documents: number;
  eventsPerDocument: number;
  seed?: number;
}

export function* syntheticAnalyses(options: SyntheticOptions): Generator<Analysis> {
  const next = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const start = Date.UTC(2023, 0, 1);
  for (let index = 0; index < options.documents; index++) {
    const published = new Date(start + Math.floor(next() * 730) * 86_400_000).toISOString().slice(0, 10);
    const sentences: string[] = [];
    const places: PlaceMention[] = [];
    const actors: ActorMention[] = [];
    const times: TimeMention[] = [];
    const events: EventRecord[] = [];
    let offset = 0;
    for (let number = 0; number < options.eventsPerDocument; number++) {
      const place = pick(PLACES);
      const [one, two] = [pick(ACTORS), pick(ACTORS)];
      const type = pick(ACLED_SUB_EVENT_TYPES);
      const day = new Date(Date.parse(published) - Math.floor(next() * 3) * 86_400_000).toISOString().slice(0, 10);
      const killed = Math.floor(next() * 20);
      const sentence = `Report ${index}-${number}: ${one.name} and ${two.name} near ${place.name} on ${day}, ${killed} killed.`;
      const at = (text: string) => offset + sentence.indexOf(text);
      const span = (text: string) => ({ start: at(text), end: at(text) + text.length, text });
      const ids = { place: `p${number}`, one: `a${number}x`, two: `a${number}y`, time: `t${number}` };
      places.push({ id: ids.place, ...span(place.name), kind: "toponym", resolved: { gazetteer: "geonames", id: place.id, name: place.name, country: null, admin1: null, lat: place.lat + (next() - 0.5) * 0.2, lon: place.lon + (next() - 0.5) * 0.2, feature: "PPL", population: null }, score: 1, precision: 1, alternatives: [], by: "synthetic" });
      actors.push({ id: ids.one, ...span(one.name), resolved: one, by: "synthetic" }, { id: ids.two, ...span(two.name), resolved: two, by: "synthetic" });
      times.push({ id: ids.time, ...span(day), value: day, precision: 1, by: "synthetic" });
      const trigger = span(`${killed} killed`);
      events.push({
        id: `e${number}`, trigger, evidence: [trigger], sentence: { start: offset, end: offset + sentence.length },
        acled: { event_type: type.eventType, sub_event_type: type.subEventType }, scope: "acled", plover: { type: "ASSAULT", mode: null },
        actor1: [ids.one], actor2: [ids.two], location: ids.place, geo_precision: 1, date: ids.time, date_value: day, time_precision: 1,
        fatalities: killed === 0 ? null : { ...trigger, low: killed, high: killed }, modality: "asserted", sources: [], confidence: 0.5 + next() / 2, by: ["synthetic"],
      });
      sentences.push(sentence);
      offset += sentence.length + 1;
    }
    const text = sentences.join(" ");
    const url = `https://${pick(OUTLET_HOSTS)}/synthetic/${index}`;
    const doc = createDoc({
      id: `synthetic-${index}`, url, outlet: null, language: "en", language_scores: [], published, title: `Synthetic report ${index}`, text,
      metadata_from: {}, input: { format: "text", encoding: "utf-8", bytes: text.length, source_map: null },
    });
    const sources: SourceRecord[] = [];
    yield toAnalysis({ ...doc, places, actors, times, events, sources });
  }
}
