/**
 * The normalise stage: `keys` on every token, punctuation and symbols
 * included, so that later stages never meet a token without keys (a
 * punctuation token's skeleton is empty). Keys are of the whole token; an
 * Arabic token's stem gets its keys from `tokenKeys` when a matcher asks,
 * since most stems are never looked up.
 */
import type { Doc } from "../../model/document.js";
import type { Context, Stage } from "../../pipeline/stage.js";
import { KEY_NUMBERS, KeysOfText } from "../key-numbers.js";
import { tokenKeys } from "./keys.js";
import { memoise } from "./memo.js";

/** Distinct token texts remembered across documents; news repeats its words, a corpus its names. */
const MEMO_LIMIT = 50_000;
const MEMO_MAX_LENGTH = 64;

export function createNormaliseStage(): Stage {
  const keysOf = memoise((text) => new KeysOfText(tokenKeys(text)), MEMO_LIMIT, MEMO_MAX_LENGTH);
  return function normalise(doc: Doc, _ctx: Context): Doc {
    // A document's keys are numbered in one generation, as the phrase matchers number them.
    KEY_NUMBERS.reserve(doc.tokens.length);
    return { ...doc, tokens: doc.tokens.map((token) => ({ ...token, keys: keysOf(token.text).forToken() })) };
  };
}
