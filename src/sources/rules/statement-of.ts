/**
 * A statement named with its author, then what it says: "un communiqué de
 * l'armée : « … »", "a statement from the ministry that …", "بيان للجيش
 * أكد أن" is the verb's; this reads the noun when no verb claims it. The
 * source is the noun phrase after "of", "from", "by", de or لـ; the content
 * must be opened by a complementizer, a colon or a quotation.
 */
import { contentAfter, skipAdjuncts } from "./content.js";
import { nounPhraseAfter } from "./noun-phrase.js";
import { attributionFinding, type AttributionFinding, type CueSite } from "./site.js";

export const STATEMENT_OF = "sources:statement-of";

const AUTHOR_LINKS = new Set(["of", "from", "by", "de", "d'", "du", "des"]);

export function statementOf(site: CueSite): AttributionFinding[] {
  const { reader, cue, sentence } = site;
  let from = cue.last + 1;
  if (from > sentence.last || !reader.isWord(from)) return [];
  const token = reader.token(from);
  const dative = token.stem !== null && token.stem.start > token.start && token.text.startsWith("ل");
  if (AUTHOR_LINKS.has(reader.key(from))) from++;
  else if (!dative) return [];
  const source = nounPhraseAfter(reader, from, sentence.last);
  if (source === null) return [];
  const next = skipAdjuncts(reader, source.last + 1, sentence.last);
  if (next > sentence.last) return [];
  const opened = reader.is(reader.words.complementizers, next) || reader.token(next).text === ":" || reader.quoteOpenedAt(next) !== null;
  if (!opened) return [];
  const content = contentAfter(reader, next, sentence);
  return content === null ? [] : [attributionFinding(reader, { source, cue, content }, STATEMENT_OF)];
}
