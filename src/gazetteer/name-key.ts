import { foldKey } from "../text/normalise/index.js";

const APOSTROPHES = /['`ʿʾ]/g;
const JOINERS = /[\s\-‐‑–—_.]+/g;

/**
 * The exact-match key of a place name: folded, with apostrophes dropped and
 * hyphens, dots and spaces made one space, because the press writes one name
 * as "al-Jubbah", "Al Jubbah", "Dar'a" or "Daraa".
 */
export function nameKey(text: string): string {
  return foldKey(text).replace(APOSTROPHES, "").replace(JOINERS, " ").trim();
}
