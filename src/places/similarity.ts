import { distance } from "fastest-levenshtein";

/** 1 for identical strings, 0 for nothing in common: normalised Levenshtein similarity. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}
