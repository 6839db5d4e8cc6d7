import type { ActorMention } from "../model/analysis.js";
import type { Doc } from "../model/document.js";
import type { Stage } from "../pipeline/stage.js";
import { readActorDictionary, readGenericActors, type ActorDefinition, type GenericActorDefinition } from "./dictionary.js";
import { compileActorMatchers } from "./matchers.js";
import { OutletNames, recogniseActors } from "./recognise.js";

export interface ActorsOptions {
  /** Named actors; the project's dictionary (data/actors/actors.tsv) when not given. */
  actors?: readonly ActorDefinition[];
  /** Generic agents; the project's list (data/actors/generic-actors.tsv) when not given. */
  generics?: readonly GenericActorDefinition[];
}

/**
 * Finds the actors a document names, resolved to the dictionary or to typed
 * generic actors. Runs after places, whose demonyms give generic actors their
 * country ("l'armée syrienne" → Military Forces of Syria).
 */
export function createActorsStage(options: ActorsOptions = {}): Stage {
  const actors = options.actors ?? readActorDictionary();
  const generics = options.generics ?? readGenericActors();
  const matchers = compileActorMatchers(actors, generics);
  const outlets = new OutletNames(actors.flatMap((actor) => actor.outletLabels.map((label) => label.outlet)));

  return function actors(doc: Doc): Doc {
    const mentions: ActorMention[] = recogniseActors(doc, matchers, outlets).map((found, i) => ({
      id: `a${i + 1}`,
      text: found.text,
      start: found.start,
      end: found.end,
      resolved: found.entry,
      by: found.by,
    }));
    return { ...doc, actors: mentions };
  };
}
