/**
 * What happened, then the count: "killing 6 civilians", "killed at least 12
 * people", "claimed the lives of 5", "wounding several people", "tuant cinq
 * personnes", "a coûté la vie à 5 soldats", "مقتل خمسة", "قتل 12 شخصا",
 * "إصابة 10 آخرين". Up to three words may stand between the verb and the
 * count when victims follow it ("ont tué dimanche 12 civils", "قتلت القوات
 * أمس 3 مسلحين"), a day among them; a bare count must end the clause or be followed by a
 * preposition or conjunction, so that "killed 5 km from" is not a count.
 */
import { type Candidate, type Grammar, follows, harmKind, isNumber, isPlainWord, isSign, matchAt, spanOf, victimsAt, victimsText } from "../grammar.js";
import { laterCounts } from "./coordinated-counts.js";

export const CASUALTY_THEN_COUNT = "fatalities:casualty-then-count";

export function casualtyThenCount(grammar: Grammar): Candidate[] {
  const found: Candidate[] = [];
  grammar.words.forEach((_word, i) => {
    const trigger = matchAt(grammar, i, "trigger");
    if (!trigger) return;
    let k = trigger.end;
    let bridged = 0;
    let onlyDeterminers = true;
    while (k < grammar.words.length && bridged < 3 && follows(grammar, k) && !isNumber(grammar, k)) {
      const determiner = matchAt(grammar, k, "determiner");
      // A day is said between the verb and its object in French and Arabic ("ont tué samedi douze villageois").
      const when = determiner ? null : matchAt(grammar, k, "when");
      if (!determiner && !when && !isPlainWord(grammar, k)) return;
      onlyDeterminers &&= determiner !== null;
      k = determiner?.end ?? when?.end ?? k + 1;
      bridged++;
    }
    const count = grammar.words[k]?.number;
    if (!count || !follows(grammar, k)) return;
    const victims = victimsAt(grammar, k + 1);
    if (!victims.head && (!onlyDeterminers || !endsBareCount(grammar, k + 1))) return;
    const kind = harmKind(trigger.form);
    const end = victims.head ? victims.head.end : k + 1;
    found.push(
      { ...spanOf(grammar, i, end, trigger.start), low: count.low, high: count.high, kind, victims: victimsText(grammar, victims.head), by: CASUALTY_THEN_COUNT },
      ...laterCounts(grammar, end, kind),
    );
  });
  return found;
}

/** What may follow a count without victims: the end, a sign, a preposition or conjunction, another verb of harm, or an Arabic word opening with و/ف. */
function endsBareCount(grammar: Grammar, i: number): boolean {
  const word = grammar.words[i];
  if (!word || isSign(grammar, i) || !follows(grammar, i)) return true;
  if (matchAt(grammar, i, "casualty") && !matchAt(grammar, i, "trigger")) return false;
  if (matchAt(grammar, i, "after") || matchAt(grammar, i, "trigger")) return true;
  return word.readings.length > 1 && /^[وف]/u.test(word.text);
}
