/**
 * `text.matchAll(pattern)` without its cost. `matchAll` builds a new RegExp
 * for every call (a copy of `pattern`, so that iterating leaves the original
 * alone), and the rules run their patterns sentence by sentence: tens of
 * patterns on every sentence of every document. This runs `pattern` itself
 * from the start of `text`, yields the same matches in the same order, and
 * leaves `pattern.lastIndex` at 0 as it found it.
 */
export function eachMatch(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  if (!pattern.global) throw new Error(`eachMatch: pattern needs the "g" flag, found "${pattern.flags}"`);
  if (pattern.lastIndex !== 0) throw new Error(`eachMatch: pattern is in use elsewhere (lastIndex ${pattern.lastIndex}), expected lastIndex 0`);
  try {
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      // An empty match would be found again at the same place: step over one character, as matchAll does.
      if (match[0] === "") pattern.lastIndex = nextIndex(text, pattern.lastIndex, /[uv]/.test(pattern.flags));
      visit(match);
    }
  } finally {
    pattern.lastIndex = 0;
  }
}

/** The index after the character at `index`: a whole surrogate pair in Unicode mode. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  if (first < 0xd800 || first > 0xdbff) return index + 1;
  const second = text.charCodeAt(index + 1);
  return second >= 0xdc00 && second <= 0xdfff ? index + 2 : index + 1;
}
