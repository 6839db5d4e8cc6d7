/**
 * A cue verb that shares the clause's subject: a second verb ("Graham called
 * both … and said the party …", "Clinton celebrated … and said it was …") or
 * an English participle ("Trump attacked Clinton, saying she …", "… while
 * saying that …"). The source
 * is the subject at the start of the clause (`subject.ts`); the content is
 * what follows the cue.
 */
import { contentAfter, skipAddressee } from "./content.js";
import { attributionFinding, isEnglishParticiple, type AttributionFinding, type CueSite } from "./site.js";
import { clauseSubject } from "./subject.js";

export const CLAUSE_SUBJECT = "sources:clause-subject";

/** "while saying", "by saying", "after telling": a participle that still shares the clause's subject. */
const PARTICIPLE_OPENERS = new Set(["while", "by", "after", "before", "upon", "when"]);

export function clauseSubjectRule(site: CueSite): AttributionFinding[] {
  const { reader, cue, sentence } = site;
  const before = cue.first - 1;
  if (before < sentence.first) return [];
  const conjoined = reader.isWord(before) && reader.is(reader.words.conjunctions, before);
  const participle = isEnglishParticiple(site) && (/^[,—–-]$/u.test(reader.token(before).text) || (reader.isWord(before) && PARTICIPLE_OPENERS.has(reader.key(before))));
  if (!conjoined && !participle) return [];
  const source = clauseSubject(reader, sentence, before);
  if (source === null) return [];
  const content = contentAfter(reader, skipAddressee(reader, cue, sentence.last), sentence);
  return content === null ? [] : [attributionFinding(reader, { source, cue, content }, CLAUSE_SUBJECT)];
}
