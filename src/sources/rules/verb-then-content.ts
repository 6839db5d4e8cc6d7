/**
 * The cue, its subject after it, then what was said: Arabic's verb-subject
 * order ("قال مصدر عسكري لوكالة فرانس برس إن …", "وأضاف المتحدث: «…»"), and
 * "said X: …" elsewhere. The content must be opened by a complementizer, a
 * colon or a quotation; otherwise the words after the verb are what was said
 * ("said the plan would fail"), not who said it.
 */
import { contentAfter, skipAdjuncts } from "./content.js";
import { nounPhraseAfter } from "./noun-phrase.js";
import { attributionFinding, isEnglishParticiple, type AttributionFinding, type CueSite } from "./site.js";
import { withApposition } from "./subject.js";

export const VERB_THEN_CONTENT = "sources:verb-then-content";

export function verbThenContent(site: CueSite): AttributionFinding[] {
  const { reader, cue, sentence } = site;
  // After an English "told" or "-ing" form comes the addressee, not the speaker.
  if (isEnglishParticiple(site) || (reader.language === "en" && reader.is(reader.words.addressed, cue.last))) return [];
  const phrase = nounPhraseAfter(reader, cue.last + 1, sentence.last);
  if (phrase === null) return [];
  const source = withApposition(reader, phrase, sentence);
  let from = skipAdjuncts(reader, source.last + 1, sentence.last);
  // "Said Dorothy Poynter, who grew up with Ali, “We were …”"
  if (from + 1 <= sentence.last && /^[,،]$/u.test(reader.token(from).text) && reader.quoteOpenedAt(from + 1) !== null) from++;
  if (from > sentence.last) return [];
  const opened = reader.is(reader.words.complementizers, from) || reader.token(from).text === ":" || reader.quoteOpenedAt(from) !== null;
  if (!opened) return [];
  const content = contentAfter(reader, from, sentence);
  return content === null ? [] : [attributionFinding(reader, { source, cue, content }, VERB_THEN_CONTENT)];
}
