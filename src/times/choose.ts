/**
 * The position patch at the end of the rule list: candidates overlap (chrono
 * and a rule read the same words; "avant-hier" holds "hier"), and mentions
 * must not. The longest candidate wins, since it read the most of the
 * expression; at equal length a rule wins over chrono, because each rule
 * exists for a case chrono gets wrong; then the earlier one. Chrono joins a
 * date and a time of day across a comma ("la semaine dernière, ce matin"): a
 * chrono candidate that overlaps two separate rule candidates gives way to them.
 */
import { compareSpans, overlaps, spanLength } from "../model/span.js";
import type { TimeCandidate } from "./candidate.js";

export function chooseMentions(candidates: readonly TimeCandidate[]): TimeCandidate[] {
  const fromChrono = (candidate: TimeCandidate): number => (candidate.rule === "chrono" ? 1 : 0);
  const fromRules = candidates.filter((candidate) => !fromChrono(candidate));
  const ranked = candidates
    .filter((candidate) => !fromChrono(candidate) || !joinsTwo(candidate, fromRules)).sort((a, b) => spanLength(b) - spanLength(a) || fromChrono(a) - fromChrono(b) || a.start - b.start);
  const kept: TimeCandidate[] = [];
  for (const candidate of ranked) if (!kept.some((mention) => overlaps(mention, candidate))) kept.push(candidate);
  return kept.sort(compareSpans);
}

function joinsTwo(chrono: TimeCandidate, rules: readonly TimeCandidate[]): boolean {
  const inside = rules.filter((rule) => overlaps(rule, chrono)).sort(compareSpans);
  return inside.some((rule, i) => inside.slice(i + 1).some((other) => !overlaps(rule, other)));
}
