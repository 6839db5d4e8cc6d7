/**
 * "frappes israéliennes", "Israeli strikes", "غارات روسية": a demonym that
 * qualifies a noun of armed action names the state whose forces acted, though
 * no noun for an actor is written. The mention is the demonym, resolved to the
 * country's military.
 *
 * The nouns are a short closed list kept here rather than in a data file: they
 * are the heads of the phrase, not vocabulary the dictionary could grow. They
 * name actions and the drones a state flies, not munitions: "des missiles
 * français" says who made the missiles, not who fired them.
 */
import type { PlaceMention } from "../model/analysis.js";
import type { Doc, Token } from "../model/document.js";
import { foldedSet } from "../text/folded-set.js";
import { nextWordIndex } from "../text/phrases.js";

export const DEMONYM_OF_STRIKE = "actors:demonym-of-strike";


/** English puts the demonym before the noun ("Israeli strikes"), French and Arabic after it. */
const NOUN_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  en: foldedSet(["strike", "strikes", "airstrike", "airstrikes", "air", "raid", "raids", "shelling", "bombardment", "bombardments", "bombing", "bombings", "drone", "drones", "artillery", "offensive", "attack", "attacks", "fire"]),
};
const NOUN_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
  fr: foldedSet(["frappe", "frappes", "aérienne", "aériennes", "raid", "raids", "bombardement", "bombardements", "tirs", "offensive", "attaque", "attaques", "drone", "drones", "artillerie"]),
  ar: foldedSet(["غارة", "غارات", "قصف", "ضربة", "ضربات", "هجوم", "هجمات", "طائرة", "طائرات", "مسيرة", "مسيرات", "مدفعية", "الغارة", "الغارات", "القصف", "الضربات", "المسيرة", "المدفعية"]),
};

/** Demonyms right beside a noun of armed action, which no actor mention covers yet. */
export function strikeDemonyms(doc: Doc, covered: readonly { start: number; end: number }[]): PlaceMention[] {
  const language = doc.document.language;
  const after = NOUN_AFTER[language];
  const before = NOUN_BEFORE[language];
  if (!after && !before) return [];
  const { tokens } = doc;
  const found: PlaceMention[] = [];
  let t = 0;
  for (const place of doc.places) {
    if (place.kind !== "demonym" || !place.resolved?.country) continue;
    if (covered.some((mention) => mention.start < place.end && place.start < mention.end)) continue;
    while (t < tokens.length && (tokens[t] as Token).end <= place.start) t++;
    const last = lastTokenOf(tokens, t, place.end);
    const neighbour = after ? nextWordIndex(doc, last) : previousWordIndex(doc, t);
    const key = neighbour === -1 ? "" : ((tokens[neighbour] as Token).keys?.fold ?? "");
    if ((after ?? before)?.has(key)) found.push(place);
  }
  return found;
}

function lastTokenOf(tokens: readonly Token[], first: number, end: number): number {
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).end <= end) last++;
  return last;
}

/** The word just before token `i` in its sentence, or -1. */
function previousWordIndex(doc: Doc, i: number): number {
  const previous = doc.tokens[i - 1];
  const current = doc.tokens[i];
  return previous && current && previous.kind === "word" && previous.sentence === current.sentence ? i - 1 : -1;
}
