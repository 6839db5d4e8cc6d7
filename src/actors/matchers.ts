/**
 * The actor dictionary compiled into phrase matchers: one for named actors
 * (every name, alias and outlet label), one for generic agents ("l'armée",
 * "gunmen", "مسلحون").
 */
import { phraseWords, PhraseMatcher, type PhraseWord } from "../text/phrases.js";
import type { ActorDefinition, GenericActorDefinition } from "./dictionary.js";

export interface NamedForm {
  actor: ActorDefinition;
  form: string;
  /** Set when the form is one outlet's label for the actor ("la Résistance" in al-Manar). */
  outlet: string | null;
  /** Short all-capital acronyms ("SDF", "EI") match only as written, never as a lowercase word. */
  caseSensitive: boolean;
  /** The form's first word, to tell whether a match began on a whole word or on its stem without proclitics. */
  firstWord: PhraseWord;
}

export interface GenericForm {
  generic: GenericActorDefinition;
  form: string;
  firstWord: PhraseWord;
}

export interface ActorMatchers {
  named: PhraseMatcher<NamedForm>;
  generic: Map<string, PhraseMatcher<GenericForm>>;
  byId: ReadonlyMap<string, ActorDefinition>;
  /** Per language, the generic "military" agent: what a state's demonym stands for beside a noun of armed action. */
  stateForces: ReadonlyMap<string, GenericActorDefinition>;
}

const SHORT_ACRONYM = /^[\p{Lu}\d]{2,5}$/u;

export function compileActorMatchers(actors: readonly ActorDefinition[], generics: readonly GenericActorDefinition[]): ActorMatchers {
  const named = new PhraseMatcher<NamedForm>();
  for (const actor of actors) {
    const forms = new Set<string>([actor.name, ...actor.names.map((name) => name.name)]);
    for (const form of forms) {
      const words = phraseWords(form);
      named.add(words, { actor, form, outlet: null, caseSensitive: SHORT_ACRONYM.test(form), firstWord: words[0] as PhraseWord });
    }
    for (const label of actor.outletLabels) {
      const words = phraseWords(label.label);
      named.add(words, { actor, form: label.label, outlet: label.outlet, caseSensitive: false, firstWord: words[0] as PhraseWord });
    }
  }
  const generic = new Map<string, PhraseMatcher<GenericForm>>();
  for (const definition of generics) {
    let matcher = generic.get(definition.language);
    if (!matcher) generic.set(definition.language, (matcher = new PhraseMatcher()));
    for (const form of definition.forms) {
      const words = phraseWords(form);
      matcher.add(words, { generic: definition, form, firstWord: words[0] as PhraseWord });
    }
  }
  const stateForces = new Map(generics.filter((definition) => definition.kind === "military").map((definition) => [definition.language, definition]));
  return { named, generic, byId: new Map(actors.map((actor) => [actor.id, actor])), stateForces };
}
