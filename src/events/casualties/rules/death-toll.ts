/**
 * A toll and its figure: "the death toll rose to 40", "le bilan s'élève à
 * 30 morts", "ارتفعت حصيلة القتلى إلى 40", "عدد الجرحى 15". Up to eight words
 * may stand between the toll and the figure, none a count or a verb of
 * harm. A casualty word after the figure says what it counts ("bilan de 3
 * blessés"); otherwise the toll does (a toll counts the dead unless it
 * names the injured).
 */
import { type Candidate, type Grammar, follows, harmKind, isNumber, isSign, matchAt, skipAll, spanOf, victimsAt, victimsText } from "../grammar.js";

export const DEATH_TOLL = "fatalities:death-toll";

export function deathToll(grammar: Grammar): Candidate[] {
  const found: Candidate[] = [];
  grammar.words.forEach((_word, i) => {
    const toll = matchAt(grammar, i, "toll");
    if (!toll) return;
    let k = toll.end;
    for (let n = 0; n < 8 && k < grammar.words.length && !isNumber(grammar, k); n++, k++) {
      if (isSign(grammar, k) && !isSign(grammar, k, ":")) return;
      if (matchAt(grammar, k, "trigger") || matchAt(grammar, k, "casualty") || matchAt(grammar, k, "toll")) return;
    }
    const count = grammar.words[k]?.number;
    if (!count) return;
    const victims = victimsAt(grammar, k + 1);
    let end = victims.head ? victims.head.end : k + 1;
    let kind = harmKind(toll.form);
    const afterLink = victims.head ? end : (matchAt(grammar, end, "link")?.end ?? end);
    const casualtyAt = skipAll(grammar, afterLink, "auxiliary");
    const casualty = follows(grammar, casualtyAt) ? matchAt(grammar, casualtyAt, "casualty") : null;
    if (casualty) {
      kind = harmKind(casualty.form);
      end = casualty.end;
    }
    found.push({ ...spanOf(grammar, i, end, toll.start), low: count.low, high: count.high, kind, victims: victimsText(grammar, victims.head), by: DEATH_TOLL });
  });
  return found;
}
