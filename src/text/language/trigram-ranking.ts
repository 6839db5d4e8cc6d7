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
  entries: TrigramTable;
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
  const { codes, counts } = trigramCounts(sample);
  const distances = new Float64Array(models.languages.length).fill(codes.length * MAX_DIFFERENCE);
  const { entries, ranks } = models;
  for (let t = 0; t < codes.length; t++) {
    const count = counts[t] as number;
    const entry = entries.get(codes[t] as number);
    if (entry === -1) continue;
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

/** franc's scripts in its order, each with its expression and a copy of it that tests one character, without state. */
const SCRIPTS = Object.entries(expressions).map(([script, expression]) => ({ script, expression, single: new RegExp(expression.source) }));
if (SCRIPTS.length > 31) throw new Error(`trigram-ranking: script sets are 31-bit masks, found ${SCRIPTS.length} scripts in franc-min`);
/** Per BMP code unit, the scripts whose expression matches it (bit k: `SCRIPTS[k]`), or -1 until the character is met. */
const SCRIPTS_OF = new Int32Array(0x10000).fill(-1);

/** The script whose characters are the most frequent, first in franc's order on a tie, and its share. */
function topScript(sample: string): [string | undefined, number] {
  // franc's expressions match one character at a time, astral ones as surrogate pairs. Without surrogates every match
  // is one code unit, so each script's matches are counted in one pass over the sample, by what each character is.
  const counts = SURROGATE.test(sample) ? SCRIPTS.map(({ expression }) => sample.match(expression)?.length ?? 0) : countByCharacter(sample);
  let top: string | undefined;
  let topShare = -1;
  SCRIPTS.forEach(({ script }, k) => {
    const share = (counts[k] as number) / sample.length || 0;
    if (share > topShare) {
      topShare = share;
      top = script;
    }
  });
  return [top, topShare];
}

/** How many code units of a sample without surrogates each script's expression matches. */
function countByCharacter(sample: string): Int32Array {
  const counts = new Int32Array(SCRIPTS.length);
  for (let i = 0; i < sample.length; i++) {
    for (let scripts = scriptsOf(sample.charCodeAt(i)); scripts !== 0; scripts &= scripts - 1) {
      const k = 31 - Math.clz32(scripts & -scripts);
      counts[k] = (counts[k] as number) + 1;
    }
  }
  return counts;
}

function scriptsOf(code: number): number {
  let scripts = SCRIPTS_OF[code] as number;
  if (scripts === -1) {
    const character = String.fromCharCode(code);
    scripts = 0;
    SCRIPTS.forEach(({ single }, k) => {
      if (single.test(character)) scripts |= 1 << k;
    });
    SCRIPTS_OF[code] = scripts;
  }
  return scripts;
}

/**
 * Trigrams of the text as franc cleans it (ASCII punctuation, symbols and
 * digits as spaces, white space collapsed, lower case, one space at each end),
 * each once, under `trigramCode`, with its count, in the order they first
 * occur. Trigrams are of UTF-16 code units, as franc's are. A map grown entry
 * by entry, or sorting the codes, costs several times more than the table.
 */
function trigramCounts(sample: string): { codes: Float64Array; counts: Int32Array } {
  const cleaned = ` ${sample.replace(/[\u0021-\u0040]+/g, " ").replace(/\s+/g, " ").trim().toLowerCase()} `;
  const total = Math.max(0, cleaned.length - 2);
  const codes = new Float64Array(total);
  const counts = new Int32Array(total);
  const indices = new TrigramTable(total);
  let distinct = 0;
  for (let i = 0; i < total; i++) {
    const code = trigramCode(cleaned, i);
    const index = indices.getOrAdd(code, distinct);
    if (index === -1) {
      codes[distinct] = code;
      counts[distinct++] = 1;
    } else counts[index] = (counts[index] as number) + 1;
  }
  return { codes: codes.subarray(0, distinct), counts: counts.subarray(0, distinct) };
}

/**
 * Trigram codes to indices, in an open-addressing table of typed arrays at
 * most half full: numbers that are no small integers (the codes of
 * non-ASCII trigrams) are slow keys for a Map, and every trigram of every
 * text is looked up.
 */
class TrigramTable {
  readonly #bits: number;
  readonly #mask: number;
  readonly #codes: Float64Array;
  /** Per slot: 1 + the index held for the code there, or 0 when the slot is empty. */
  readonly #held: Int32Array;

  constructor(capacity: number) {
    this.#bits = 32 - Math.clz32(2 * capacity);
    this.#mask = 2 ** this.#bits - 1;
    this.#codes = new Float64Array(this.#mask + 1);
    this.#held = new Int32Array(this.#mask + 1);
  }

  /** The index held for `code`, or -1. */
  get(code: number): number {
    for (let slot = this.#slotOf(code); ; slot = (slot + 1) & this.#mask) {
      const held = this.#held[slot] as number;
      if (held === 0 || this.#codes[slot] === code) return held - 1;
    }
  }

  /** The index held for `code`; when there is none, holds `index` for it and returns -1. */
  getOrAdd(code: number, index: number): number {
    for (let slot = this.#slotOf(code); ; slot = (slot + 1) & this.#mask) {
      const held = this.#held[slot] as number;
      if (held === 0) {
        this.#codes[slot] = code;
        this.#held[slot] = index + 1;
        return -1;
      }
      if (this.#codes[slot] === code) return held - 1;
    }
  }

  /** The top bits of a multiplicative hash of both halves of the code. */
  #slotOf(code: number): number {
    const low = code | 0;
    const high = (code / 0x1_0000_0000) | 0;
    return this.#bits === 0 ? 0 : Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> (32 - this.#bits);
  }
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
  const entries = new TrigramTable(byTrigram.size);
  const packed: number[] = [];
  for (const [trigram, pairs] of byTrigram) {
    entries.getOrAdd(trigram, packed.length);
    packed.push(pairs.length / 2, ...pairs);
  }
  const built = { languages, entries, ranks: Int16Array.from(packed) };
  MODELS.set(script, built);
  return built;
}
