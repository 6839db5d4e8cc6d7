/**
 * A bounded memo for pure string functions. The same words recur across
 * documents, so keys computed once are computed for good; past `limit`
 * entries the memo starts afresh, keeping memory flat on long runs. Only
 * strings up to `maxLength` are remembered: long texts rarely repeat.
 */
export function memoise<T>(compute: (text: string) => T, limit: number, maxLength: number): (text: string) => T {
  const known = new Map<string, T>();
  return (text: string): T => {
    if (text.length > maxLength) return compute(text);
    const found = known.get(text);
    if (found !== undefined) return found;
    if (known.size >= limit) known.clear();
    const owned = ownCopy(text);
    const value = compute(owned);
    known.set(owned, value);
    return value;
  };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. A
 * token's text is a slice of its document, and V8 keeps a slice as a view of
 * the whole string: remembered as it is, it would keep every document that
 * brought a new word alive as long as the memo. Concatenating and cutting
 * again makes V8 copy the characters into a string of their own, and the
 * value is computed from that copy so that it holds no view of the document
 * either.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
