/**
 * Arabic counts one or two in the noun itself: a singular or dual after a
 * verb of harm ("مقتل جندي", "إصابة شخصين", "قتل مدني", with any count
 * joined after it: "مقتل جندي و3 آخرين"), or an indefinite
 * singular or dual casualty noun ("سقوط قتيل وثلاثة جرحى", "قتيلان"). A
 * definite casualty noun ("القتيل") is someone already counted. The forms
 * that count are marked ":1"/":2" in the lexicon; English and French say
 * "a"/"un", which `findNumbers` reads as one.
 */
import { type Candidate, type Grammar, follows, harmKind, isNumber, matchAt, spanOf, victimsText } from "../grammar.js";
import { laterCounts } from "./coordinated-counts.js";

export const IMPLIED_COUNT = "fatalities:implied-count";

export function impliedCount(grammar: Grammar): Candidate[] {
  const found: Candidate[] = [];
  grammar.words.forEach((_word, i) => {
    const trigger = matchAt(grammar, i, "trigger");
    if (trigger && follows(grammar, trigger.end)) {
      const victim = matchAt(grammar, trigger.end, "victim") ?? matchAt(grammar, trigger.end, "person");
      const count = victim?.form.count;
      if (victim && count) {
        const kind = harmKind(trigger.form);
        found.push({ ...spanOf(grammar, i, victim.end, trigger.start), low: count, high: count, kind, victims: victimsText(grammar, victim), by: IMPLIED_COUNT }, ...laterCounts(grammar, victim.end, kind));
      }
    }
    const casualty = matchAt(grammar, i, "casualty");
    const count = casualty?.form.count;
    if (casualty && count && !casualty.reading.article && !(isNumber(grammar, i - 1) && follows(grammar, i))) {
      found.push({ ...spanOf(grammar, i, casualty.end, casualty.start), low: count, high: count, kind: harmKind(casualty.form), victims: null, by: IMPLIED_COUNT });
    }
  });
  return found;
}
