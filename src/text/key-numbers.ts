/**
 * Fold keys numbered across documents, so that a phrase matcher can remember
 * what each key leads to by number (`PhraseMatcher.#rootStates`). Past
 * `KEY_LIMIT` keys the numbering starts afresh, as a new generation, keeping
 * memory flat on long runs; matchers then forget what they remembered by the
 * old numbers.
 */
import type { TokenKeys } from "../model/document.js";
import { ownCopy } from "./normalise/memo.js";

const KEY_LIMIT = 200_000;

class KeyNumbers {
  #numbers = new Map<string, number>();
  #keys: string[] = [];
  #generation = 0;

  get generation(): number {
    return this.#generation;
  }

  /** How many keys this generation has numbered: every number is below it. */
  get count(): number {
    return this.#keys.length;
  }

  /** Starts a new generation unless `count` more keys fit: a document's keys are numbered in one generation. */
  reserve(count: number): void {
    if (this.#keys.length + count <= KEY_LIMIT) return;
    this.#numbers = new Map();
    this.#keys = [];
    this.#generation++;
  }

  number(key: string): number {
    let number = this.#numbers.get(key);
    if (number === undefined) {
      // A key may be a slice of its document: remembered as it is, it would keep the whole text alive.
      const owned = ownCopy(key);
      number = this.#keys.push(owned) - 1;
      this.#numbers.set(owned, number);
    }
    return number;
  }

  key(number: number): string {
    return this.#keys[number] as string;
  }
}

export const KEY_NUMBERS = new KeyNumbers();

/**
 * A token's keys as the normalise stage gives them, with the fold key's
 * number: a document's words are mostly words met before, and reading the
 * number here spares the matchers a lookup in a map of every key for each
 * token of each document. The number is private, so that a token's keys
 * still serialise as `TokenKeys`.
 */
export class NumberedKeys implements TokenKeys {
  readonly fold: string;
  readonly skeleton: string;
  readonly #number: number;
  readonly #generation: number;

  constructor(keys: TokenKeys, number: number, generation: number) {
    this.fold = keys.fold;
    this.skeleton = keys.skeleton;
    this.#number = number;
    this.#generation = generation;
  }

  /** `KEY_NUMBERS.number(this.fold)`, or null once the numbering has started a new generation. */
  get foldNumber(): number | null {
    return this.#generation === KEY_NUMBERS.generation ? this.#number : null;
  }
}

/**
 * The keys of one token text, remembered across documents with the fold
 * key's number, which is looked up again once the numbering has started a
 * new generation. Each token gets keys of its own (`forToken`), next to it in
 * memory, rather than this object, which stages would otherwise read from
 * wherever it was made.
 */
export class KeysOfText {
  readonly #keys: TokenKeys;
  #number = -1;
  #generation = -1;

  constructor(keys: TokenKeys) {
    this.#keys = keys;
  }

  forToken(): NumberedKeys {
    if (this.#generation !== KEY_NUMBERS.generation) {
      this.#number = KEY_NUMBERS.number(this.#keys.fold);
      this.#generation = KEY_NUMBERS.generation;
    }
    return new NumberedKeys(this.#keys, this.#number, this.#generation);
  }
}
