/**
 * The content first, then the cue and its source: "« … », commente notre
 * correspondant", "“…,” said X", "“…,” X said", "…, indique cette
 * télévision", "…, Brafman noted", "…, a-t-il déclaré". The content is the
 * quotation that closes before the cue, or the sentence up to the comma. A
 * second quotation right after ("“Judge,” Brafman said, “I have …”") is the
 * same speaker going on, and is returned too.
 */
import { contentBefore, skipAddressee, skipAdjuncts, type Content } from "./content.js";
import { invertedPronoun } from "./cue-extent.js";
import { nounPhraseAfter } from "./noun-phrase.js";
import { attributionFinding, isEnglishParticiple, type AttributionFinding, type ClauseReader, type CueSite, type TokenRange } from "./site.js";
import { subjectBefore, withApposition } from "./subject.js";

export const QUOTE_THEN_VERB = "sources:quote-then-verb";
export const CONTENT_THEN_VERB = "sources:content-then-verb";

export function contentThenVerb(site: CueSite): AttributionFinding[] {
  const { reader, cue, sentence } = site;
  const inverted = invertedPronoun(reader, cue, sentence);
  if (inverted !== null && inverted.boundary >= sentence.first && reader.isClauseBreak(inverted.boundary)) {
    const source = { first: inverted.pronoun, last: inverted.pronoun };
    const content = contentBefore(reader, inverted.boundary, sentence);
    if (content !== null) return found(site, source, content, Math.max(source.last, cue.last) + 1);
  }

  const before = cue.first - 1;
  // The verb right after the break, its subject after it: "…, indique cette télévision".
  // An English participle after a comma ("…, saying she …") has the main clause's subject instead.
  // Not after the comma that closes an apposition ("Trent Lott, who was …, told lawmakers"): that verb's subject is before it.
  const apposed = before >= sentence.first && reader.token(before).text === "," && subjectBefore(reader, cue.first, sentence) !== null;
  if (breaksBefore(reader, cue.first, sentence) && !isEnglishParticiple(site) && !apposed) {
    const phrase = nounPhraseAfter(reader, cue.last + 1, sentence.last);
    const source = phrase === null ? null : withApposition(reader, phrase, sentence);
    if (source !== null && !contentFollows(site, source.last + 1)) {
      // Unless a quotation precedes, the clause must end with the source: in "X, a spokesman, said Trump could …" Trump is what was said.
      const content = contentBefore(reader, before, sentence);
      const next = skipAdjuncts(reader, source.last + 1, sentence.last);
      if (content !== null && (content.quote !== null || endsClause(site, next))) return found(site, source, content, source.last + 1);
    }
  }

  // The subject between the break and the verb, nothing said after it: "“…,” Brafman said."
  // After a quotation, whatever follows the verb ("…,” he said in Las Vegas at a forum …") says where, not what.
  const source = subjectBefore(reader, cue.first, sentence);
  if (source === null || !breaksBefore(reader, source.first, sentence)) return [];
  const next = skipAdjuncts(reader, skipAddressee(reader, cue, sentence.last), sentence.last);
  const content = contentBefore(reader, source.first - 1, sentence);
  if (content === null || (content.quote === null && !endsClause(site, next))) return [];
  return found(site, source, content, next);
}

/**
 * A clause break right before token `i`: a comma, a dash, a closing quotation;
 * or a quotation that closed the sentence before ("“… missing.” Trump said.").
 */
function breaksBefore(reader: ClauseReader, i: number, sentence: TokenRange): boolean {
  if (i - 1 >= sentence.first) return reader.isClauseBreak(i - 1);
  return i === sentence.first && i > 0 && reader.quoteClosedAt(i - 1) !== null;
}

function found(site: CueSite, source: TokenRange, content: Content, after: number): AttributionFinding[] {
  const { reader, cue, sentence } = site;
  const rule = content.quote === null ? CONTENT_THEN_VERB : QUOTE_THEN_VERB;
  const findings = [attributionFinding(reader, { source, cue, content }, rule)];
  // "“Judge,” Brafman said, “I have never …”": the quotation that follows goes on with the same words.
  let i = skipAdjuncts(reader, after, sentence.last);
  if (i <= sentence.last && /^[,،:]$/u.test(reader.token(i).text)) i++;
  const more = i <= sentence.last ? reader.quoteOpenedAt(i) : null;
  if (content.quote !== null && more !== null) {
    let last = i;
    while (last + 1 <= sentence.last && reader.token(last + 1).end <= more.end) last++;
    findings.push(attributionFinding(reader, { source, cue, content: { range: { first: i, last }, quote: more } }, QUOTE_THEN_VERB));
  }
  return findings;
}

/** After the source, content that the verb introduces: "that", que, إن, a colon, a quotation. */
function contentFollows(site: CueSite, from: number): boolean {
  const { reader, sentence } = site;
  const i = skipAdjuncts(reader, from, sentence.last);
  if (i > sentence.last) return false;
  return reader.is(reader.words.complementizers, i) || reader.token(i).text === ":" || reader.quoteOpenedAt(i) !== null;
}

/** Nothing more of the clause after the cue: the sentence ends, or a comma, semicolon, dash or bracket comes. */
function endsClause(site: CueSite, i: number): boolean {
  const { reader, sentence } = site;
  if (i > sentence.last) return true;
  const token = reader.token(i);
  return token.kind === "punctuation" && /^[.!?…,،;؛:)—–-]$/u.test(token.text) && !(token.text === ":" && i + 1 <= sentence.last);
}
