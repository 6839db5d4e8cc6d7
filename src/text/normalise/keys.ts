/**
 * Both keys of a piece of text, folding once. Matchers call it on whatever
 * they compare: a token, a token's Arabic `stem`, or the text of several
 * tokens joined by span ("al-Nosra" is three tokens).
 */
import type { TokenKeys } from "../../model/document.js";
import { foldKey } from "./fold.js";
import { skeletonOfFolded } from "./skeleton.js";

export function tokenKeys(text: string): TokenKeys {
  const fold = foldKey(text);
  return { fold, skeleton: skeletonOfFolded(fold) };
}
