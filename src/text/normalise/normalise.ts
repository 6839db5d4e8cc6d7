/**
 * The normalise stage: `keys` on every token, punctuation and symbols
 * included, so that later stages never meet a token without keys (a
 * punctuation token's skeleton is empty). Keys are of the whole token; an
 * Arabic token's stem gets its keys from `tokenKeys` when a matcher asks,
 * since most stems are never looked up.
 */
import type { Doc, TokenKeys } from "../../model/document.js";
import type { Context, Stage } from "../../pipeline/stage.js";
import { tokenKeys } from "./keys.js";

export function createNormaliseStage(): Stage {
  return function normalise(doc: Doc, _ctx: Context): Doc {
    // News repeats its words; compute each distinct text's keys once per document.
    const known = new Map<string, TokenKeys>();
    const keysOf = (text: string): TokenKeys => {
      const keys = known.get(text) ?? tokenKeys(text);
      known.set(text, keys);
      return { ...keys };
    };
    return { ...doc, tokens: doc.tokens.map((token) => ({ ...token, keys: keysOf(token.text) })) };
  };
}
