/**
 * Attributions: who (source) said what (content), by which words (cue).
 * Cues come from the lexicon (data/lexicons/attribution-cues.tsv), matched
 * on token keys; each cue is read by the rules of its kind, in order, and the
 * first that finds a source and a content wins:
 *
 * - verbs: content first (`rules/content-then-verb.ts`: "« … », commente
 *   notre correspondant", "…, indique cette télévision", "“…,” X said"),
 *   then a verb that shares its clause's subject (`rules/clause-subject.ts`:
 *   "… and said …", "…, saying …"), then the source before the verb and the
 *   content after it
 *   (`rules/subject-verb-that.ts`), then the source after the verb and the
 *   content after it (`rules/verb-then-content.ts`: "قال X إن …"). Arabic's
 *   verb-subject order is tried before its subject-verb order.
 * - prepositions: `rules/according-to.ts` ("Selon X, …", "…, according to X").
 * - nouns, when no verb took them: `rules/statement-of.ts`.
 *
 * A cue inside a direct quotation is the quoted speaker's own ("I never
 * said that"); it is left to the quotation's attribution.
 *
 * Source spans are compact noun phrases (`rules/noun-phrase.ts`); an
 * addressee ("pour le correspondant de …", "to reporters", "لوكالة …") is
 * left out of them.
 */
import { LEXICON_LANGUAGES, type LexiconLanguage } from "../events/lexicon.js";
import type { Doc } from "../model/document.js";
import { longestMatches, type PhraseMatch } from "../text/phrases.js";
import { compileCueMatchers, readAttributionCues, type AttributionCue, type CueKind } from "./attribution-lexicon.js";
import type { QuoteFinding } from "./quotes.js";
import { accordingTo } from "./rules/according-to.js";
import { clauseSubjectRule } from "./rules/clause-subject.js";
import { contentThenVerb } from "./rules/content-then-verb.js";
import { cueExtent } from "./rules/cue-extent.js";
import { ClauseReader, type AttributionFinding, type CueSite, type TokenRange } from "./rules/site.js";
import { statementOf } from "./rules/statement-of.js";
import { subjectVerbThat } from "./rules/subject-verb-that.js";
import { verbThenContent } from "./rules/verb-then-content.js";
import { CLAUSE_WORDS } from "./rules/words.js";

export type { AttributionFinding } from "./rules/site.js";

export type AttributionRule = (site: CueSite) => AttributionFinding[];

const RULES: Readonly<Record<CueKind, readonly AttributionRule[]>> = {
  verb: [contentThenVerb, clauseSubjectRule, subjectVerbThat, verbThenContent],
  preposition: [accordingTo],
  noun: [statementOf],
};
const ARABIC_VERB_RULES: readonly AttributionRule[] = [contentThenVerb, verbThenContent, clauseSubjectRule, subjectVerbThat];

export interface AttributionFinderOptions {
  /** The cue lexicon; by default data/lexicons/attribution-cues.tsv. */
  cues?: readonly AttributionCue[];
}

export type AttributionFinder = (doc: Doc, quotes: readonly QuoteFinding[]) => AttributionFinding[];

export function createAttributionFinder(options: AttributionFinderOptions = {}): AttributionFinder {
  const matchers = compileCueMatchers(options.cues ?? readAttributionCues());
  return function findAttributions(doc: Doc, quotes: readonly QuoteFinding[]): AttributionFinding[] {
    const language = lexiconLanguage(doc.document.language);
    const matcher = language === null ? undefined : matchers.get(language);
    if (language === null || matcher === undefined) return [];
    const matches = longestMatches(matcher.matchAll(doc));
    // A noun phrase stops before a verb or a preposition of the lexicon, not before a statement noun ("according to a statement by …").
    const cueStarts = new Set(matches.filter((match) => match.value.kind !== "noun").map((match) => match.first));
    const reader = new ClauseReader(doc, language, CLAUSE_WORDS[language], quotes, cueStarts);
    const statements = new Map(matches.filter((match) => match.value.kind === "noun").map((match) => [match.first, { first: match.first, last: match.last }]));
    const statementAt = (i: number): TokenRange | null => statements.get(i) ?? null;

    const findings: AttributionFinding[] = [];
    /** Tokens already read as a source or a cue: a cue there is part of another attribution ("the statement said"). */
    const taken = new Set<number>();
    const take = (range: TokenRange): void => {
      for (let i = range.first; i <= range.last; i++) taken.add(i);
    };
    // Verbs and prepositions before nouns: a noun a verb's cue took ("said in a statement") is no cue of its own.
    const ordered = [...matches.filter((match) => match.value.kind !== "noun"), ...matches.filter((match) => match.value.kind === "noun")];
    for (const match of ordered) {
      if (taken.has(match.first) && taken.has(match.last)) continue;
      // Inside a quotation, the words are the quoted speaker's ("I never said that"), reported by the quotation's own attribution.
      if (reader.quoteAround(match.first) !== null) continue;
      const site = cueSite(reader, match, statementAt);
      const rules = match.value.kind === "verb" && language === "ar" ? ARABIC_VERB_RULES : RULES[match.value.kind];
      for (const rule of rules) {
        const found = rule(site);
        if (found.length === 0) continue;
        findings.push(...found);
        take(site.cue);
        for (const finding of found) if (finding.source !== null) take(tokenRange(reader, finding.source));
        break;
      }
    }
    return findings.sort((a, b) => a.cue.start - b.cue.start || a.content.start - b.content.start);
  };
}

let defaultFinder: AttributionFinder | undefined;

/** Attributions with the default cue lexicon, read once. */
export function findAttributions(doc: Doc, quotes: readonly QuoteFinding[]): AttributionFinding[] {
  defaultFinder ??= createAttributionFinder();
  return defaultFinder(doc, quotes);
}

function cueSite(reader: ClauseReader, match: PhraseMatch<AttributionCue>, statementAt: (i: number) => TokenRange | null): CueSite {
  const sentence = reader.sentenceOf(match.first);
  const range = { first: match.first, last: match.last };
  const cue = match.value.kind === "verb" ? cueExtent(reader, range, sentence, statementAt) : range;
  return { reader, entry: match.value, cue, sentence };
}

function lexiconLanguage(language: string): LexiconLanguage | null {
  return (LEXICON_LANGUAGES as readonly string[]).includes(language) ? (language as LexiconLanguage) : null;
}

/** The tokens a span covers. */
function tokenRange(reader: ClauseReader, span: { start: number; end: number }): TokenRange {
  const tokens = reader.doc.tokens;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid] as { end: number }).end <= span.start) low = mid + 1;
    else high = mid;
  }
  let last = low;
  while (last + 1 < tokens.length && (tokens[last + 1] as { start: number }).start < span.end) last++;
  return { first: low, last };
}
