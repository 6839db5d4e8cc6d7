/**
 * Counts joined to a neighbouring casualty count share its fate: "3 soldiers
 * and 5 civilians were killed" (the soldiers too), "killing 3 soldiers and
 * 5 civilians" (the civilians too), "مقتل 3 جنود و5 مدنيين". Each joined
 * count must name its victims, so "killing 3 soldiers and 5 were wounded"
 * stays apart.
 */
import { type Candidate, type Grammar, follows, isNumber, isSign, matchAt, spanOf, victimsAt, victimsText } from "../grammar.js";
import type { HarmKind } from "../lexicon.js";

export const COORDINATED = "fatalities:coordinated";

/** "and", "et", "و", or a comma. */
function isJoin(grammar: Grammar, i: number): boolean {
  const word = grammar.words[i];
  if (!word) return false;
  if (isSign(grammar, i, ",") || isSign(grammar, i, "،")) return true;
  return word.kind === "word" && ["and", "et", "و"].includes(word.readings[0]?.key ?? "");
}

/** Counts with victims that come before the count at word i, each joined to the next: the "3 soldiers and" of "3 soldiers and 5 civilians were killed". */
export function earlierCounts(grammar: Grammar, i: number, kind: HarmKind): Candidate[] {
  const found: Candidate[] = [];
  let next = i;
  while (isJoin(grammar, next - 1)) {
    const join = next - 1;
    let previous: Candidate | null = null;
    for (let m = join - 1; m >= Math.max(0, join - 5); m--) {
      const count = grammar.words[m]?.number;
      if (!count) continue;
      const victims = victimsAt(grammar, m + 1);
      if (victims.head && victims.end === join) previous = candidateFor(grammar, m, victims.head.end, kind, victimsText(grammar, victims.head));
      next = m;
      break;
    }
    if (!previous) break;
    found.push(previous);
  }
  return found;
}

/** Counts with victims joined after a count ending before word `end`: the "and 5 civilians" of "killing 3 soldiers and 5 civilians". */
export function laterCounts(grammar: Grammar, end: number, kind: HarmKind): Candidate[] {
  const found: Candidate[] = [];
  let at = end;
  while (isJoin(grammar, at) && isNumber(grammar, at + 1) && follows(grammar, at + 1)) {
    const victims = victimsAt(grammar, at + 2);
    // A verb after the victims gives them their own fate: "and 5 civilians were wounded".
    if (!victims.head || matchAt(grammar, victims.end, "auxiliary") || matchAt(grammar, victims.end, "casualty")) break;
    found.push(candidateFor(grammar, at + 1, victims.head.end, kind, victimsText(grammar, victims.head)));
    at = victims.head.end;
  }
  return found;
}

function candidateFor(grammar: Grammar, first: number, end: number, kind: HarmKind, victims: string | null): Candidate {
  const count = grammar.words[first]?.number;
  if (!count) throw new Error(`expected a number at word ${first}, found ${JSON.stringify(grammar.words[first]?.text)}`);
  return { ...spanOf(grammar, first, end), low: count.low, high: count.high, kind, victims, by: COORDINATED };
}
