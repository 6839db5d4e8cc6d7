/**
 * Words before a name that say what kind of place follows and how precisely
 * an event there is located: "dans le jurd de", "près de", "outskirts of",
 * "ريف", "جرود". Phrases are lists of words with "'" for any apostrophe;
 * matching runs backwards from the name.
 *
 * Source: curated by the project from French, English and Arabic conflict
 * reporting conventions. Phrases are folded when the table is built.
 */
import { foldKey } from "../text/normalise/index.js";

export type CueKind =
  /** A settlement: town, village, locality. */
  | "settlement"
  /** Near a place or on its outskirts: ACLED precision 2. */
  | "near"
  /** The barrens or countryside around a town: the area, not the town. */
  | "surroundings"
  /** A natural feature: mountain, hill, valley, wadi, plain. */
  | "natural"
  /** An administrative or informal region. */
  | "region"
  /** A plain locative preposition: evidence that a place follows, nothing more. */
  | "locative";

export interface Cue {
  phrase: string;
  /** The phrase's words, in order, for matching backwards from a name. */
  words: readonly string[];
  kind: CueKind;
}

const CUES: Record<"fr" | "en" | "ar", Record<CueKind, string[]>> = {
  fr: {
    settlement: ["localite de", "localite libanaise de", "localite syrienne de", "village de", "ville de", "bourgade de", "commune de", "camp de", "quartier de", "localite", "village", "ville"],
    near: ["pres de", "pres d'", "a proximite de", "a proximite d'", "aux abords de", "aux abords d'", "aux portes de", "aux portes d'", "autour de", "autour d'", "aux environs de", "aux environs d'", "dans les environs de", "en peripherie de", "en banlieue de", "a l'entree de", "a l'entree d'", "non loin de", "non loin d'"],
    surroundings: ["jurd de", "jurd d'", "jurds de", "jurds d'", "jurd", "jurds", "campagne de", "campagne d'", "banlieue de", "banlieue d'", "peripherie de", "peripherie d'", "confins de", "confins d'"],
    natural: ["montagne de", "montagne d'", "montagnes de", "mont", "monts", "colline de", "collines de", "colline d'", "hauteur de", "hauteurs de", "hauteurs d'", "plaine de", "plaine d'", "vallee de", "vallee d'", "vallee du", "wadi", "oued", "desert de", "desert du", "lac", "foret de", "massif de", "massif du", "djebel", "jebel", "jabal"],
    region: ["region de", "region d'", "region syrienne de", "region libanaise de", "province de", "province d'", "gouvernorat de", "gouvernorat d'", "district de", "district d'", "departement de", "wilaya de", "secteur de", "zone de", "region"],
    locative: ["a", "au", "aux", "en", "dans", "vers", "depuis", "sur", "de", "d'", "entre", "jusqu'a"],
  },
  en: {
    settlement: ["town of", "village of", "city of", "hamlet of", "camp of", "neighbourhood of", "neighborhood of", "district capital"],
    near: ["near", "outskirts of", "on the outskirts of", "the outskirts of", "close to", "around", "just outside", "outside", "on the edge of", "in the vicinity of", "north of", "south of", "east of", "west of", "northeast of", "northwest of", "southeast of", "southwest of"],
    surroundings: ["countryside of", "barrens of", "hills around", "countryside", "barrens", "outlying areas of", "rural areas of", "suburbs of"],
    natural: ["mount", "mountains of", "valley of", "plain of", "plains of", "desert of", "hills of", "wadi", "lake", "forest of", "jebel", "jabal"],
    region: ["region of", "province of", "governorate of", "district of", "state of", "county of", "area of", "region", "province", "governorate"],
    locative: ["in", "at", "into", "from", "to", "towards", "toward", "across", "through", "inside", "within", "between"],
  },
  ar: {
    settlement: ["مدينة", "بلدة", "قرية", "مخيم", "حي", "بلدات", "قرى"],
    near: ["قرب", "بالقرب من", "اطراف", "محيط", "ضواحي", "مشارف", "مداخل", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"],
    surroundings: ["جرود", "جرد", "ريف", "بادية"],
    natural: ["جبل", "جبال", "تلة", "تلال", "وادي", "سهل", "صحراء", "بحيرة", "هضبة"],
    region: ["منطقة", "محافظة", "ولاية", "إقليم", "قضاء", "ناحية", "مناطق"],
    locative: ["في", "من", "إلى", "على", "نحو", "باتجاه", "داخل", "عند", "بين"],
  },
};

/** Cue phrases per language by their last word, longest first so "pres de" wins over "de". */
export function cuesFor(language: string): ReadonlyMap<string, readonly Cue[]> {
  const known = CUES_BY_LANGUAGE.get(language);
  if (known) return known;
  const byLastWord = new Map<string, Cue[]>();
  for (const cue of allCuesFor(language)) {
    const last = cue.phrase.split(" ").at(-1) ?? "";
    byLastWord.set(last, [...(byLastWord.get(last) ?? []), cue]);
  }
  CUES_BY_LANGUAGE.set(language, byLastWord);
  return byLastWord;
}

/** Built once per language: the tables are constant. */
const CUES_BY_LANGUAGE = new Map<string, ReadonlyMap<string, readonly Cue[]>>();

function allCuesFor(language: string): readonly Cue[] {
  const table = language === "fr" || language === "en" || language === "ar" ? [CUES[language]] : [CUES.fr, CUES.en, CUES.ar];
  const cues: Cue[] = [];
  for (const entry of table) {
    for (const [kind, phrases] of Object.entries(entry) as [CueKind, string[]][]) {
      for (const phrase of phrases) {
        const words = phrase.split(" ").map(foldKey);
        cues.push({ phrase: words.join(" "), words, kind });
      }
    }
  }
  return cues.sort((a, b) => b.phrase.split(" ").length - a.phrase.split(" ").length || b.phrase.length - a.phrase.length);
}

/** Cue words that may begin a multi-word place name themselves ("jurd de Aarsale", "Jabal al-Zawiya", "Wadi al-Dib"). */
export const FEATURE_WORDS: ReadonlySet<string> = new Set([
  "jurd", "jurds", "jabal", "jebel", "djebel", "jbel", "wadi", "ouadi", "oued", "montagne", "montagnes", "mont", "monts", "mount",
  "colline", "collines", "plaine", "vallee", "lac", "lake", "foret", "desert", "hauteurs", "massif", "tell", "tal", "ras", "ain", "ein", "bir", "kafr", "kfar", "deir", "khan",
]);
