/**
 * A count, then what happened to it: "12 killed", "seven people dead",
 * "two soldiers died", "12 personnes ont été tuées", "une dizaine de morts",
 * "au moins cinq soldats tués", "3 قتلى", "12 جريحا". Between the count and
 * the casualty word: the victims ("soldiers", "Malian soldiers", "de morts"),
 * a parenthetical subset (", dont trois enfants,"), then auxiliaries ("were",
 * "ont été"). A participle that is followed by its object is active and
 * counts the killers, not the killed: "5 gunmen killed 12 civilians".
 */
import { type Candidate, type Grammar, follows, harmKind, isNumber, matchAt, objectFollows, skipAll, skipAside, spanOf, victimsAt, victimsText } from "../grammar.js";
import { earlierCounts } from "./coordinated-counts.js";

export const COUNT_THEN_CASUALTY = "fatalities:count-then-casualty";

export function countThenCasualty(grammar: Grammar): Candidate[] {
  const found: Candidate[] = [];
  grammar.words.forEach((word, i) => {
    if (!isNumber(grammar, i) || !word.number) return;
    const victims = victimsAt(grammar, i + 1);
    let j = victims.end;
    // "dozens of dead", "des dizaines de morts": a link straight to the casualty word
    const link = victims.head ? null : matchAt(grammar, j, "link");
    if (link && matchAt(grammar, link.end, "casualty")) j = link.end;
    j = skipAside(grammar, j);
    const afterAuxiliaries = skipAll(grammar, j, "auxiliary");
    const casualty = follows(grammar, afterAuxiliaries) ? matchAt(grammar, afterAuxiliaries, "casualty") : null;
    if (!casualty) return;
    const passive = afterAuxiliaries > j;
    if (!passive && matchAt(grammar, afterAuxiliaries, "trigger") && objectFollows(grammar, casualty.end)) return;
    const kind = harmKind(casualty.form);
    const candidate: Candidate = {
      ...spanOf(grammar, i, casualty.end),
      low: word.number.low,
      high: word.number.high,
      kind,
      victims: victimsText(grammar, victims.head),
      by: COUNT_THEN_CASUALTY,
    };
    found.push(candidate, ...earlierCounts(grammar, i, kind));
  });
  return found;
}
