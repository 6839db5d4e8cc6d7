/**
 * An occurrence's arguments from light syntax around its trigger: who acted
 * and on whom, where it happened, when, and how many died.
 */
import { DEMONYM_OF_STRIKE } from "../actors/index.js";
import type { ActorMention, PlaceMention, TimeMention } from "../model/analysis.js";
import type { Doc, Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import { foldKey } from "../text/normalise/index.js";
import { foldedSet } from "../text/folded-set.js";
import { firstTokenAt, type PhraseMatch } from "../text/phrases.js";

/** Words before an actor that make it the agent of a trigger before it: "by", "par", "entre les mains de", "in the hands of". */
const AGENT_MARKERS: ReadonlySet<string> = foldedSet(["by", "par", "قبل", "mains", "hands", "يد", "أيدي"]);
const TARGET_MARKERS: ReadonlySet<string> = foldedSet(["against", "on", "contre", "sur", "ضد", "على", "targeting", "visant", "استهدف", "استهداف", "ل"]);
const PARTNER_MARKERS: ReadonlySet<string> = foldedSet(["with", "avec", "مع", "and"]);
/**
 * Words that name the two sides of a symmetric occurrence in turn: "entre X et Y", "between X and Y", "بين X و Y",
 * "(des combats) ont opposé X à Y". The first side named is actor1, the one joined to it actor2.
 */
const SIDES_MARKERS: ReadonlySet<string> = foldedSet(["entre", "between", "بين", "oppose", "opposant", "opposent", "opposaient", "opposait", "opposer"]);
/** What joins the second side to the first after a sides marker: "et", "and", "و", "à" (opposer X à Y). */
const SECOND_SIDE: ReadonlySet<string> = foldedSet(["et", "and", "و", "a"]);
/** Arabic words of affiliation before ل: "التابعة ل", "الموالية ل" (belonging to, loyal to). */
const AFFILIATION: ReadonlySet<string> = foldedSet(["تابع", "تابعون", "تابعة", "التابع", "التابعة", "تابعين", "التابعين", "التابعون", "موال", "موالية", "الموالي", "الموالية", "موالين", "الموالين", "الموالون"]);
/** The marker an actor takes after a word of affiliation: not a word of the text, so no other set holds it. */
const AFFILIATED = "affiliated";
/** Words that open a source, not a side: "selon des habitants", "according to the army", "بحسب الدفاع المدني". */
const ATTRIBUTION: ReadonlySet<string> = foldedSet(["selon", "according", "بحسب", "وبحسب", "حسب", "وحسب", "وفق", "ووفق", "وفقا", "نقلا"]);
const PASSIVE_MARKERS: ReadonlySet<string> = foldedSet(["was", "were", "been", "being", "ete", "été", "تم", "جرى"]);
const LOCATIVE: ReadonlySet<string> = foldedSet(["in", "at", "near", "outside", "around", "inside", "across", "a", "à", "au", "aux", "dans", "pres", "près", "autour", "sur", "في", "قرب", "بالقرب", "داخل", "حول", "جنوب", "شمال", "شرق", "غرب", "ريف", "جرود", "jurd", "outskirts", "environs", "region", "région"]);
const DESTINATION: ReadonlySet<string> = foldedSet(["to", "towards", "toward", "into", "vers", "direction", "إلى", "الى", "نحو", "باتجاه", "اتجاه"]);
const ORIGIN: ReadonlySet<string> = foldedSet(["from", "depuis", "من"]);
const SPEECH: ReadonlySet<string> = foldedSet([
  "said", "says", "told", "announced", "declared", "added", "stated",
  "declare", "declarent", "annonce", "annoncent", "explique", "expliquent", "indique", "indiquent", "commente", "affirme", "affirment", "ajoute", "precise", "precisent", "rapporte", "rapportent", "raconte", "racontent", "confie", "confient", "assure", "assurent", "souligne", "soulignent", "temoigne", "temoignent",
  "قال", "أعلن", "اعلن", "صرح", "أفاد", "افاد",
]);
const ARTICLES: ReadonlySet<string> = foldedSet(["the", "le", "la", "les", "l'", "de", "du", "des", "d'", "city", "town", "village", "ville", "localite", "province", "district", "of"]);

export interface ActorRoles {
  actor1: ActorMention[];
  actor2: ActorMention[];
}

const fold = (doc: Doc, i: number): string => doc.tokens[i]?.keys?.fold ?? "";

function tokenIndexAt(doc: Doc, offset: number): number {
  return firstTokenAt(doc.tokens, offset);
}

/** The words just before a span, skipping articles and place nouns: "in the city of X" → "in". */
function wordsBefore(doc: Doc, span: Span, count: number): string[] {
  const words: string[] = [];
  for (let i = tokenIndexAt(doc, span.start) - 1; i >= 0 && words.length < count; i--) {
    const token = doc.tokens[i] as Token;
    if (token.kind === "punctuation" && !/^['’-]$/.test(token.text)) break;
    const key = fold(doc, i);
    if (token.kind !== "word" || ARTICLES.has(key)) continue;
    words.push(key);
  }
  return words;
}

/** Arabic proclitics and the prepositions they stand for, as fold keys: glued to a place ("بحلب") or an actor ("لجماعة"). */
const IN = foldKey("في");
const TO = foldKey("إلى");
const OF = foldKey("ل");
const AND = foldKey("و");

/** Arabic prepositions glued to the place ("بحلب", "في حلب") count as the word before it. */
function gluedPreposition(doc: Doc, place: Span): string | null {
  const token = doc.tokens[tokenIndexAt(doc, place.start)];
  if (!token?.stem || token.stem.start === token.start) return null;
  const clitic = doc.document.text.slice(token.start, token.stem.start);
  if (/^و?ب/.test(clitic)) return IN;
  if (/^و?ل/.test(clitic)) return TO;
  return null;
}

/** Whether a passive auxiliary follows the actor within three words: "soldiers were killed", "soldats ont été tués". */
function subjectOfPassive(doc: Doc, actor: Span): boolean {
  const after = tokenIndexAt(doc, actor.end);
  for (let i = after; i < after + 3 && i < doc.tokens.length; i++) {
    const token = doc.tokens[i] as Token;
    if (token.kind === "punctuation") return false;
    if (PASSIVE_MARKERS.has(fold(doc, i))) return true;
  }
  return false;
}

/** "ces deux derniers", "ces derniers", "the latter": the subject is the last actors named before. */
const LATTER: readonly { words: readonly string[]; count: number }[] = [
  { words: ["ces", "deux", "derniers"], count: 2 },
  { words: ["ces", "derniers"], count: 2 },
  { words: ["ce", "dernier"], count: 1 },
  { words: ["the", "latter"], count: 1 },
  { words: ["the", "two"], count: 2 },
];
const COORDINATION: ReadonlySet<string> = foldedSet(["et", "and", "ainsi", "و"]);

type Role = 1 | 2;

/**
 * Who acted and on whom, from the words around the trigger: an agent after
 * "by"/"par" or "in the hands of", a target after "against"/"contre", a
 * partner after "with"/"avec", the subject before an active verb, the victim
 * before a passive one, the first actor after an Arabic verb (verb–subject
 * order), conjuncts sharing their neighbour's role. Speakers ("explique le
 * correspondant") are sources, not sides.
 */
export function actorRoles(doc: Doc, trigger: PhraseMatch<unknown>, actors: readonly ActorMention[], clause: Span, demonstration: boolean): ActorRoles {
  const inClause = actors.filter((actor) => actor.start >= clause.start && actor.end <= clause.end && !isSpeaker(doc, actor));
  const passive = doc.tokens.slice(Math.max(0, trigger.first - 3), trigger.first).some((token) => PASSIVE_MARKERS.has(token.keys?.fold ?? ""));
  const roles = new Map<ActorMention, Role>();

  const latter = latterAnaphor(doc, clause, trigger);
  if (latter) {
    const named = actors.filter((actor) => actor.end <= latter.start && !isSpeaker(doc, actor));
    const subject = distinctLast(named, latter.count);
    for (const actor of inClause) roles.set(actor, subject.includes(actor) ? 1 : 2);
    for (const actor of subject) roles.set(actor, 1);
  } else {
    let previous: Role | null = null;
    let firstAfter = true;
    // Set once a sides marker has named the first side, until the second is joined to it.
    let firstSideNamed = false;
    for (const actor of inClause) {
      const words = wordsBefore(doc, actor, 3);
      const clitic = procliticOf(doc, actor);
      // "ألوية العمالقة التابعة للحكومة", "طائرة مسيرة تابعة لسلاح الجو": ل after a word of affiliation names whom
      // the noun before belongs to, on that noun's side, not the side acted on.
      const marker = clitic === OF && AFFILIATION.has(words[0] ?? "") ? AFFILIATED : (clitic ?? words.find((word) => MARKERS.has(word)) ?? "");
      const before = actor.end <= trigger.start;
      let role: Role;
      if (firstSideNamed && (SECOND_SIDE.has(marker) || SECOND_SIDE.has(words[0] ?? ""))) {
        role = 2;
        firstSideNamed = false;
      } else if (SIDES_MARKERS.has(marker)) {
        role = 1;
        firstSideNamed = true;
      } else if ((COORDINATION.has(marker) || marker === AFFILIATED) && previous !== null) role = previous;
      else if (AGENT_MARKERS.has(marker) || actor.by === DEMONYM_OF_STRIKE) role = 1;
      // A trigger that names its agent: "un kamikaze s'est fait exploser", "فجر انتحاري نفسه".
      else if (actor.start < trigger.end && trigger.start < actor.end) role = 1;
      // The subject of a passive verb was acted on, wherever the trigger is: "trois soldats ont été tués par l'explosion d'un engin".
      else if (subjectOfPassive(doc, actor)) role = 2;
      // Civilians are acted on, except in a demonstration, where the students or residents who march are its side.
      else if (TARGET_MARKERS.has(marker) || PARTNER_MARKERS.has(marker) || (actor.resolved?.type === 7 && !demonstration)) role = 2;
      else if (before) role = passive ? 2 : 1;
      else role = doc.document.language === "ar" && firstAfter && ![...roles.values()].includes(1) ? 1 : 2;
      if (!before) firstAfter = false;
      roles.set(actor, role);
      previous = role;
    }
  }
  const seen = new Set<string>();
  const pick = (role: Role) =>
    [...roles]
      .filter(([, assigned]) => assigned === role)
      .map(([actor]) => actor)
      .sort((a, b) => a.start - b.start)
      .filter((actor) => {
        const key = actor.resolved?.id ?? actor.id;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  const actor1 = pick(1);
  return { actor1, actor2: pick(2) };
}

const MARKERS: ReadonlySet<string> = new Set([...AGENT_MARKERS, ...TARGET_MARKERS, ...PARTNER_MARKERS, ...COORDINATION, ...SIDES_MARKERS]);

/**
 * The Arabic proclitic left outside an actor's span, read as the word it
 * stands for: "و" (and) joins the actor to the one before, "ل" (of, for)
 * makes it the owner of what was hit ("مواقع لجماعة الحوثي"). Null for no
 * clitic, or one that says nothing of the role.
 */
function procliticOf(doc: Doc, actor: Span): string | null {
  const token = doc.tokens[tokenIndexAt(doc, actor.start)];
  if (!token || token.start >= actor.start) return null;
  const clitic = doc.document.text.slice(token.start, actor.start);
  if (/ل$/u.test(clitic)) return OF;
  if (/^[وف]/u.test(clitic)) return AND;
  return null;
}

function isSpeaker(doc: Doc, actor: ActorMention): boolean {
  const before = wordsBefore(doc, actor, 6);
  const index = tokenIndexAt(doc, actor.end);
  const after = [fold(doc, index), fold(doc, index + 1)];
  // A journalist in the clause of a verb of speech is who was told, not a side: "ont confié des résistants pour le correspondant".
  const told = actor.resolved?.id.startsWith(JOURNALISTS) === true && before.some((word) => SPEECH.has(word));
  return told || before.slice(0, 2).some((word) => SPEECH.has(word)) || before.some((word) => ATTRIBUTION.has(word)) || after.some((word) => SPEECH.has(word));
}

const JOURNALISTS = "generic:journalists";

function latterAnaphor(doc: Doc, clause: Span, trigger: PhraseMatch<unknown>): (Span & { count: number }) | null {
  for (let i = tokenIndexAt(doc, clause.start); i < trigger.first; i++) {
    for (const form of LATTER) {
      if (wordsAt(doc, i, form.words)) {
        const last = doc.tokens[i + form.words.length - 1] as Token;
        return { start: (doc.tokens[i] as Token).start, end: last.end, count: form.count };
      }
    }
  }
  return null;
}

/** Whether the words from token `i` on are `words`: a loop, not `every`, whose closure over `i` would cost a context per token. */
function wordsAt(doc: Doc, i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (fold(doc, i + k) !== words[k]) return false;
  return true;
}

function distinctLast(actors: readonly ActorMention[], count: number): ActorMention[] {
  const chosen: ActorMention[] = [];
  for (const actor of [...actors].reverse()) {
    if (chosen.length === count) break;
    if (chosen.some((other) => other.resolved?.id === actor.resolved?.id)) continue;
    chosen.unshift(actor);
  }
  return chosen;
}

const UNRESOLVED_PENALTY = 0.5;

export interface LocationChoice {
  place: PlaceMention;
  rule: string;
}

/**
 * The place where the occurrence happened, among the sentence's places: near
 * the trigger, after a locative ("in", "à", "في"), not a destination (unless
 * the occurrence is a movement), not an origin of fire, not where someone
 * spoke, a town rather than a country.
 */
export function chooseLocation(doc: Doc, trigger: PhraseMatch<unknown>, sentence: Span, places: readonly PlaceMention[], movement: boolean): LocationChoice | null {
  let best: { place: PlaceMention; score: number; rule: string } | null = null;
  for (const place of places) {
    if (place.start < sentence.start || place.end > sentence.end || place.kind === "demonym") continue;
    const before = wordsBefore(doc, place, 3);
    const marker = gluedPreposition(doc, place) ?? before[0] ?? "";
    const distance = Math.abs(tokenIndexAt(doc, place.start) - (place.start >= trigger.end ? trigger.last : trigger.first));
    let score = 1 / (1 + distance / 6);
    let rule = "events:location-nearest";
    if (LOCATIVE.has(marker)) {
      score += 0.6;
      rule = "events:location-locative";
    }
    if (DESTINATION.has(marker) || before.slice(0, 2).some((word) => DESTINATION.has(word))) {
      if (movement) {
        score += 0.5;
        rule = "events:location-destination";
      } else score -= 0.8;
    }
    if (ORIGIN.has(marker)) score -= 0.3;
    if (before.some((word) => SPEECH.has(word))) score -= 0.8;
    // The most specific place named wins: a town over its province, a province over its country. A name the
    // gazetteer does not know ("the Al-Balad district of Daraa") is often the most specific of all, but has no
    // coordinates: it must be clearly better placed to be chosen.
    const feature = place.resolved?.feature ?? null;
    if (place.resolved === null) score -= UNRESOLVED_PENALTY;
    else if (feature?.startsWith("A.PCL") === true || feature === "L.CONT") score -= 0.4;
    else if (feature?.startsWith("A.ADM") === true || place.kind === "region") score -= 0.15;
    if (!best || score > best.score) best = { place, score, rule };
  }
  return best && best.score > 0 ? { place: best.place, rule: best.rule } : null;
}

export function nearestTime(trigger: Span, times: readonly TimeMention[], sentence: Span): TimeMention | null {
  const inSentence = times.filter((time) => time.start >= sentence.start && time.end <= sentence.end);
  const distance = (time: TimeMention) => (time.end <= trigger.start ? trigger.start - time.end : time.start - trigger.end);
  return [...inSentence].sort((a, b) => distance(a) - distance(b))[0] ?? null;
}
