/**
 * From a resolution to the contract's `PlaceMention`: the chosen entry, its
 * score, the alternatives it beat, the kind of place and ACLED geo_precision,
 * and the messages a reader needs (unresolved, approximated, ambiguous).
 */
import type { GazetteerEntry, PlaceMention, ScoredGazetteerEntry } from "../model/analysis.js";
import { createMessage, type Message } from "../model/message.js";
import type { GazetteerPlace } from "../gazetteer/types.js";
import { distanceKm } from "../model/geo.js";
import type { RankedCandidate, Resolution } from "./resolve.js";

/** Below this score the best candidate is a guess: reported, not chosen. */
export const MIN_SCORE = 0.45;
/** A name that only resembles the candidate's needs more support from context than an exact one. */
export const MIN_LOOKALIKE_SCORE = 0.5;
const MAX_ALTERNATIVES = 5;
/** Two candidates this close in score and this far apart make a mention ambiguous. */
const AMBIGUOUS_MARGIN = 0.03;
const AMBIGUOUS_KM = 100;

/** Below this, with no cue either, a capitalised word that merely resembles a place name is not taken for one. */
export const MIN_RECOGNITION_SCORE = 0.35;

/** Whether a recognised name is worth reporting at all, resolved or not. */
export function isReportable({ mention, ranked }: Resolution): boolean {
  if (mention.rule === "cue-unknown") return true;
  const best = ranked[0]?.score ?? 0;
  return best >= MIN_RECOGNITION_SCORE || (mention.cue !== null && mention.cue.kind !== "locative");
}

export function toMention(resolution: Resolution, id: string): { mention: PlaceMention; messages: Message[] } {
  const { mention, ranked } = resolution;
  const top = ranked[0];
  const chosen = top && top.score >= (top.match.quality < 0.95 ? MIN_LOOKALIKE_SCORE : MIN_SCORE) ? top : null;
  const messages: Message[] = [];
  const span = { start: mention.start, end: mention.end };
  const alternatives = ranked.slice(chosen ? 1 : 0, (chosen ? 1 : 0) + MAX_ALTERNATIVES).map(toScored);

  if (!chosen) {
    messages.push(
      createMessage({
        code: "place-unresolved",
        severity: "warning",
        reason: top
          ? `"${mention.text}" matches ${ranked.length} place(s), none convincingly (best: ${top.place.name}, ${top.place.countries.join("/")}, score ${top.score}); left unresolved`
          : `"${mention.text}" reads as a place (after "${mention.cue?.phrase ?? ""}") but the gazetteer has no such name; left unresolved`,
        stage: "places",
        rule: mention.rule,
        span,
      }),
    );
  }
  const kind = kindOf(resolution, chosen?.place ?? null);
  const approximated = chosen !== null && mention.cue?.kind === "surroundings" && chosen.place.featureClass === "P";
  if (approximated) {
    messages.push(
      createMessage({
        code: "place-natural-feature-approximated",
        severity: "info",
        reason: `"${mention.cue?.phrase} ${mention.text}" names the area around ${chosen.place.name}; located at the town with precision 3`,
        stage: "places",
        rule: "cue-surroundings",
        span: mention.cueSpan ? { start: mention.cueSpan.start, end: mention.end } : span,
      }),
    );
  }
  const runnerUp = ranked[1];
  if (chosen && runnerUp && chosen.score - runnerUp.score < AMBIGUOUS_MARGIN && distanceKm(chosen.place, runnerUp.place) > AMBIGUOUS_KM) {
    messages.push(
      createMessage({
        code: "place-ambiguous",
        severity: "info",
        reason: `"${mention.text}": ${chosen.place.name} (${chosen.place.countries.join("/")}) barely beats ${runnerUp.place.name} (${runnerUp.place.countries.join("/")})`,
        stage: "places",
        rule: "resolve/two-pass",
        span,
      }),
    );
  }

  return {
    mention: {
      id,
      text: mention.text,
      start: mention.start,
      end: mention.end,
      kind,
      resolved: chosen ? toEntry(chosen.place) : null,
      score: top?.score ?? 0,
      precision: chosen ? precisionOf(resolution, chosen.place, approximated) : null,
      alternatives,
      // The rule that found the name, and the cue when it changed what the mention stands for.
      by: `places:${mention.rule}${approximated ? "+cue-surroundings" : ""}`,
    },
    messages,
  };
}

function kindOf({ mention }: Resolution, place: GazetteerPlace | null): PlaceMention["kind"] {
  if (mention.rule === "demonym" || mention.matches.every((match) => match.kind === "demonym")) return "demonym";
  if (mention.cue?.kind === "surroundings" || mention.cue?.kind === "natural") return "natural-feature";
  const featureClass = place?.featureClass ?? "";
  if (featureClass === "T" || featureClass === "H" || featureClass === "V") return "natural-feature";
  if (featureClass === "L" || (featureClass === "A" && !(place?.featureCode ?? "").startsWith("PCL"))) return "region";
  return "toponym";
}

/** ACLED geo_precision: 1 the place itself, 2 near it or part of it, 3 a larger area. */
function precisionOf({ mention }: Resolution, place: GazetteerPlace, approximated: boolean): 1 | 2 | 3 {
  if (approximated || mention.rule === "demonym" || mention.matches.every((match) => match.kind === "demonym")) return 3;
  if (place.precision === 1 || place.precision === 2 || place.precision === 3) return place.precision;
  if (place.featureClass === "P") return mention.cue?.kind === "near" ? 2 : 1;
  if (place.featureClass === "S") return 1;
  return 3;
}

function toEntry(place: GazetteerPlace): GazetteerEntry {
  return {
    gazetteer: place.source,
    id: place.sourceId,
    name: place.name,
    country: place.countries[0] ?? null,
    admin1: place.admin1Name ?? place.admin1Code,
    lat: place.lat,
    lon: place.lon,
    feature: place.featureClass && place.featureCode ? `${place.featureClass}.${place.featureCode}` : (place.featureClass ?? place.featureCode),
    population: place.population,
  };
}

function toScored({ place, score }: RankedCandidate): ScoredGazetteerEntry {
  return { gazetteer: place.source, id: place.sourceId, name: place.name, country: place.countries[0] ?? null, lat: place.lat, lon: place.lon, score };
}
