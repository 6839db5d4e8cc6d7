/**
 * Abbreviations whose final period is not, or not always, a sentence end.
 * Source: curated by the project from French, English and Arabic press usage
 * (agency wires, Lebanese and Syrian outlets); extend here, with a reason for
 * any entry whose class is not obvious.
 *
 * Entries are written as they appear before the period, internal periods
 * included ("J.-C", "ق.م"). An entry starting with a lower-case letter also
 * matches its capitalised form at the start of a sentence ("gén" → "Gén");
 * an entry starting with a capital matches only as written, so English "No"
 * (number) does not swallow "said no.".
 *
 * Dotted initialisms (U.S., U.N., a.m., J.) need no entry: the initials rule
 * in `rules/abbreviations.ts` treats them as `trailing`.
 */

/**
 * - `title`: always followed by what it qualifies (M. Hollande, Gen. Idris, e.g.).
 * - `numeral`: followed by a number when it is an abbreviation (No. 5, art. 3).
 * - `trailing`: may end a sentence; does so only before a word that often opens
 *   one (`data/sentence-starters.ts`), so "U.S. Army" stays whole and "in the
 *   U.S. The" splits.
 * - `final`: ends a sentence before any capital, like an ordinary period ("etc.");
 *   listed so that the period still belongs to the abbreviation's token.
 */
export type AbbreviationClass = "title" | "numeral" | "trailing" | "final";

export type AbbreviationTable = Readonly<Partial<Record<AbbreviationClass, readonly string[]>>>;

export const ABBREVIATIONS: Readonly<Record<"fr" | "en" | "ar", AbbreviationTable>> = {
  fr: {
    title: [
      "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me", "Dr", "Pr",
      "gén", "lt", "cdt", "cne", "cpt", "sgt", "adj", "cpl",
      "St", "Ste",
      // "av. J.-C.", "apr. J.-C.", "p. ex.", "c.-à-d." are always followed by more.
      "av", "apr", "ex", "cf", "c.-à-d", "bd", "boul",
    ],
    numeral: ["n", "no", "art", "vol", "chap", "fig", "t", "p", "env", "tél"],
    trailing: [
      // "col" is also the noun "mountain pass" ("au col. Les combats…").
      "col",
      "J.-C",
      "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
    ],
    final: ["etc", "hab", "Cie", "min", "max"],
  },
  en: {
    title: [
      "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon",
      "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt",
      "Sen", "Rep", "Gov", "Pres", "Amb",
      "Mt", "Ft",
      "e.g", "i.e", "cf", "vs", "viz",
    ],
    numeral: ["No", "Nos", "Vol", "Art", "Fig", "p", "pp", "para", "approx", "ca"],
    trailing: [
      // Street or Saint: "on Main St. The" ends a sentence, "St. Petersburg" does not.
      "St", "Ave", "Blvd", "Rd",
      "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros",
      "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ],
    final: ["etc", "al"],
  },
  ar: {
    // د. = دكتور, أ. = أستاذ: both precede a name.
    title: ["د", "أ", "أ.د"],
    // ص. = صفحة (page).
    numeral: ["ص"],
    // ق.م = before Christ, هـ = Hijri year: they close a date, often a sentence.
    final: ["ق.م", "هـ"],
  },
};
