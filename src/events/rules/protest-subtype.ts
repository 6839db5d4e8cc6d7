import type { EventCategory } from "../lexicon.js";
import { familyOf } from "../coding.js";
import { mergeFamilies, type Family, type FamilyRule } from "./family.js";

const PROTEST_CATEGORIES: ReadonlySet<EventCategory> = new Set(["Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration"]);
/** Families a protest sentence's other words fall in when they describe the protest itself: clashes, killings, arrests. */
/** Killing words whose presence at a protest makes the force against it lethal. */
const ABSORBED_KILLING: ReadonlySet<EventCategory> = new Set(["Attack", "Excessive force against protesters"]);
const ABSORBED: ReadonlySet<string> = new Set(["Protests", "Riots", "Battles", "Violence against civilians"]);

/**
 * ACLED types a demonstration by what happened at it, not by the word for
 * it: protesters' own violence (clashes, stones, arson) makes a violent
 * demonstration (Riots); lethal force against otherwise peaceful protesters
 * is excessive force; dispersal or arrests are an intervention; else the
 * protest was peaceful. So a sentence about protesters pools its protest,
 * clash, killing and arrest words into one occurrence typed by that ladder,
 * reading the protesters' violence or the police's intervention in the next
 * sentence too.
 */
export const protestSubtype: FamilyRule = (families, { following, backgrounded }) => {
  const protest = families.some((family) => family.triggers.some((match) => PROTEST_CATEGORIES.has(match.value.category) && match.value.weight >= 2));
  if (!protest) return families;
  const absorbed = families.filter((family) => ABSORBED.has(family.name) || (family.name === "Strategic developments" && family.category === "Arrests"));
  const rest = families.filter((family) => !absorbed.includes(family));

  // What happened at a protest is often told in the next sentence ("There were scuffles in Paris").
  // A killing the protest is about ("to mourn demonstrators killed last month", "justice for two students killed")
  // is its background, not what happened at it.
  const told = [...absorbed.flatMap((family) => family.evidence), ...following.filter((match) => PROTEST_CATEGORIES.has(match.value.category))].filter((match) => !backgrounded.has(match));
  const said = (category: EventCategory, role?: "trigger" | "cue") => told.some((match) => match.value.category === category && (role === undefined || match.value.role === role));
  const riotWords = told.filter((match) => match.value.category === "Violent demonstration");
  const violent = riotWords.some((match) => match.value.weight >= 2) || said("Looting/property destruction") || told.some((match) => match.value.role === "trigger" && familyOf(match.value.category) === "Battles");
  // "violence", "violently" alone may be the police's: it tips a protest into a riot only when nothing says the force was used on the protesters.
  const looselyViolent = riotWords.length > 0;
  const killing = told.some((match) => ABSORBED_KILLING.has(match.value.category) && match.value.role === "trigger");
  const lethal = said("Excessive force against protesters", "trigger") || (said("Excessive force against protesters", "cue") && killing);
  const intervention = said("Protest with intervention") || said("Arrests");
  const category: EventCategory = violent
    ? "Violent demonstration"
    : lethal || killing
      ? "Excessive force against protesters"
      : intervention
        ? "Protest with intervention"
        : looselyViolent
          ? "Violent demonstration"
          : "Peaceful protest";
  const merged: Family = mergeFamilies(absorbed, category === "Violent demonstration" ? "Riots" : "Protests", category, "events:protest-subtype");
  return [merged, ...rest];
};
