/**
 * The subject, the cue, then what was said: "X said (that) …", "X a déclaré
 * que …", "X told reporters that …", "X said: “…”", "المرصد قال إن …". The
 * source is the subject before the cue (`subject.ts`); the content is the
 * rest of the sentence, or the quotation that opens it.
 */
import { contentAfter, skipAddressee } from "./content.js";
import { attributionFinding, isEnglishParticiple, type AttributionFinding, type CueSite } from "./site.js";
import { subjectBefore } from "./subject.js";

export const SUBJECT_VERB_THAT = "sources:subject-verb-that";

export function subjectVerbThat(site: CueSite): AttributionFinding[] {
  const { reader, cue, sentence } = site;
  // An Arabic verb with و or ف before it opens a new clause: its subject follows it.
  if (site.entry.language === "ar" && hasProclitic(site)) return [];
  if (isEnglishParticiple(site) || isPassive(site)) return [];
  const source = subjectBefore(reader, cue.first, sentence);
  if (source === null) return [];
  const content = contentAfter(reader, skipAddressee(reader, cue, sentence.last), sentence);
  return content === null ? [] : [attributionFinding(reader, { source, cue, content }, SUBJECT_VERB_THAT)];
}

/** "a fact first reported by X": the agent follows; the words before are what was reported. */
function isPassive(site: CueSite): boolean {
  const next = site.cue.last + 1;
  return next <= site.sentence.last && site.reader.isWord(next) && PASSIVE_AGENT.has(site.reader.key(next));
}

const PASSIVE_AGENT = new Set(["by", "par"]);

function hasProclitic(site: CueSite): boolean {
  const token = site.reader.token(site.cue.first);
  return token.stem !== null && token.stem.start > token.start;
}
