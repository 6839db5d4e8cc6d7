import type { FramingRule } from "../candidate.js";
import { authority } from "./authority.js";
import { doubt } from "./doubt.js";
import { exaggeration } from "./exaggeration.js";
import { fear } from "./fear.js";
import { flagWaving } from "./flag-waving.js";
import { lexiconTerms } from "./lexicon-terms.js";
import { repetition } from "./repetition.js";

/** Every framing rule, in the order the stage runs them; the order changes nothing but the order of equal spans. */
export const FRAMING_RULES: readonly FramingRule[] = [lexiconTerms, repetition, exaggeration, doubt, authority, flagWaving, fear];
