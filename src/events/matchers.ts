/** The event lexicons compiled into one phrase matcher per language and role. */
import { PhraseMatcher } from "../text/phrases.js";
import type { ModalityCue, TriggerEntry } from "./lexicon.js";

export interface EventMatchers {
  triggers: PhraseMatcher<TriggerEntry>;
  cues: PhraseMatcher<TriggerEntry>;
  modality: PhraseMatcher<ModalityCue>;
}

export function compileEventMatchers(triggers: readonly TriggerEntry[], modality: readonly ModalityCue[]): Map<string, EventMatchers> {
  const byLanguage = new Map<string, EventMatchers>();
  const forLanguage = (language: string): EventMatchers => {
    let matchers = byLanguage.get(language);
    if (!matchers) byLanguage.set(language, (matchers = { triggers: new PhraseMatcher(), cues: new PhraseMatcher(), modality: new PhraseMatcher() }));
    return matchers;
  };
  for (const entry of triggers) {
    const matcher = entry.role === "trigger" ? forLanguage(entry.language).triggers : forLanguage(entry.language).cues;
    for (const pattern of entry.patterns) matcher.add(pattern.words, entry);
  }
  for (const cue of modality) for (const pattern of cue.patterns) forLanguage(cue.language).modality.add(pattern.words, cue);
  return byLanguage;
}
