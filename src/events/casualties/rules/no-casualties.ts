/**
 * Denials, which ACLED codes as 0 fatalities: "no one was killed", "nobody
 * was hurt", "no casualties", "aucun mort", "sans faire de victimes",
 * "personne n'a été blessé", "لم يسفر عن سقوط قتلى", "دون وقوع إصابات".
 * A denial of harm in general ("no casualties", "لم يصب أحد") denies both
 * deaths and injuries: kind "any", reported as one count of each.
 */
import { type Candidate, type Grammar, follows, harmKind, isPlainWord, matchAt, skipAll, spanOf, victimsAt, victimsText } from "../grammar.js";

export const NO_CASUALTIES = "fatalities:none";

const FILLERS = ["negation-filler", "auxiliary"] as const;

export function noCasualties(grammar: Grammar): Candidate[] {
  const found: Candidate[] = [];
  grammar.words.forEach((_word, i) => {
    const phrase = matchAt(grammar, i, "none");
    if (phrase) {
      found.push({ ...spanOf(grammar, i, phrase.end, phrase.start), low: 0, high: 0, kind: harmKind(phrase.form), victims: null, by: NO_CASUALTIES });
      return;
    }
    const negator = matchAt(grammar, i, "negator");
    if (!negator) return;
    // Up to two words of its own between a denial and what it denies: a subject ("لم يسفر القصف عن"), an adjective ("no Israeli casualties").
    let j = skipAll(grammar, negator.end, FILLERS);
    for (let plain = 0; plain < 2 && follows(grammar, j) && isPlainWord(grammar, j) && !victimsAt(grammar, j).head; plain++) j++;
    j = skipAll(grammar, j, FILLERS);
    if (!follows(grammar, j)) return;
    const harm = matchAt(grammar, j, "harm") ?? matchAt(grammar, j, "casualty");
    if (harm) {
      found.push({ ...spanOf(grammar, i, harm.end, negator.start), low: 0, high: 0, kind: harmKind(harm.form), victims: null, by: NO_CASUALTIES });
      return;
    }
    // "no civilians were killed", "aucun soldat n'a été tué", "no Israeli casualties"
    const victims = victimsAt(grammar, j);
    if (!victims.head) return;
    const k = skipAll(grammar, victims.end, FILLERS);
    const casualty = follows(grammar, k) ? (matchAt(grammar, k, "harm") ?? matchAt(grammar, k, "casualty")) : null;
    if (!casualty) return;
    found.push({ ...spanOf(grammar, i, casualty.end, negator.start), low: 0, high: 0, kind: harmKind(casualty.form), victims: victimsText(grammar, victims.head), by: NO_CASUALTIES });
  });
  return found;
}
