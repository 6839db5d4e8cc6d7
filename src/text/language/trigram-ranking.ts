/**
 * franc's trigram ranking (`francAll` of franc-min, without `only` and
 * `ignore`), computed on franc-min's own data and giving the same tuples, in
 * the same order, with the same scores: `trigram-ranking.test.ts` holds it to
 * that on real articles and odd inputs.
 *
 * Why not call franc: it scores a text against each language of its script in
 * turn, looking every trigram of the text up in that language's dictionary
 * object, and builds its trigram counts through an object in dictionary mode
 * too; on a news article that was four fifths of the language stage's time.
 * Here the language models of a script are turned once into one table,
 * trigram → the languages that know it and its rank in each, so a text's
 * trigrams are looked up once and only the languages that know a trigram are
 * visited for it. Distances are sums of integers, so the order of summing
 * changes nothing.
 *
 * franc-min is pinned by the lock file; if its data or its arithmetic change,
 * the test fails and this file follows.
 */
import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";

/** A language code (ISO 639-3, or a script name for single-language scripts, or "und") and its score in [0, 1]. */
export type TrigramScore = [language: string, score: number];

/** franc's constants: the longest sample it reads, and the distance a trigram unknown to a language adds. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptModels {
  languages: readonly string[];
  /**
   * For each trigram any language of the script knows (by `trigramCode`), where
   * its entry starts in `ranks`. A trigram is known to a few languages of a
   * script, rarely to all.
   */
  entries: ReadonlyMap<number, number>;
  /** Entries one after the other: how many languages know the trigram, then (language index, rank) for each. */
  ranks: Int16Array;
}

const MODELS = new Map<string, ScriptModels>();

/** The ranking `francAll(value, { minLength })` returns. */
export function trigramRanking(value: string, minLength: number): TrigramScore[] {
  if (!value || value.length < minLength) return [["und", 1]];
  const sample = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(sample);
  if (script === undefined || !Object.hasOwn(data, script)) {
    return script === undefined || share === 0 ? [["und", 1]] : [[script, 1]];
  }
  const models = modelsOf(script);
  // Every trigram costs each language MAX_DIFFERENCE unless the language knows it: start from that, and take back the
  // difference for the languages that do.
  const counts = trigramCounts(sample);
  const distances = new Float64Array(models.languages.length).fill(counts.size * MAX_DIFFERENCE);
  const { entries, ranks } = models;
  for (const [trigram, count] of counts) {
    const entry = entries.get(trigram);
    if (entry === undefined) continue;
    const end = entry + 1 + 2 * (ranks[entry] as number);
    for (let pair = entry + 1; pair < end; pair += 2) {
      const language = ranks[pair] as number;
      const rank = ranks[pair + 1] as number;
      distances[language] = (distances[language] as number) - MAX_DIFFERENCE + Math.abs(count - rank - 1);
    }
  }
  // Sorting is stable, as franc's is: languages at equal distance keep the order of franc's data.
  const ranking: TrigramScore[] = models.languages.map((language, index) => [language, distances[index] as number]);
  ranking.sort((a, b) => a[1] - b[1]);
  const min = (ranking[0] as TrigramScore)[1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const entry of ranking) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranking;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The script whose characters are the most frequent, first in franc's order on a tie, and its share. */
function topScript(sample: string): [string | undefined, number] {
  let top: string | undefined;
  let topShare = -1;
  // franc's expressions match one character at a time, astral ones as surrogate pairs. Without surrogates every match
  // is one code unit, so what removing the matches takes off the length counts them, without a list of every match.
  const bmpOnly = !SURROGATE.test(sample);
  for (const [script, expression] of Object.entries(expressions)) {
    const matches = bmpOnly ? sample.length - sample.replace(expression, "").length : (sample.match(expression)?.length ?? 0);
    const share = matches / sample.length || 0;
    if (share > topShare) {
      topShare = share;
      top = script;
    }
  }
  return [top, topShare];
}

/**
 * Trigrams of the text as franc cleans it (ASCII punctuation, symbols and
 * digits as spaces, white space collapsed, lower case, one space at each end),
 * with their counts. Trigrams are of UTF-16 code units, as franc's are, and
 * are counted under `trigramCode`.
 */
function trigramCounts(sample: string): Map<number, number> {
  const cleaned = ` ${sample.replace(/[\u0021-\u0040]+/g, " ").replace(/\s+/g, " ").trim().toLowerCase()} `;
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const code = trigramCode(cleaned, i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/**
 * The three UTF-16 code units from `i` as one exact integer, distinct for
 * distinct trigrams. Numbers hash faster than fresh strings, and the ASCII
 * trigrams that most text is made of get small integers, which a Map keeps
 * without boxing: 21 bits, where any other trigram is a negative number of up
 * to 48.
 */
function trigramCode(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  const c = text.charCodeAt(i + 2);
  if (a < 0x80 && b < 0x80 && c < 0x80) return (a << 14) | (b << 7) | c;
  return -1 - ((a * 0x10000 + b) * 0x10000 + c);
}

function modelsOf(script: string): ScriptModels {
  const known = MODELS.get(script);
  if (known) return known;
  const models = data[script] ?? {};
  const languages = Object.keys(models);
  const byTrigram = new Map<number, number[]>();
  languages.forEach((language, index) => {
    // A trigram listed twice keeps its first rank, as in franc's dictionaries.
    const ranks = new Map<number, number>();
    for (const [rank, trigram] of (models[language] ?? "").split("|").entries()) {
      // Every entry of franc's data is three code units long; a shorter one could never match a trigram of a text.
      if (trigram.length !== 3) continue;
      const code = trigramCode(trigram, 0);
      if (!ranks.has(code)) ranks.set(code, rank);
    }
    for (const [trigram, rank] of ranks) {
      const pairs = byTrigram.get(trigram) ?? [];
      pairs.push(index, rank);
      byTrigram.set(trigram, pairs);
    }
  });
  const entries = new Map<number, number>();
  const packed: number[] = [];
  for (const [trigram, pairs] of byTrigram) {
    entries.set(trigram, packed.length);
    packed.push(pairs.length / 2, ...pairs);
  }
  const built = { languages, entries, ranks: Int16Array.from(packed) };
  MODELS.set(script, built);
  return built;
}
