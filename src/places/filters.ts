/**
 * Reasons not to read a capitalised word as a place: it starts a sentence
 * and is a common word of the language, or a title says a person follows.
 */
import { FUNCTION_WORDS } from "../text/language/function-words.js";

/** Titles after which a capitalised run names a person. Source: curated by the project. */
const TITLES: ReadonlySet<string> = new Set([
  "m", "m.", "mm", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "pr", "prof", "sir", "sheikh", "cheikh",
  "gen", "gen.", "gen", "general", "col", "col.", "colonel", "lt", "lt.", "maj", "maj.", "major", "capt", "capt.", "captain", "capitaine", "sgt", "sgt.",
  "president", "minister", "ministre", "premier", "king", "roi", "prince", "emir", "imam", "pope", "pape", "senator", "sen", "sen.", "rep", "rep.", "gov", "gov.", "governor", "gouverneur",
  "commander", "commandant", "spokesman", "spokeswoman", "porte-parole", "secretary", "secretaire", "ambassador", "ambassadeur", "envoy", "emissaire", "chief", "chef", "leader", "dirigeant",
]);

/**
 * Capitalised words that name places somewhere ("Ouest" is a Haitian region,
 * "Centre" a French one) but in running text are directions or common nouns;
 * they count as places only after a cue. Source: curated by the project.
 */
const COMMON_CAPITALISED: ReadonlySet<string> = new Set([
  "nord", "sud", "est", "ouest", "centre", "north", "south", "east", "west", "center", "centre", "central", "union", "victoria", "liberte", "paix", "peace",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
]);

export function isCommonCapitalised(fold: string): boolean {
  return COMMON_CAPITALISED.has(fold);
}

/** Verbs of saying: a lone minor name right before one is a speaker. Source: curated by the project. */
const SPEECH_VERBS: ReadonlySet<string> = new Set([
  "said", "says", "told", "added", "stated", "explained", "noted", "wrote", "asked", "argued", "insisted", "replied", "testified", "tweeted",
  "declare", "dit", "affirme", "ajoute", "explique", "estime", "souligne", "precise", "indique", "raconte",
]);

export function isSpeechVerb(fold: string): boolean {
  return SPEECH_VERBS.has(fold);
}

export function isTitle(fold: string): boolean {
  return TITLES.has(fold);
}

export function isFunctionWord(fold: string, language: string): boolean {
  if (language === "fr" || language === "en" || language === "ar") return FUNCTION_WORDS[language].has(fold);
  return FUNCTION_WORDS.fr.has(fold) || FUNCTION_WORDS.en.has(fold);
}

/**
 * Nouns that introduce the name of something other than a place: a medium
 * ("la chaîne de télévision pan arabe al-Mayadeen", "the daily Al-Akhbar",
 * "قناة الميادين") or a make of weapon ("missiles de type Milan"). A place name
 * after one is that thing's name. Source: curated by the project.
 */
const NAMING_NOUNS: ReadonlySet<string> = new Set([
  "chaine", "television", "tele", "tv", "radio", "quotidien", "journal", "hebdomadaire", "agence", "site", "magazine", "type", "modele",
  "channel", "broadcaster", "newspaper", "daily", "weekly", "agency", "outlet", "website", "model",
  "قناه", "صحيفه", "جريده", "وكاله", "موقع", "اذاعه", "تلفزيون", "طراز",
]);

export function isNamingNoun(fold: string): boolean {
  return NAMING_NOUNS.has(fold);
}

/** Words that place what follows: after one, a name is a place again ("the station in Homs"). Source: curated by the project. */
const LOCATIVES: ReadonlySet<string> = new Set(["in", "at", "near", "from", "a", "au", "aux", "dans", "en", "pres", "depuis", "في", "قرب", "من"]);

export function isLocative(fold: string): boolean {
  return LOCATIVES.has(fold);
}
