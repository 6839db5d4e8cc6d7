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

/** The Arabic article as transliterations write it before a name, folded and standing apart: "al ", "ash ", "ar "… */
const LATIN_ARTICLE = /^(?:al|el|ad|ed|ash|as|es|ez|az|ar|er|an|at|ech|ach) (?=\S)/;

/** A name key without its Arabic article, transliterated ("al qusayr") or written (القصير), else the key itself. */
export function withoutArticle(key: string): string {
  return key.replace(LATIN_ARTICLE, "").replace(/^ال(?=\S{2})/, "");
}
