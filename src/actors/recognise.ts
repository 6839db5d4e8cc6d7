/**
 * Actor recognition: named actors from the dictionary, then generic agents
 * ("l'armée syrienne", "gunmen", "مسلحون") typed and, where the text says so,
 * tied to a country or to the named actor they belong to.
 */
import type { ActorEntry, PlaceMention } from "../model/analysis.js";
import type { Doc, Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import { longestMatches, nextWordIndex, phraseWords, PhraseMatcher, type PhraseMatch } from "../text/phrases.js";
import { countryName } from "./country-names.js";
import type { ActorDefinition, GenericActorDefinition } from "./dictionary.js";
import type { ActorMatchers, GenericForm, NamedForm } from "./matchers.js";
import { DEMONYM_OF_STRIKE, strikeDemonyms } from "./strike-demonyms.js";

export interface Recognised extends Span {
  text: string;
  entry: ActorEntry;
  /** The dictionary actor, for named mentions and generic ones linked to a named actor. */
  actor: ActorDefinition | null;
  generic: GenericActorDefinition | null;
  by: string;
}

/** Words that join a member noun to its group: "combattants du Hezbollah", "fighters of ISIS", "عناصر من". */
const MEMBER_OF: ReadonlySet<string> = new Set(["de", "du", "des", "d'", "of", "from", "من"]);
/** Possessives that send a generic noun back to the group named before: "ses miliciens", "their fighters". */
const POSSESSIVES: ReadonlySet<string> = new Set(["ses", "leurs", "leur", "son", "sa", "its", "their", "his"]);
/** Generic kinds that, with a possessive or alone, usually stand for the armed group just named. */
const MEMBER_KINDS: ReadonlySet<string> = new Set(["fighters", "militia", "militants", "jihadists", "rebels", "insurgents", "terrorists", "gunmen"]);
const UPPER_FIRST = /^\p{Lu}/u;
const LATIN = /\p{Script=Latin}/u;

export function recogniseActors(doc: Doc, matchers: ActorMatchers, outlets: OutletNames): Recognised[] {
  const text = doc.document.text;
  const activeOutlets = outlets.present(doc);
  const named = longestMatches(matchers.named.matchAll(doc).filter((match) => acceptNamed(text, match, activeOutlets)));
  const found: Recognised[] = named.map((match) => {
    const start = mentionStart(doc, match);
    return {
      start,
      end: match.end,
      text: text.slice(start, match.end),
      entry: entryOf(match.value.actor),
      actor: match.value.actor,
      generic: null,
      by: match.value.outlet ? `actors:outlet-label` : "actors:dictionary",
    };
  });

  const genericMatcher = matchers.generic.get(doc.document.language);
  if (!genericMatcher) return found;
  const generics = longestMatches(genericMatcher.matchAll(doc).filter((match) => !named.some((other) => match.start < other.end && other.start < match.end)));
  const places = doc.places;
  for (const match of generics) {
    // "Nusra fighters", "Hezbollah militants": a member noun right after a name is part of that mention. Arabic puts
    // the member noun first ("عناصر حزب الله"); a noun after a name there is another actor ("… وفصائل المعارضة").
    const owner = doc.document.language !== "ar" && found.find((mention) => mention.actor !== null && mention.generic === null && named.some((other) => other.end === mention.end && nextWordIndex(doc, other.last) === match.first));
    if (owner) {
      owner.end = match.end;
      owner.text = text.slice(owner.start, owner.end);
      owner.by = "actors:member-of";
      continue;
    }
    found.push(resolveGeneric(doc, match, named, places, found));
  }
  const military = matchers.stateForces.get(doc.document.language);
  if (military) {
    for (const place of strikeDemonyms(doc, found)) {
      const country = place.resolved?.country as string;
      found.push({ start: place.start, end: place.end, text: text.slice(place.start, place.end), entry: genericEntry(military, country, countryName(country)), actor: null, generic: military, by: DEMONYM_OF_STRIKE });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Where a mention begins: at the stem when its first word matched only without
 * its Arabic proclitics ("وجماعة الحوثي", "لهيئة تحرير الشام"), so the span
 * names the actor and the clitic, "and" or "of", is left for the events stage
 * to read.
 */
function mentionStart(doc: Doc, match: PhraseMatch<NamedForm | GenericForm>): number {
  const token = doc.tokens[match.first] as Token;
  if (!match.viaStem || token.stem === null || token.stem.start === token.start) return match.start;
  const whole = token.keys?.fold ?? "";
  const { text, prefix } = match.value.firstWord;
  return (prefix ? whole.startsWith(text) : whole === text) ? match.start : token.stem.start;
}

function acceptNamed(text: string, match: PhraseMatch<NamedForm>, activeOutlets: ReadonlySet<string>): boolean {
  const { form, outlet, caseSensitive } = match.value;
  if (outlet !== null) return activeOutlets.has(outlet);
  const written = text.slice(match.start, match.end);
  if (caseSensitive) return written === form;
  // A one-word capitalised Latin name ("Hamas", "Amal") is meant only where the text capitalises it too; longer
  // names are specific enough in any case ("le front al-Nosra").
  return !(LATIN.test(form) && match.first === match.last && UPPER_FIRST.test(form) && !UPPER_FIRST.test(written));
}

function resolveGeneric(doc: Doc, match: PhraseMatch<GenericForm>, named: readonly PhraseMatch<NamedForm>[], places: readonly PlaceMention[], sofar: readonly Recognised[]): Recognised {
  const { generic } = match.value;
  const text = doc.document.text;
  const start = mentionStart(doc, match);
  const base = { start, end: match.end, text: text.slice(start, match.end), generic };

  const group = memberOf(doc, match, named);
  if (group) return { ...base, entry: entryOf(group), actor: group, by: "actors:member-of" };

  const country = countryNear(doc, match, places);
  if (country) {
    // "armée turque", "Syrian troops": the mention takes in the demonym beside the noun.
    const adjacent = country.place.kind === "demonym" && (country.place.end <= start ? gap(text, country.place.end, start) : gap(text, match.end, country.place.start));
    const span = adjacent ? { start: Math.min(start, country.place.start), end: Math.max(match.end, country.place.end) } : { start, end: match.end };
    return { ...base, ...span, text: text.slice(span.start, span.end), entry: genericEntry(generic, country.code, country.name), actor: null, by: "actors:generic-country" };
  }

  const possessive = POSSESSIVES.has(doc.tokens[match.first - 1]?.keys?.fold ?? "");
  if (possessive || MEMBER_KINDS.has(generic.kind)) {
    const antecedent = sofar
      .filter((mention) => mention.end <= match.start && mention.actor !== null && mention.actor.type >= 2 && mention.actor.type <= 4)
      .reduce<Recognised | undefined>((latest, mention) => (latest && latest.end >= mention.end ? latest : mention), undefined);
    if (antecedent?.actor && (possessive || generic.type === antecedent.actor.type)) {
      return { ...base, entry: entryOf(antecedent.actor), actor: antecedent.actor, by: "actors:coreference" };
    }
  }
  return { ...base, entry: genericEntry(generic, null, null), actor: null, by: "actors:generic" };
}

/** "combattants du Hezbollah", "fighters of the Islamic State", "عناصر حزب الله": the named actor right after. */
function memberOf(doc: Doc, match: PhraseMatch<GenericForm>, named: readonly PhraseMatch<NamedForm>[]): ActorDefinition | null {
  let next = nextWordIndex(doc, match.last);
  const fold = (i: number): string => doc.tokens[i]?.keys?.fold ?? "";
  if (next !== -1 && MEMBER_OF.has(fold(next))) {
    const after = nextWordIndex(doc, next);
    next = after !== -1 && (fold(after) === "the" || fold(after) === "la" || fold(after) === "l'") ? nextWordIndex(doc, after) : after;
  } else if (doc.document.language !== "ar") {
    return null;
  }
  if (next === -1) return null;
  const start = (doc.tokens[next] as Token).start;
  return named.find((other) => other.start === start && other.value.actor.type !== 7)?.value.actor ?? null;
}

/** A demonym or country right beside the noun: "l'armée syrienne", "Syrian troops", "الجيش السوري", "forces of Mali". */
/** Whether only a space separates two spans. */
function gap(text: string, from: number, to: number): boolean {
  return /^\s?$/u.test(text.slice(from, to));
}

function countryNear(doc: Doc, match: PhraseMatch<GenericForm>, places: readonly PlaceMention[]): { code: string; name: string; place: PlaceMention } | null {
  const before = doc.tokens[match.first - 1];
  let after = nextWordIndex(doc, match.last);
  const fold = (i: number): string => doc.tokens[i]?.keys?.fold ?? "";
  if (after !== -1 && MEMBER_OF.has(fold(after))) {
    const next = nextWordIndex(doc, after);
    after = next !== -1 && ["la", "l'", "the"].includes(fold(next)) ? nextWordIndex(doc, next) : next;
  }
  const candidates: Span[] = [];
  if (after !== -1) candidates.push(doc.tokens[after] as Token);
  // Only English puts the demonym first ("Syrian troops"); in French and Arabic one before the noun is the previous
  // noun's ("قوات النظام السوري وفصائل المعارضة").
  if (before && before.sentence === doc.tokens[match.first]?.sentence && doc.document.language === "en") candidates.push(before);
  for (const token of candidates) {
    const place = places.find((mention) => mention.start === token.start || (mention.start <= token.start && token.end <= mention.end));
    if (!place?.resolved?.country) continue;
    const isCountry = place.kind === "demonym" || place.resolved.feature?.startsWith("A.PCL") === true;
    if (!isCountry) continue;
    return { code: place.resolved.country, name: countryName(place.resolved.country), place };
  }
  return null;
}

function entryOf(actor: ActorDefinition): ActorEntry {
  return { id: actor.id, name: actor.name, type: actor.type, country: actor.country, parent: actor.parent };
}

function genericEntry(generic: GenericActorDefinition, country: string | null, countryName: string | null): ActorEntry {
  const name = countryName ? generic.name.replaceAll("{country}", countryName) : generic.name.replace(/\s*\(\{country\}\)|\s+of \{country\}|\{country\}\s*/g, "").trim();
  return { id: country ? `generic:${generic.kind}:${country}` : `generic:${generic.kind}`, name, type: generic.type, country, parent: null };
}

/**
 * Which outlets a document speaks for or cites, so that an outlet's own label
 * for an actor ("la Résistance" in al-Manar) is read only where that outlet is
 * present: named in the metadata or in the text. The outlet registry of the
 * attribution layer will replace this by the publisher it resolves.
 */
export class OutletNames {
  readonly #matcher = new PhraseMatcher<string>();
  readonly #ids: ReadonlySet<string>;

  constructor(ids: Iterable<string>) {
    this.#ids = new Set(ids);
    for (const id of this.#ids) this.#matcher.add(phraseWords(id.replaceAll("-", " ")), id);
  }

  present(doc: Doc): Set<string> {
    const found = new Set(this.#matcher.matchAll(doc).map((match) => match.value));
    const metadata = doc.document.outlet?.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-");
    if (metadata && this.#ids.has(metadata)) found.add(metadata);
    return found;
  }
}
