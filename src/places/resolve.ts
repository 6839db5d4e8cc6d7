/**
 * Toponym resolution in context. Each recognised name has candidate places;
 * a first pass ranks them on the name alone (match quality, prominence, fit
 * with the cue), the document's country focus and spatial layout are read
 * from those first choices, and a second pass ranks again with them.
 */
import type { GazetteerPlace } from "../gazetteer/types.js";
import { distanceKm } from "../model/geo.js";
import { OVERLAY_SOURCE } from "../gazetteer/sources.js";
import type { CueKind } from "./cues.js";
import type { Recognised, ScoredMatch } from "./recognise.js";

export interface RankedCandidate {
  place: GazetteerPlace;
  match: ScoredMatch;
  score: number;
}

export interface Resolution {
  mention: Recognised;
  ranked: RankedCandidate[];
}

const WEIGHTS = { match: 0.5, prominence: 0.2, focus: 0.18, coherence: 0.12 };
/** A look-alike match in a country the document is not about is a guess far away: discount it. */
const OUT_OF_FOCUS_LOOKALIKE = 0.6;
/** Share of the document's places below which a country is not one the document is about. */
const FOCUS_FLOOR = 0.1;
/** Discount for a town bearing the exact name of a country, a first-level region or a major city. */
const MINOR_TOWN_FACTOR = 0.85;
/** Towns below this population are minor beside a region or a major city of the same name. */
const CITY_POPULATION = 100_000;
/** Cities from this population up, and capitals from CITY_POPULATION up, are known by their name alone the world over. */
const MAJOR_CITY_POPULATION = 1_000_000;
/** Distance at which two places stop supporting each other. */
const COHERENCE_KM = 250;

export function resolveAll(mentions: readonly Recognised[]): Resolution[] {
  const candidates = mentions.map(candidatesOf);
  // The first pass only chooses: it needs each mention's best candidate, not the others in order.
  const first = mentions.map((mention, i) => firstChoice(mention, candidates[i] as Candidates));
  const { focus, chosen } = documentContext(mentions, first);
  const support = new Map<GazetteerPlace, Support>();
  return mentions.map((mention, i) => ({
    mention,
    ranked: rank(mention, candidates[i] as Candidates, { focus, chosen, support, self: first[i]?.place ?? null }),
  }));
}

/** A mention's candidate places, each under its best-matched name. */
interface Candidates {
  matches: ScoredMatch[];
  /** Whether a country, a first-level region, a capital or a major city bears the name exactly. */
  namesMajorPlace: boolean;
}

interface Context {
  /** Share of the document's first-pass choices in each country. */
  focus: Map<string, number>;
  /**
   * First-pass choices, for spatial coherence, each place once: a choice met again can only repeat a support
   * already counted, and news repeats its names ("Washington" twenty times in one story).
   */
  chosen: GazetteerPlace[];
  self: GazetteerPlace | null;
  /** The support of each candidate met so far in the document, whichever mention it is a candidate of. */
  support: Map<GazetteerPlace, Support>;
}

/**
 * What the first-pass choices give a candidate: the closest support, the
 * choice it comes from, and the closest from any other choice. A candidate's
 * coherence is its best support from choices other than its own mention's, so
 * these three give it for every mention: a name repeated in a document, and a
 * place that is a candidate of several names, cost their distances to the
 * other choices once.
 */
interface Support {
  best: number;
  from: GazetteerPlace | null;
  runnerUp: number;
}

function candidatesOf(mention: Recognised): Candidates {
  const best = new Map<number, ScoredMatch>();
  for (const match of mention.matches) {
    const known = best.get(match.place.rowid);
    if (!known || match.quality > known.quality) best.set(match.place.rowid, match);
  }
  const matches = [...best.values()];
  return { matches, namesMajorPlace: matches.some(isMajorPlaceByName) };
}

function rank(mention: Recognised, candidates: Candidates, context: Context): RankedCandidate[] {
  return candidates.matches.map((match) => scoredCandidate(mention, candidates, match, context)).sort(byRank);
}

/** The candidate that ranking on the name alone puts first: `byRank` orders candidates totally (place ids differ). */
function firstChoice(mention: Recognised, candidates: Candidates): RankedCandidate | null {
  let first: RankedCandidate | null = null;
  for (const match of candidates.matches) {
    const candidate = scoredCandidate(mention, candidates, match, null);
    if (first === null || byRank(candidate, first) < 0) first = candidate;
  }
  return first;
}

function scoredCandidate(mention: Recognised, candidates: Candidates, match: ScoredMatch, context: Context | null): RankedCandidate {
  // "California", "Florida", "London": where a country, a first-level region or a major city bears the name exactly, towns
  // named after it are the lesser reading unless they are cities in their own right, even in a story about their country.
  const minorTown = candidates.namesMajorPlace && isMinorTown(match.place);
  return { place: match.place, match, score: score(match, mention.cue?.kind ?? null, context) * (minorTown ? MINOR_TOWN_FACTOR : 1) };
}

function byRank(a: RankedCandidate, b: RankedCandidate): number {
  return b.score - a.score || (b.place.population ?? 0) - (a.place.population ?? 0) || a.place.rowid - b.place.rowid;
}

/**
 * A country, a first-level region or a major city matched exactly; a city only under its own name, since cities carry
 * old and translated names that are other places' ("Salisbury" for Harare, "White House" for Casablanca).
 */
function isMajorPlaceByName(match: ScoredMatch): boolean {
  if (match.quality < 0.95) return false;
  const code = match.place.featureCode ?? "";
  if (code === "ADM1" || code.startsWith("PCL")) return true;
  if (nameKindWeight(match.kind) < 1) return false;
  const population = match.place.population ?? 0;
  return population >= MAJOR_CITY_POPULATION || (code === "PPLC" && population >= CITY_POPULATION);
}

function isMinorTown(place: GazetteerPlace): boolean {
  return place.featureClass === "P" && (place.population ?? 0) < CITY_POPULATION;
}

function score(match: ScoredMatch, cue: CueKind | null, context: Context | null): number {
  const { place } = match;
  let total = WEIGHTS.match * match.quality * nameKindWeight(match.kind) + WEIGHTS.prominence * prominence(place);
  if (context) {
    let focus = 0;
    for (const country of place.countries) focus = Math.max(focus, context.focus.get(country) ?? 0);
    total += WEIGHTS.focus * focus + WEIGHTS.coherence * coherence(place, context);
    if (match.quality < 0.95 && focus < FOCUS_FLOOR) total *= OUT_OF_FOCUS_LOOKALIKE;
  }
  // A cue that contradicts the kind of place ("montagne de" before a village) discounts it whatever else it has for it.
  const cueFactor = 0.55 + 0.45 * cueFit(place, cue);
  return Math.round(Math.min(1, (cueFactor * total) / (context ? 1 : 1 - WEIGHTS.focus - WEIGHTS.coherence)) * 1000) / 1000;
}

/** Official and preferred names outrank the long tail of alternates (a village's variant spelling of a capital). */
function nameKindWeight(kind: string): number {
  switch (kind) {
    case "name":
    case "ascii":
    case "preferred":
    case "demonym":
      return 1;
    case "alternate":
    case "short":
    case "no-article":
      return 0.9;
    default:
      return 0.7;
  }
}

/** How likely a place is to be the one meant, before context: countries and capitals over hamlets. */
export function prominence(place: GazetteerPlace): number {
  const code = place.featureCode ?? "";
  if (code === "PCLI" || code === "PCLD" || code === "PCLS" || code === "PCLF" || code === "PCL") return 1;
  if (code === "CONT") return 0.95;
  if (code === "PPLC") return 0.95;
  // Below big cities: "New York" is the city more often than the state.
  if (code === "ADM1") return 0.7;
  if (place.source === OVERLAY_SOURCE) return 0.75;
  // Neighbourhoods and abandoned places are rarely what a report means by a bare name.
  if (code === "PPLX" || code === "PPLH" || code === "PPLQ" || code === "PPLW") return 0.1;
  const population = place.population ?? 0;
  const byPopulation = Math.min(1, Math.log10(population + 10) / 7);
  if (code === "PPLA") return Math.max(0.7, byPopulation);
  if (code === "PPLA2" || code === "ADM2") return Math.max(0.55, byPopulation);
  return byPopulation;
}

function cueFit(place: GazetteerPlace, cue: CueKind | null): number {
  const featureClass = place.featureClass ?? "";
  switch (cue) {
    case "settlement":
    case "near":
    case "surroundings":
      return featureClass === "P" ? 1 : 0.2;
    case "natural":
      return featureClass === "T" || featureClass === "H" || featureClass === "V" || featureClass === "L" ? 1 : 0.1;
    case "region":
      // "la région de Aassal al-Wared": reports call a town's surroundings a region.
      return featureClass === "A" || featureClass === "L" ? 1 : featureClass === "P" ? 0.7 : 0.4;
    default:
      return 0.8;
  }
}

/** Support from the closest first-pass choice that is neither the place itself nor the mention's own choice. */
function coherence(place: GazetteerPlace, context: Context): number {
  let support = context.support.get(place);
  if (support === undefined) {
    support = supportOf(place, context.chosen);
    context.support.set(place, support);
  }
  return support.from !== null && support.from === context.self ? support.runnerUp : support.best;
}

function supportOf(place: GazetteerPlace, chosen: readonly GazetteerPlace[]): Support {
  const support: Support = { best: 0, from: null, runnerUp: 0 };
  for (const other of chosen) {
    if (other.rowid === place.rowid) continue;
    const reach = COHERENCE_KM + (other.radiusKm ?? 0) + (place.radiusKm ?? 0);
    const value = Math.exp(-distanceKm(place, other) / reach);
    if (value > support.best) {
      support.runnerUp = support.best;
      support.best = value;
      support.from = other;
    } else {
      support.runnerUp = Math.max(support.runnerUp, value);
    }
  }
  return support;
}

function documentContext(mentions: readonly Recognised[], first: readonly (RankedCandidate | null)[]): Omit<Context, "self" | "support"> {
  const weights = new Map<string, number>();
  let total = 0;
  const chosen = new Set<GazetteerPlace>();
  for (const [i, mention] of mentions.entries()) {
    const top = first[i];
    if (!top) continue;
    chosen.add(top.place);
    // Countries named outright, and demonyms, say most about where a report is; look-alike matches least.
    const named = mention.rule === "demonym" || (top.place.featureCode ?? "").startsWith("PCL") ? 3 : 1;
    const weight = top.score * named * (mention.rule === "skeleton" ? 0.5 : 1);
    for (const country of top.place.countries) weights.set(country, (weights.get(country) ?? 0) + weight);
    total += weight;
  }
  const focus = new Map([...weights].map(([country, weight]) => [country, total === 0 ? 0 : weight / total]));
  return { focus, chosen: [...chosen] };
}

