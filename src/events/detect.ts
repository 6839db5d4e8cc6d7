/**
 * Event detection: the triggers and cues of one sentence pooled into
 * occurrences. Several triggers of one family ("clashes … fighting … battle")
 * make one event; a second family makes a second event only when its own
 * triggers are strong enough to stand alone, so that one reported occurrence
 * is not counted twice under two names.
 */
import type { Doc } from "../model/document.js";
import type { Span } from "../model/span.js";
import { longestMatches, type PhraseMatch } from "../text/phrases.js";
import { familyOf } from "./coding.js";
import type { EventCategory, TriggerEntry } from "./lexicon.js";
import { FAMILY_RULES, isArgumentCue, type Family } from "./rules/index.js";

export interface Occurrence {
  sentence: Span;
  sentenceIndex: number;
  /** The trigger the event is anchored on. */
  trigger: PhraseMatch<TriggerEntry>;
  category: EventCategory;
  /** Summed weights of the family's triggers and cues. */
  score: number;
  /** Lexicon rows that voted for the category, for provenance. */
  evidence: PhraseMatch<TriggerEntry>[];
  /** Detection rules beyond the lexicon vote that decided the category. */
  rules: string[];
  ploverFrom: PhraseMatch<TriggerEntry> | null;
}

/** The sentence's leading family is an event on any trigger; the weight goes into its confidence. */
const MIN_SCORE = 1;
/** How much more a cue weighs than a trigger in choosing a family's sub-type. */
const CUE_FACTOR = 2;
/** A second family in the same sentence must stand on its own triggers this strongly. */
const SECOND_EVENT_SCORE = 3;

/** The lexicon matches of one sentence, and those of the next, where reports often say how an occurrence unfolded. */
export interface SentenceMatches {
  triggers: readonly PhraseMatch<TriggerEntry>[];
  cues: readonly PhraseMatch<TriggerEntry>[];
  following: readonly PhraseMatch<TriggerEntry>[];
}

export function detectOccurrences(doc: Doc, matches: SentenceMatches, sentence: Span, sentenceIndex: number): Occurrence[] {
  // An occurrence is anchored on one of the sentence's triggers, or on a weapon among its cues: most sentences have neither.
  if (matches.triggers.length === 0 && matches.cues.length === 0) return [];
  const triggers = longestMatches(matches.triggers);
  const cues = matches.cues.filter((cue) => !triggers.some((trigger) => cue.start >= trigger.start && cue.end <= trigger.end && cue.value.category === trigger.value.category));

  const families = new Map<string, Family>();
  const backgrounded = new Set([...triggers, ...cues].filter((match) => background(doc, match)));
  for (const match of [...triggers, ...cues]) {
    if (isArgumentCue(match)) continue;
    const weight = backgrounded.has(match) ? match.value.weight / 2 : match.value.weight;
    const name = familyOf(match.value.category);
    let family = families.get(name);
    if (!family) families.set(name, (family = { name, categories: new Map(), triggers: [], evidence: [], score: 0, ownTriggers: 0, category: match.value.category, rules: [] }));
    family.categories.set(match.value.category, (family.categories.get(match.value.category) ?? 0) + weight);
    family.evidence.push(match);
    family.score += weight;
    if (match.value.role === "trigger") {
      family.triggers.push(match);
      family.ownTriggers += weight;
    }
  }
  for (const family of families.values()) family.category = subType(family);
  let ranked = [...families.values()];
  for (const rule of FAMILY_RULES) ranked = rule(ranked, { triggers, cues, following: matches.following, backgrounded });
  ranked.sort((a, b) => b.score - a.score || firstStart(a.evidence) - firstStart(b.evidence));

  const strongestTrigger = [...triggers].sort((a, b) => b.value.weight - a.value.weight || a.start - b.start)[0];
  const occurrences: Occurrence[] = [];
  for (const [rank, family] of ranked.entries()) {
    if (family.score < MIN_SCORE) continue;
    if (rank > 0 && family.ownTriggers < SECOND_EVENT_SCORE) continue;
    // Cues alone never make an event; a family of cues borrows the sentence's strongest trigger.
    const anchor = pickTrigger(family.triggers, family.category) ?? strongestTrigger;
    if (!anchor) continue;
    if (occurrences.some((other) => other.trigger === anchor)) continue;
    occurrences.push({ sentence, sentenceIndex, trigger: anchor, category: family.category, score: family.score, evidence: family.evidence, rules: family.rules, ploverFrom: family.ploverFrom ?? null });
  }
  return occurrences;
}

/**
 * Words that put an occurrence in the background of the one the sentence
 * reports: "sanctions … in response to a chemical attack", "expelled after
 * a nerve agent attack", "بعد غارة". Source: curated by the project.
 */
const BACKGROUND: ReadonlySet<string> = new Set([
  "after", "following", "over", "amid", "since", "retaliation", "response", "avenge", "revenge",
  "mourn", "mourning", "commemorate", "commemorating", "anniversary", "justice", "denounce", "denouncing", "condemn", "condemning", "undeterred", "despite",
  "apres", "suite", "reponse", "represailles", "depuis", "hommage", "memoire", "denoncer", "condamner", "malgre",
  "بعد", "اثر", "إثر", "عقب", "ردا", "رداً", "انتقاما", "تنديدا", "احتجاجا", "رغم",
]);
/** How many words before a trigger a background word may stand: "after a nerve agent attack", "in response to its alleged chemical weapons attack". */
const BACKGROUND_WINDOW = 5;

function background(doc: Doc, match: PhraseMatch<TriggerEntry>): boolean {
  const sentence = doc.tokens[match.first]?.sentence;
  for (let i = match.first - 1; i >= 0 && i >= match.first - BACKGROUND_WINDOW; i--) {
    const token = doc.tokens[i];
    if (!token || token.sentence !== sentence || token.kind === "punctuation") return false;
    if (BACKGROUND.has(token.keys?.fold ?? "")) return true;
  }
  return false;
}

/**
 * The family's sub-type. Cues exist to say which sub-type an occurrence is
 * ("suicide" before "car bomb", "jets" before "missiles"), so within a family
 * a cue's weight counts twice against the triggers'.
 */
function subType(family: Family): EventCategory {
  const votes = new Map<EventCategory, number>();
  for (const match of family.evidence) votes.set(match.value.category, (votes.get(match.value.category) ?? 0) + match.value.weight * (match.value.role === "cue" ? CUE_FACTOR : 1));
  return ([...votes].sort((a, b) => b[1] - a[1] || strongest(family.evidence, b[0]) - strongest(family.evidence, a[0]))[0] as [EventCategory, number])[0];
}

function pickTrigger(triggers: readonly PhraseMatch<TriggerEntry>[], category: EventCategory): PhraseMatch<TriggerEntry> | undefined {
  return [...triggers].sort((a, b) => Number(b.value.category === category) - Number(a.value.category === category) || b.value.weight - a.value.weight || a.start - b.start)[0];
}

function strongest(evidence: readonly PhraseMatch<TriggerEntry>[], category: EventCategory): number {
  return Math.max(0, ...evidence.filter((match) => match.value.category === category).map((match) => match.value.weight));
}

function firstStart(evidence: readonly PhraseMatch<TriggerEntry>[]): number {
  return Math.min(...evidence.map((match) => match.start));
}
