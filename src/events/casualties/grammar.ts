/**
 * What every casualty rule is built from: a lexicon match at a word, the noun
 * phrase that names the victims ("12 Malian soldiers", "خمسة من الجنود"),
 * the auxiliaries before a participle ("were", "ont été") and the candidate
 * a rule proposes. Rules only combine these; they never compare strings.
 */
import type { Span } from "../../model/span.js";
import { CASUALTY_ROLES, type CasualtyLexicon, type CasualtyRole, type HarmKind, type LexiconForm } from "./lexicon.js";
import { adjacent, type Reading, type Word } from "./words.js";

export interface Grammar {
  text: string;
  words: readonly Word[];
  lexicon: CasualtyLexicon;
  language: string;
  /** `matchAt` results by word and role, and the lexicon's forms by role; see `createGrammar`. */
  readonly matches: Array<Match | null | undefined>;
  readonly forms: Array<ReadonlyMap<string, readonly LexiconForm[]> | undefined>;
}

const ROLE_INDEX: ReadonlyMap<CasualtyRole, number> = new Map(CASUALTY_ROLES.map((role, index) => [role, index]));

/**
 * The rules ask the same question of a word many times ("is it a trigger?",
 * and `isPlainWord` asks it for thirteen roles), so `matchAt` remembers each
 * answer in `matches`, one slot per word and role; a match depends on nothing
 * but the words and the lexicon, which do not change.
 */
export function createGrammar(text: string, words: readonly Word[], lexicon: CasualtyLexicon, language: string): Grammar {
  return { text, words, lexicon, language, matches: new Array<Match | null | undefined>(words.length * CASUALTY_ROLES.length), forms: [] };
}

/** A casualty count a rule proposes; "any" (a denial of all harm) becomes one killed and one injured count. */
export interface Candidate extends Span {
  low: number;
  high: number;
  kind: HarmKind;
  victims: string | null;
  by: string;
}

export interface Match {
  form: LexiconForm;
  /** Index of the first word and of the word after the last. */
  first: number;
  end: number;
  /** Offset where the match starts: after an Arabic proclitic it cut. */
  start: number;
  reading: Reading;
}

/** The longest form of `role` that starts at word i, or null. */
export function matchAt(grammar: Grammar, i: number, role: CasualtyRole): Match | null {
  const word = grammar.words[i];
  if (!word || word.kind === "number") return null;
  const roleIndex = ROLE_INDEX.get(role) as number;
  const slot = i * CASUALTY_ROLES.length + roleIndex;
  let match = grammar.matches[slot];
  if (match === undefined) {
    const forms = (grammar.forms[roleIndex] ??= grammar.lexicon.forms(grammar.language, role));
    grammar.matches[slot] = match = longestFormAt(grammar, i, word, forms);
  }
  return match;
}

function longestFormAt(grammar: Grammar, i: number, word: Word, forms: ReadonlyMap<string, readonly LexiconForm[]>): Match | null {
  const { words, text } = grammar;
  let best: Match | null = null;
  for (const reading of word.readings) {
    for (const form of forms.get(reading.key) ?? []) {
      if (best && form.keys.length <= best.end - best.first) continue;
      let matched = true;
      for (let k = 1; k < form.keys.length && matched; k++) {
        const next = words[i + k];
        const previous = words[i + k - 1] as Word;
        matched = next !== undefined && adjacent(text, previous, next) && next.readings.some((r) => r.key === form.keys[k]);
      }
      if (matched) best = { form, first: i, end: i + form.keys.length, start: reading.start, reading };
    }
  }
  return best;
}

/** Index after a run of forms of the given roles from word i (at most `max`), each read with the word before it. */
export function skipAll(grammar: Grammar, i: number, roles: CasualtyRole | readonly CasualtyRole[], max = 4): number {
  let j = i;
  for (let n = 0; n < max && follows(grammar, j); n++) {
    const match = (typeof roles === "string" ? [roles] : roles).map((role) => matchAt(grammar, j, role)).find((m) => m !== null);
    if (!match) break;
    j = match.end;
  }
  return j;
}

/** Word i is read with the word before it: no sign or blank line between. */
export function follows(grammar: Grammar, i: number): boolean {
  const word = grammar.words[i];
  const previous = grammar.words[i - 1];
  return word !== undefined && previous !== undefined && adjacent(grammar.text, previous, word);
}

export function isNumber(grammar: Grammar, i: number): boolean {
  return grammar.words[i]?.kind === "number";
}

export function isSign(grammar: Grammar, i: number, sign?: string): boolean {
  const word = grammar.words[i];
  return word?.kind === "sign" && (sign === undefined || word.text === sign);
}

/** Roles whose words are never an adjective inside a victims phrase. */
const STRUCTURAL: readonly CasualtyRole[] = ["casualty", "harm", "trigger", "toll", "auxiliary", "link", "determiner", "after", "aside", "negator", "meet", "fate", "none"];

/** A plain word: no number or sign, and no structural role; in a noun phrase, an adjective or a name. */
export function isPlainWord(grammar: Grammar, i: number): boolean {
  const word = grammar.words[i];
  return word?.kind === "word" && STRUCTURAL.every((role) => matchAt(grammar, i, role) === null);
}

export interface Victims {
  /** Index after the phrase (trailing adjectives included). */
  end: number;
  /** The head noun, or null when the phrase names none (then `end` is where it began). */
  head: Match | null;
}

/**
 * The victims after a count: an optional link and determiner ("of the",
 * "من"), then up to two adjectives or names around one victim noun
 * ("12 Malian soldiers", "cinq soldats maliens", "5 جنود سوريين"). The head
 * is the last victim noun in English, where adjectives come first, and the
 * first in French and Arabic ("soldats maliens": soldats). Without a victim
 * noun the phrase is empty: unknown words alone ("12 missiles") name no
 * victims.
 */
export function victimsAt(grammar: Grammar, i: number): Victims {
  let j = i;
  const link = matchAt(grammar, j, "link");
  if (link && follows(grammar, j)) {
    j = link.end;
    const determiner = matchAt(grammar, j, "determiner");
    if (determiner && follows(grammar, j)) j = determiner.end;
  }
  let head: Match | null = null;
  let plain = 0;
  while (j < grammar.words.length && follows(grammar, j)) {
    const victim = matchAt(grammar, j, "victim") ?? matchAt(grammar, j, "person");
    if (victim) {
      if (!head || !(grammar.language === "fr" || grammar.language === "ar")) head = victim;
      j = victim.end;
    } else if (plain < 2 && isPlainWord(grammar, j)) {
      plain++;
      j++;
    } else break;
  }
  return head ? { end: j, head } : { end: i, head: null };
}

/** The head as written, without an Arabic proclitic: "soldiers", "آخرين" (of "وآخرين"). */
export function victimsText(grammar: Grammar, head: Match | null): string | null {
  if (!head) return null;
  const last = grammar.words[head.end - 1] as Word;
  return grammar.text.slice(head.start, last.end);
}

/** Whether a verb just before word i is used actively: a count, victims, a determiner or a pronoun follows ("killed 12", "killed the"). */
export function objectFollows(grammar: Grammar, i: number): boolean {
  if (!follows(grammar, i)) return false;
  if (isNumber(grammar, i)) return true;
  return ["victim", "person", "determiner", "object"].some((role) => matchAt(grammar, i, role as CasualtyRole) !== null);
}

/** After a parenthetical subset (", including five children,") opening at word i, the index after its closing comma; else i. */
export function skipAside(grammar: Grammar, i: number): number {
  if (!isSign(grammar, i, ",") && !isSign(grammar, i, "،")) return i;
  const aside = matchAt(grammar, i + 1, "aside");
  if (!aside) return i;
  for (let j = aside.end; j < Math.min(grammar.words.length, aside.end + 12); j++) {
    if (isSign(grammar, j, ",") || isSign(grammar, j, "،")) return j + 1;
    if (isSign(grammar, j)) return i;
  }
  return i;
}

export function spanOf(grammar: Grammar, first: number, endIndex: number, start?: number): Span {
  const firstWord = grammar.words[first] as Word;
  const lastWord = grammar.words[endIndex - 1] as Word;
  return { start: start ?? firstWord.start, end: lastWord.end };
}

export function harmKind(form: LexiconForm): HarmKind {
  if (form.kind === null) throw new Error(`expected a kind (killed, injured, any) on the ${form.role} form "${form.keys.join(" ")}", found none`);
  return form.kind;
}
