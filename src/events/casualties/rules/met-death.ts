/**
 * Arabic "met his death", with the count and the victims inside: "لقي 3
 * أشخاص حتفهم", "لقي شخص حتفه" (one: the noun is singular), "لقي جنديان
 * مصرعهما" (two: dual). Without a count, the noun's own number counts; a
 * plural noun without one ("لقي مدنيون حتفهم") gives no figure.
 */
import { type Candidate, type Grammar, harmKind, matchAt, spanOf, victimsAt, victimsText } from "../grammar.js";

export const MET_DEATH = "fatalities:met-death";

export function metDeath(grammar: Grammar): Candidate[] {
  const found: Candidate[] = [];
  grammar.words.forEach((_word, i) => {
    const meet = matchAt(grammar, i, "meet");
    if (!meet) return;
    const count = grammar.words[meet.end]?.number ?? null;
    const victims = victimsAt(grammar, count ? meet.end + 1 : meet.end);
    const fateAt = victims.head ? victims.end : count ? meet.end + 1 : meet.end;
    const fate = matchAt(grammar, fateAt, "fate");
    const implied = victims.head?.form.count ?? null;
    if (!fate || (!count && implied === null)) return;
    const low = count ? count.low : (implied as number);
    const high = count ? count.high : (implied as number);
    found.push({ ...spanOf(grammar, i, fate.end, meet.start), low, high, kind: harmKind(fate.form), victims: victimsText(grammar, victims.head), by: MET_DEATH });
  });
  return found;
}
