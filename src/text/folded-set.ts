import { foldKey } from "./normalise/index.js";

/** A set of words as tokens' fold keys spell them ("على" is "علي", "aérienne" "aerienne"), to compare with `keys.fold`. */
export function foldedSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(foldKey));
}
