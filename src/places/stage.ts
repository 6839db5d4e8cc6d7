import { nameKey } from "../gazetteer/name-key.js";
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import type { NameMatch } from "../gazetteer/types.js";
import type { Doc } from "../model/document.js";
import type { Message } from "../model/message.js";
import type { Stage } from "../pipeline/stage.js";
import { readCommonWords, readGivenNames } from "./lexicons.js";
import { NameLookup } from "./lookup.js";
import { isReportable, toMention } from "./mention.js";
import { recognise } from "./recognise.js";
import { resolveAll } from "./resolve.js";

export interface PlacesOptions {
  gazetteer: Gazetteer;
  /** Fold keys of given names, to tell people from places; the project's list when not given. */
  givenNames?: ReadonlySet<string>;
  /** Fold keys of common words per language that are also place names; the project's list when not given. */
  commonWords?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Finds every place a document names and resolves each in context. One name
 * that cannot be resolved is reported in a message and never costs the others.
 */
export function createPlacesStage(options: PlacesOptions): Stage {
  const lookup = new NameLookup(options.gazetteer);
  const givenNames = options.givenNames ?? readGivenNames();
  const commonWords = options.commonWords ?? readCommonWords();
  const noWords: ReadonlySet<string> = new Set();
  const demonyms = new Map<string, NameMatch[]>();
  for (const match of options.gazetteer.demonyms()) {
    const key = nameKey(match.name);
    demonyms.set(key, [...(demonyms.get(key) ?? []), match]);
  }

  return function places(doc: Doc): Doc {
    const recognised = recognise({ text: doc.document.text, language: doc.document.language, tokens: doc.tokens, sentences: doc.sentences, lookup, demonyms, givenNames, commonWords: commonWords.get(doc.document.language) ?? noWords });
    const messages: Message[] = [];
    const mentions = resolveAll(recognised)
      .filter(isReportable)
      .map((resolution, i) => {
      const built = toMention(resolution, `p${i + 1}`);
      messages.push(...built.messages);
      return built.mention;
    });
    return { ...doc, places: mentions, messages: [...doc.messages, ...messages] };
  };
}
