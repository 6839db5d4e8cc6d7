/**
 * The actor dictionary compiled into phrase matchers: one for named actors
 * (every name, alias and outlet label), one for generic agents ("l'armée",
 * "gunmen", "مسلحون").
 */
import { phraseWords, PhraseMatcher } from "../text/phrases.js";
import type { ActorDefinition, GenericActorDefinition } from "./dictionary.js";

export interface NamedForm {
  actor: ActorDefinition;
  form: string;
  /** Set when the form is one outlet's label for the actor ("la Résistance" in al-Manar). */
  outlet: string | null;
  /** Short all-capital acronyms ("SDF", "EI") match only as written, never as a lowercase word. */
  caseSensitive: boolean;
}

export interface GenericForm {
  generic: GenericActorDefinition;
  form: string;
}

export interface ActorMatchers {
  named: PhraseMatcher<NamedForm>;
  generic: Map<string, PhraseMatcher<GenericForm>>;
  byId: ReadonlyMap<string, ActorDefinition>;
}

const SHORT_ACRONYM = /^[\p{Lu}\d]{2,5}$/u;

export function compileActorMatchers(actors: readonly ActorDefinition[], generics: readonly GenericActorDefinition[]): ActorMatchers {
  const named = new PhraseMatcher<NamedForm>();
  for (const actor of actors) {
    const forms = new Set<string>([actor.name, ...actor.names.map((name) => name.name)]);
    for (const form of forms) named.add(phraseWords(form), { actor, form, outlet: null, caseSensitive: SHORT_ACRONYM.test(form) });
    for (const label of actor.outletLabels) named.add(phraseWords(label.label), { actor, form: label.label, outlet: label.outlet, caseSensitive: false });
  }
  const generic = new Map<string, PhraseMatcher<GenericForm>>();
  for (const definition of generics) {
    let matcher = generic.get(definition.language);
    if (!matcher) generic.set(definition.language, (matcher = new PhraseMatcher()));
    for (const form of definition.forms) matcher.add(phraseWords(form), { generic: definition, form });
  }
  return { named, generic, byId: new Map(actors.map((actor) => [actor.id, actor])) };
}
