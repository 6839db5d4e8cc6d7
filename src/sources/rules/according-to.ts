/**
 * A preposition that names the source: "Selon X, …", "According to X, …",
 * "…, according to X", "…, citing X", "بحسب X …", "نقلا عن X". The source is
 * the noun phrase after it. The content is the rest of the sentence when the
 * phrase opens the clause, else the sentence before it.
 */
import { contentAfter, contentBefore } from "./content.js";
import { nounPhraseAfter } from "./noun-phrase.js";
import { attributionFinding, type AttributionFinding, type CueSite } from "./site.js";

export const ACCORDING_TO = "sources:according-to";

export function accordingTo(site: CueSite): AttributionFinding[] {
  const { reader, cue, sentence } = site;
  const source = nounPhraseAfter(reader, cue.last + 1, sentence.last);
  if (source === null) return [];
  const before = cue.first - 1;
  const after = source.last + 1;
  const commaAfter = after <= sentence.last && /^[,،]$/u.test(reader.token(after).text);
  let content;
  if (before >= sentence.first && reader.isClauseBreak(before)) content = contentBefore(reader, before, sentence);
  else if (opensClause(site) || commaAfter) content = contentAfter(reader, after, sentence);
  else content = contentBefore(reader, cue.first, sentence);
  return content === null ? [] : [attributionFinding(reader, { source, cue, content }, ACCORDING_TO)];
}

/** At the start of the sentence, after a conjunction or relative ("et selon", "où d'après"), or written with و ("وبحسب"). */
function opensClause(site: CueSite): boolean {
  const { reader, cue, sentence } = site;
  const before = cue.first - 1;
  if (before < sentence.first) return true;
  const token = reader.token(cue.first);
  if (site.entry.language === "ar" && token.stem !== null && token.stem.start > token.start && token.text.startsWith("و")) return true;
  return (reader.isWord(before) && reader.is(reader.words.stops, before)) || reader.quoteOpenedAt(before) !== null || reader.token(before).text === "(";
}
