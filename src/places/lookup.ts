/**
 * Gazetteer look-ups for one pipeline, memoised: news repeats its place names
 * and a corpus repeats its countries, so most look-ups never reach SQLite.
 */
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import type { GazetteerPlace, NameMatch } from "../gazetteer/types.js";
import { similarity } from "./similarity.js";

export interface ScoredLookalike {
  match: NameMatch;
  similarity: number;
}

/** Beyond this many remembered keys the memo starts afresh, keeping memory flat on long runs. */
const MEMO_LIMIT = 200_000;

export class NameLookup {
  readonly #gazetteer: Gazetteer;
  readonly #byKey = new Map<string, NameMatch[]>();
  readonly #lookalikes = new Map<string, ScoredLookalike[]>();
  readonly #places = new Map<string, GazetteerPlace | null>();
  readonly #startsName = new Map<string, boolean>();

  constructor(gazetteer: Gazetteer) {
    this.#gazetteer = gazetteer;
  }

  byKey(key: string): NameMatch[] {
    return remember(this.#byKey, key, () => this.#gazetteer.byKey(key));
  }

  /**
   * Names with the same consonant skeleton as `key` whose letters are at least `minSimilarity` alike, each with
   * its similarity; `compare` maps a key to the form compared (e.g. without its article).
   */
  lookalikes(key: string, skeleton: string, minSimilarity: number, compare: (key: string) => string): ScoredLookalike[] {
    return remember(this.#lookalikes, `${skeleton}\u0000${key}`, () => {
      const target = compare(key);
      // Similarity s between strings of lengths a ≤ b needs a ≥ s·b: names outside that range cannot qualify.
      const slack = Math.ceil(key.length / minSimilarity) + 4;
      const found: ScoredLookalike[] = [];
      for (const name of this.#gazetteer.bySkeleton(skeleton, { min: Math.floor(key.length * minSimilarity) - 4, max: slack })) {
        const score = similarity(target, compare(name.key));
        if (score < minSimilarity) continue;
        const place = this.place(name.placeRowid);
        if (place) found.push({ match: { place, name: name.name, key: name.key, lang: name.lang, kind: name.kind }, similarity: score });
      }
      return found;
    });
  }

  place(rowid: number): GazetteerPlace | null {
    return remember(this.#places, String(rowid), () => this.#gazetteer.place(rowid));
  }

  startsName(word: string): boolean {
    return remember(this.#startsName, word, () => this.#gazetteer.startsName(word));
  }
}

function remember<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}
