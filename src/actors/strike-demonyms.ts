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
import type { Span } from "../model/span.js";
import { foldedSet } from "../text/folded-set.js";
import { firstTokenAt, nextWordIndex } from "../text/phrases.js";

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
export function strikeDemonyms(doc: Doc, covered: readonly Span[]): PlaceMention[] {
  const language = doc.document.language;
  const after = NOUN_AFTER[language];
  const before = NOUN_BEFORE[language];
  if (!after && !before) return [];
  const { tokens } = doc;
  return doc.places.filter((place) => {
    if (place.kind !== "demonym" || !place.resolved?.country) return false;
    if (covered.some((mention) => mention.start < place.end && place.start < mention.end)) return false;
    const first = firstTokenAt(tokens, place.start);
    const neighbour = after ? tokens[nextWordIndex(doc, firstTokenAt(tokens, place.end - 1))] : tokens[first - 1];
    // The neighbour must be a word of the same sentence: "frappes israéliennes", not "frappes. Israéliennes".
    if (!neighbour || neighbour.kind !== "word" || neighbour.sentence !== (tokens[first] as Token).sentence) return false;
    return (after ?? before)?.has(neighbour.keys?.fold ?? "") === true;
  });
}
