import type { ActorMention, EventRecord, Fatalities, PlaceMention, TimeMention } from "../model/analysis.js";
import type { Doc } from "../model/document.js";
import { createMessage, type Message } from "../model/message.js";
import type { Span } from "../model/span.js";
import type { Stage } from "../pipeline/stage.js";
import type { PhraseMatch } from "../text/phrases.js";
import { actorRoles, chooseLocation, nearestTime } from "./arguments.js";
import { codeCategory, familyOf } from "./coding.js";
import { detectOccurrences, type Occurrence } from "./detect.js";
import { findCasualties, totalFatalities } from "./fatalities.js";
import { readEventTriggers, readModalityCues, type EventCategory, type ModalityCue, type TriggerEntry } from "./lexicon.js";
import { compileEventMatchers } from "./matchers.js";
import { modalityOf } from "./modality.js";

export interface EventsOptions {
  /** Trigger and cue rows; the project's lexicon (data/lexicons/event-triggers.tsv) when not given. */
  triggers?: readonly TriggerEntry[];
  /** Modality cues; the project's lexicon (data/lexicons/modality-cues.tsv) when not given. */
  modality?: readonly ModalityCue[];
}

/** Occurrences that are movements, whose destination is where they happen. */
const MOVEMENT: ReadonlySet<EventCategory> = new Set(["Non-violent transfer of territory", "Change to group/activity", "Headquarters or base established"]);
/** Families whose side is the crowd that marches or riots. */
const DEMONSTRATIONS: ReadonlySet<string> = new Set(["Protests", "Riots"]);
/** Families whose deaths are the event's fatalities. */
const LETHAL_FAMILIES: ReadonlySet<string> = new Set(["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"]);

/**
 * Detects and codes the events a document reports: type and sub-type in
 * ACLED and PLOVER terms, the two sides, where and when it happened, its
 * fatalities and whether it happened at all. Runs after places, actors and
 * times, whose mentions it links by id.
 */
export function createEventsStage(options: EventsOptions = {}): Stage {
  const matchers = compileEventMatchers(options.triggers ?? readEventTriggers(), options.modality ?? readModalityCues());

  return function events(doc: Doc): Doc {
    const language = matchers.get(doc.document.language);
    if (!language) return doc;
    const text = doc.document.text;
    const records: EventRecord[] = [];
    const messages: Message[] = [];
    // Each lexicon is matched once over the document and its matches shared out by sentence.
    const triggers = bySentence(doc, language.triggers.matchAll(doc));
    const cues = bySentence(doc, language.cues.matchAll(doc));
    const modalityCues = bySentence(doc, language.modality.matchAll(doc));
    let contextPlace: PlaceMention | null = null;
    let lastBattle: Sides | null = null;
    doc.sentences.forEach((sentence, sentenceIndex) => {
      const occurrences = detectOccurrences(doc, { triggers: triggers[sentenceIndex] ?? [], cues: cues[sentenceIndex] ?? [], following: [...(triggers[sentenceIndex + 1] ?? []), ...(cues[sentenceIndex + 1] ?? [])] }, sentence, sentenceIndex).sort((a, b) => a.trigger.start - b.trigger.start);
      // Counting the dead costs a scan of the sentence: done only when a lethal occurrence is there to take them.
      let casualties: ReturnType<typeof findCasualties> | null = null;
      const killedIn = () => (casualties ??= findCasualties(text, doc.document.language, sentence).filter((count) => count.kind === "killed"));
      let fatalitiesTaken = false;
      occurrences.forEach((occurrence, i) => {
        const previous = occurrences[i - 1];
        const next = occurrences[i + 1];
        const clause: Span = { start: previous ? previous.trigger.end : sentence.start, end: next ? next.trigger.start : sentence.end };
        const boundaries = { before: previous ? previous.trigger.last + 1 : 0, after: next ? next.trigger.first - 1 : doc.tokens.length };
        const roles = actorRoles(doc, occurrence.trigger, doc.actors, clause, DEMONSTRATIONS.has(familyOf(occurrence.category)));
        let sides: Sides = { actor1: roles.actor1.map((actor) => actor.id), actor2: roles.actor2.map((actor) => actor.id) };
        const category = armedTarget(territorySide(occurrence.category, roles.actor1.map((actor) => actor.resolved?.type ?? 0)), roles);
        const family = familyOf(category);
        const battle = family === "Battles";
        const inherited = battle && lastBattle ? sidesFromContext(doc, sides, lastBattle) : null;
        if (inherited) sides = inherited;
        const by = [`events:trigger:${occurrence.trigger.value.line}`, ...occurrence.evidence.filter((match) => match !== occurrence.trigger).map((match) => `events:${match.value.role}:${match.value.line}`)];
        by.push(...occurrence.rules);
        if (category !== occurrence.category) by.push(category === "Armed clash" ? "events:armed-target" : "events:territory-side");
        if (inherited) by.push("events:actors-context");

        const located = chooseLocation(doc, occurrence.trigger, sentence, doc.places, MOVEMENT.has(category));
        const place = located?.place ?? contextPlace;
        by.push(located ? located.rule : place ? "events:location-context" : "events:location-none");

        const time = nearestTime(occurrence.trigger, doc.times, sentence) ?? latestBefore(doc.times, sentence);
        by.push(time ? (time.start >= sentence.start && time.end <= sentence.end ? "events:date-sentence" : "events:date-context") : "events:date-none");

        const modality = modalityOf(modalityCues[sentenceIndex] ?? [], occurrence.trigger, boundaries);
        if (modality.cue) by.push(`events:modality-${modality.modality}`);

        let fatalities: Fatalities | null = null;
        // A death toll in a sentence about looting or a transfer of territory is another occurrence's; a denial
        // ("sans faire de victimes") is ACLED's 0 for it. Occurrences outside ACLED's taxonomy take no count, and
        // cost no scan of the sentence.
        const lethal = LETHAL_FAMILIES.has(family);
        const counts = fatalitiesTaken || (!lethal && family !== "Strategic developments") ? [] : killedIn();
        if (counts.length > 0 && (lethal || counts.every((count) => count.high === 0))) {
          fatalities = fatalitiesOf(text, counts);
          fatalitiesTaken = fatalities !== null;
        }

        const record: EventRecord = {
          id: `e${records.length + 1}`,
          trigger: { start: occurrence.trigger.start, end: occurrence.trigger.end, text: text.slice(occurrence.trigger.start, occurrence.trigger.end) },
          evidence: evidenceSpans(text, occurrence),
          sentence: { start: sentence.start, end: sentence.end },
          ...codeCategory(category),
          plover: ploverOf(occurrence, category),
          actor1: sides.actor1,
          actor2: sides.actor2,
          location: place?.id ?? null,
          geo_precision: place ? (located ? place.precision : Math.max(place.precision ?? 2, 2) as 2 | 3) : null,
          date: time?.id ?? null,
          date_value: time?.value ?? null,
          time_precision: time?.value ? time.precision : null,
          fatalities,
          modality: modality.modality,
          sources: [],
          confidence: confidenceOf(occurrence),
          by,
        };
        records.push(record);
        // A movement's destination is where it ended, not where the report goes on.
        if (modality.modality === "asserted" && !MOVEMENT.has(category)) contextPlace = place;
        if (battle && modality.modality === "asserted" && sides.actor1.length > 0 && sides.actor2.length > 0) lastBattle = sides;
      });
    });
    const undated = records.filter((record) => record.date_value === null).length;
    if (undated > 0) {
      messages.push(createMessage({
        code: "event-undated",
        severity: "warning",
        reason: doc.document.published === null
          ? `${undated} of ${records.length} events have no date: the document has no publication date to anchor relative dates to (pass --published)`
          : `${undated} of ${records.length} events have no date: no date expression in or before their sentence`,
        stage: "events",
      }));
    }
    return { ...doc, events: records, messages: [...doc.messages, ...messages] };
  };
}

function bySentence<T>(doc: Doc, matches: readonly PhraseMatch<T>[]): PhraseMatch<T>[][] {
  const buckets: PhraseMatch<T>[][] = doc.sentences.map(() => []);
  for (const match of matches) buckets[doc.tokens[match.first]?.sentence ?? -1]?.push(match);
  return buckets;
}

interface Sides {
  actor1: string[];
  actor2: string[];
}

/**
 * A battle report names its sides once and then goes on ("L'avancée
 * s'effectue…"): a battle missing a side takes it from the last battle with
 * both, unless that would put one actor on both sides.
 */
function sidesFromContext(doc: Doc, sides: Sides, last: Sides): Sides | null {
  if (sides.actor1.length > 0 && sides.actor2.length > 0) return null;
  const entity = (id: string) => doc.actors.find((actor) => actor.id === id)?.resolved?.id ?? id;
  const entities = (ids: readonly string[]) => new Set(ids.map(entity));
  if (sides.actor1.length === 0 && sides.actor2.length === 0) return { actor1: [...last.actor1], actor2: [...last.actor2] };
  const known = entities(sides.actor1.length > 0 ? sides.actor1 : sides.actor2);
  const [same, other] = [...known].some((id) => entities(last.actor1).has(id)) ? [last.actor1, last.actor2] : [...known].some((id) => entities(last.actor2).has(id)) ? [last.actor2, last.actor1] : [null, null];
  if (same === null || other === null) return null;
  return sides.actor1.length > 0 ? { actor1: sides.actor1, actor2: [...other] } : { actor1: [...other], actor2: sides.actor2 };
}

/** A report's dates carry forward: an event with no date of its own happened when the last date named before it says. */
function latestBefore(times: readonly TimeMention[], sentence: Span): TimeMention | null {
  let latest: TimeMention | null = null;
  for (const time of times) if (time.end <= sentence.start && time.value !== null) latest = time;
  return latest;
}

/**
 * ACLED separates who takes territory: the lexicon writes neutral capture
 * words as non-state takeovers and re-taking words as government gains; the
 * capturing side decides.
 */
function territorySide(category: EventCategory, actor1Types: readonly number[]): EventCategory {
  if (actor1Types.length === 0) return category;
  const state = actor1Types.includes(1);
  if (category === "Non-state actor overtakes territory" && state) return "Government regains territory";
  if (category === "Government regains territory" && !state && actor1Types.some((type) => type >= 2 && type <= 4)) return "Non-state actor overtakes territory";
  return category;
}

/**
 * ACLED's violence against civilians is one-sided: an armed group's attack on
 * armed forces (a checkpoint, a patrol, soldiers) is a battle. Both sides must
 * be named and armed, and not be one actor.
 */
function armedTarget(category: EventCategory, roles: { actor1: readonly ActorMention[]; actor2: readonly ActorMention[] }): EventCategory {
  if (category !== "Attack") return category;
  const armed = (actor: ActorMention) => actor.resolved !== null && actor.resolved.type >= 1 && actor.resolved.type <= 3;
  const attackers = new Set(roles.actor1.filter(armed).map((actor) => actor.resolved?.id));
  return attackers.size > 0 && roles.actor2.some((actor) => armed(actor) && !attackers.has(actor.resolved?.id)) ? "Armed clash" : category;
}

function evidenceSpans(text: string, occurrence: Occurrence): EventRecord["evidence"] {
  const spans = new Map<string, EventRecord["evidence"][number]>();
  for (const match of [occurrence.trigger, ...occurrence.evidence]) spans.set(`${match.start}:${match.end}`, { start: match.start, end: match.end, text: text.slice(match.start, match.end) });
  return [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

function ploverOf(occurrence: Occurrence, category: EventCategory): EventRecord["plover"] {
  const voters = occurrence.evidence.filter((match) => match.value.plover !== null);
  const chosen = occurrence.ploverFrom ?? voters.find((match) => match === occurrence.trigger && match.value.category === category) ?? voters.find((match) => match.value.category === category) ?? voters[0];
  if (!chosen?.value.plover) return null;
  return { type: chosen.value.plover, mode: chosen.value.mode };
}

/** Summed lexicon weight mapped into (0, 1): one decisive trigger ≈ 0.6, two ≈ 0.85. */
function confidenceOf(occurrence: Occurrence): number {
  const lead = occurrence.sentenceIndex === 0 ? 0.5 : 0;
  return Math.round((1 - Math.exp(-(occurrence.score + lead) / 3.5)) * 1000) / 1000;
}

function fatalitiesOf(text: string, counts: ReturnType<typeof findCasualties>): Fatalities | null {
  const total = totalFatalities(counts);
  if (!total) return null;
  const start = Math.min(...counts.map((count) => count.start));
  const end = Math.max(...counts.map((count) => count.end));
  return { start, end, low: total.low, high: total.high, text: text.slice(start, end) };
}
