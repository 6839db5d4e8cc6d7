/**
 * Death and injury counts in English, French and Arabic text: a number
 * expression (`text/numbers.ts`) joined to a word of harm, in either order,
 * active or passive, or a denial ("no one was killed", ACLED's 0).
 *
 * Each pattern family is a rule of its own in `casualties/rules/`, and each
 * count names its rule in `by` ("fatalities:count-then-casualty"). The words
 * are data (data/lexicons/casualty-words.tsv); "casualties", "victimes" and
 * "ضحايا" lump the dead with the injured and count nothing here, except in
 * a denial. Where rules propose overlapping counts, the earlier rule in
 * RULES wins, then the longer span: a denial before a toll, a toll before
 * the plain count it contains ("bilan de 30 morts").
 */
import type { Span } from "../model/span.js";
import { createNumberScanner } from "../text/numbers.js";
import { type Candidate, createGrammar, type Grammar } from "./casualties/grammar.js";
import { type CasualtyLexicon, type CasualtyRole, readCasualtyLexicon } from "./casualties/lexicon.js";
import { casualtyThenCount } from "./casualties/rules/casualty-then-count.js";
import { countThenCasualty } from "./casualties/rules/count-then-casualty.js";
import { deathToll } from "./casualties/rules/death-toll.js";
import { impliedCount } from "./casualties/rules/implied-count.js";
import { metDeath } from "./casualties/rules/met-death.js";
import { noCasualties } from "./casualties/rules/no-casualties.js";
import { totalOf } from "./casualties/total.js";
import { readWords } from "./casualties/words.js";

export interface CasualtyCount extends Span {
  text: string;
  low: number;
  high: number;
  kind: "killed" | "injured";
  /** The victims' head noun as written ("civilians", "مدنيين"), or null when the text names none. */
  victims: string | null;
  by: string;
}

export interface CasualtyFinderOptions {
  lexicon?: CasualtyLexicon;
}

export type CasualtyFinder = (text: string, language: string, range?: Span) => CasualtyCount[];

/** Rules in order of precedence. */
const RULES: ReadonlyArray<(grammar: Grammar) => Candidate[]> = [noCasualties, deathToll, metDeath, countThenCasualty, casualtyThenCount, impliedCount];

/**
 * Every count a rule proposes starts from a form of one of these roles: a
 * denial ("none", or a negator then "harm"/"casualty"), a toll, "met his
 * death", a casualty word after the count or a trigger before it. A rule
 * that proposes a count from anything else must add its role here.
 */
const COUNT_ROLES: readonly CasualtyRole[] = ["none", "harm", "toll", "meet", "casualty", "trigger"];

export function createCasualtyFinder(options: CasualtyFinderOptions = {}): CasualtyFinder {
  const lexicon = options.lexicon ?? readCasualtyLexicon();
  const scanNumbers = createNumberScanner({ countedNouns: lexicon.countedNouns() });
  return (text, language, range) => {
    const within = range ?? { start: 0, end: text.length };
    const scan = scanNumbers(text, language, within);
    const grammarLanguage = language.toLowerCase().split(/[-_]/u)[0] ?? language;
    // No form of those roles can match where none of their anchor words is: most sentences of a report end here,
    // before their words are read again and the rules run.
    const anchors = lexicon.anchors(grammarLanguage, COUNT_ROLES);
    if (anchors !== null && !scan.keys.some((key) => anchors.has(key))) return [];
    const grammar: Grammar = createGrammar(text, readWords(text, within, scan.numbers()), lexicon, grammarLanguage);
    const proposed = RULES.flatMap((rule, precedence) => rule(grammar).map((candidate) => ({ candidate, precedence })));
    return resolveOverlaps(proposed).flatMap((candidate) => toCounts(text, candidate));
  };
}

/** Rules first by precedence, then longer spans, then earlier ones; a count that overlaps one already taken is dropped. */
function resolveOverlaps(proposed: ReadonlyArray<{ candidate: Candidate; precedence: number }>): Candidate[] {
  const ordered = [...proposed].sort(
    (a, b) => a.precedence - b.precedence || b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) || a.candidate.start - b.candidate.start,
  );
  const taken: Candidate[] = [];
  for (const { candidate } of ordered) {
    if (!taken.some((other) => other.start < candidate.end && candidate.start < other.end)) taken.push(candidate);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function toCounts(text: string, candidate: Candidate): CasualtyCount[] {
  const { start, end, low, high, victims, by } = candidate;
  const kinds = candidate.kind === "any" ? (["killed", "injured"] as const) : [candidate.kind];
  return kinds.map((kind) => ({ start, end, text: text.slice(start, end), low, high, kind, victims, by }));
}

let defaultFinder: CasualtyFinder | null = null;
let defaultLexicon: CasualtyLexicon | null = null;

function lexicon(): CasualtyLexicon {
  defaultLexicon ??= readCasualtyLexicon();
  return defaultLexicon;
}

/** Death and injury counts in `text`, or within `range` of it, sorted by start; offsets are into `text`. */
export function findCasualties(text: string, language: string, range?: Span): CasualtyCount[] {
  defaultFinder ??= createCasualtyFinder({ lexicon: lexicon() });
  return defaultFinder(text, language, range);
}

/**
 * The fatalities of one event from its counts: killed counts of distinct
 * victim groups add up, restatements of one group do not, and a count of
 * people in general is a total that includes the groups (casualties/total.ts).
 * Null when no count is of deaths.
 */
export function totalFatalities(counts: readonly CasualtyCount[]): { low: number; high: number } | null {
  return totalOf(counts, lexicon());
}
