import type { FamilyRule } from "./family.js";
import { industrialAccident } from "./industrial-accident.js";
import { killingAsOutcome } from "./killing-as-outcome.js";
import { protestSubtype } from "./protest-subtype.js";
import { territoryPrecedence } from "./territory-precedence.js";
import { weaponsFound } from "./weapons-found.js";

export type { Family, FamilyRule, SentenceEvidence } from "./family.js";
export { isArgumentCue } from "./weapons-found.js";

/** Family rules, in the order they apply. */
export const FAMILY_RULES: readonly FamilyRule[] = [weaponsFound, industrialAccident, protestSubtype, killingAsOutcome, territoryPrecedence];
