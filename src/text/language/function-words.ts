/**
 * The commonest closed-class words of each supported language: articles,
 * prepositions, pronouns, conjunctions, auxiliaries. Trigram profiles confuse
 * close Romance languages on short news text (French scores 0.97 of the best
 * against Spanish); the share of these words separates them cleanly.
 *
 * Source: curated by the project from reference grammars' closed-class
 * inventories (no frequency list copied). Words are folded with `foldKey` when
 * the sets are built, so they are written here in their ordinary spelling.
 */
import { foldKey } from "../normalise/index.js";

export const FUNCTION_WORDS: Readonly<Record<"fr" | "en" | "ar", ReadonlySet<string>>> = {
  fr: words(
    "le la les l un une des de du d au aux a en dans par pour sur sous avec sans entre vers chez contre selon " +
      "et ou mais donc ni car que qu qui quoi dont ou ce cet cette ces c se s son sa ses leur leurs il ils elle elles " +
      "on nous vous je j me m te t lui y ne n pas plus est sont ete etait etaient a ont avait avaient sera seront " +
      "fait aussi comme tres deja encore toujours apres avant depuis pendant lors alors si tout tous toute toutes",
  ),
  en: words(
    "the a an of to in on at by for with from into over under about against between through during after before " +
      "and or but nor so that which who whom whose this these those it its he his she her they them their we our " +
      "you your i is are was were be been being has have had will would shall should can could may might must not " +
      "no as than then also there here said says",
  ),
  ar: words(
    "في من إلى على عن مع هذا هذه ذلك تلك الذي التي الذين أن إن أنه أنها لا لم لن ما قد كان كانت " +
      "كما حيث بين بعد قبل منذ حتى عند أو ثم هو هي هم هن نحن أنت كل بعض غير لدى لكن إذا وقد وفي ومن وعلى",
  ),
};

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(" ").map(foldKey));
}

const ARABIC_CONJUNCTION = /^[وف](?=..)/u;

/** Share of `words` (already fold-keyed) that are function words of `language`. */
export function functionWordShare(words: readonly string[], language: "fr" | "en" | "ar"): number {
  if (words.length === 0) return 0;
  const lexicon = FUNCTION_WORDS[language];
  let hits = 0;
  for (const word of words) {
    if (lexicon.has(word) || (language === "ar" && lexicon.has(word.replace(ARABIC_CONJUNCTION, "")))) hits++;
  }
  return hits / words.length;
}
