/**
 * Gazetteer look-ups for one pipeline, memoised: news repeats its place names
 * and a corpus repeats its countries, so most look-ups never reach SQLite.
 */
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import type { NameMatch } from "../gazetteer/types.js";

/** Beyond this many remembered keys the memo starts afresh, keeping memory flat on long runs. */
const MEMO_LIMIT = 200_000;

export class NameLookup {
  readonly #gazetteer: Gazetteer;
  readonly #byKey = new Map<string, NameMatch[]>();
  readonly #bySkeleton = new Map<string, NameMatch[]>();
  readonly #startsName = new Map<string, boolean>();

  constructor(gazetteer: Gazetteer) {
    this.#gazetteer = gazetteer;
  }

  byKey(key: string): NameMatch[] {
    return remember(this.#byKey, key, () => this.#gazetteer.byKey(key));
  }

  bySkeleton(skeleton: string): NameMatch[] {
    return remember(this.#bySkeleton, skeleton, () => this.#gazetteer.bySkeleton(skeleton));
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
