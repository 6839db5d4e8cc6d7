/**
 * Where each character of a text node came from in the HTML source. The
 * parser gives a text node's decoded `data` and the source range it was read
 * from; between the two stand character references (`&eacute;`, `&#1575;`,
 * the legacy `&copy` without a semicolon), CR LF folded to LF, and NULs
 * dropped or replaced. Walking both in step recovers the correspondence.
 *
 * References are decoded by the same HTML parser that built the document,
 * never by a second table that could disagree with it. Alignment stops at the
 * first character it cannot account for (text the parser moved, such as text
 * foster-parented out of a table): what follows gets no source rather than a
 * wrong one.
 */
import { JSDOM } from "jsdom";

/** A piece of a text node: `data[start, end)` was read from `html[source_start, source_end)`. */
export interface Atom {
  start: number;
  end: number;
  source_start: number;
  source_end: number;
  /** The i-th character came from the i-th source character, so the piece may be cut anywhere. */
  divisible: boolean;
}

export type ReferenceDecoder = (reference: string) => string;

/** What the parser may read as one character reference: the longest run it would try. */
const REFERENCE = /&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)/y;

/**
 * Decodes a lone character reference by parsing it. Memoised for one document,
 * because a page repeats the same few (&nbsp;, &rsquo;, one per Arabic letter).
 */
export function createReferenceDecoder(): ReferenceDecoder {
  const decoded = new Map<string, string>();
  return (reference) => {
    let text = decoded.get(reference);
    if (text === undefined) {
      text = JSDOM.fragment(reference).textContent ?? "";
      decoded.set(reference, text);
    }
    return text;
  };
}

/**
 * Atoms covering `data` from its start for as long as it can be aligned with
 * `source`, which begins at `sourceStart` in the whole HTML.
 */
export function alignTextNode(source: string, data: string, sourceStart: number, decodeReference: ReferenceDecoder): Atom[] {
  const atoms = alignFrom(0, source, data, sourceStart, decodeReference);
  // The parser drops a line break that directly follows <pre>, sometimes inside the range it reports for the text.
  const lineBreak = /^(?:\r\n?|\n)/.exec(source)?.[0].length ?? 0;
  if (lineBreak === 0 || alignedLength(atoms) === data.length) return atoms;
  const shifted = alignFrom(lineBreak, source, data, sourceStart, decodeReference);
  return alignedLength(shifted) > alignedLength(atoms) ? shifted : atoms;
}

function alignedLength(atoms: readonly Atom[]): number {
  return atoms.at(-1)?.end ?? 0;
}

function alignFrom(skip: number, source: string, data: string, sourceStart: number, decodeReference: ReferenceDecoder): Atom[] {
  const atoms: Atom[] = [];
  const add = (start: number, end: number, from: number, to: number, divisible: boolean): void => {
    const last = atoms.at(-1);
    if (divisible && last?.divisible && last.end === start && last.source_end === sourceStart + from) {
      last.end = end;
      last.source_end = sourceStart + to;
    } else {
      atoms.push({ start, end, source_start: sourceStart + from, source_end: sourceStart + to, divisible });
    }
  };

  let i = skip;
  let j = 0;
  while (i < source.length && j < data.length) {
    const char = source[i];
    if (char === "&") {
      REFERENCE.lastIndex = i;
      const reference = REFERENCE.exec(source)?.[0];
      const decoded = reference === undefined ? undefined : decodeReference(reference);
      // An unknown name ("&foo;") decodes to itself and is read as literal text below.
      if (reference !== undefined && decoded !== undefined && decoded !== reference) {
        if (!data.startsWith(decoded, j)) break;
        const tail = literalTail(reference, decoded);
        const produced = decoded.length - tail;
        add(j, j + produced, i, i + reference.length - tail, false);
        if (tail > 0) add(j + produced, j + decoded.length, i + reference.length - tail, i + reference.length, true);
        i += reference.length;
        j += decoded.length;
        continue;
      }
    }
    if (char === "\r" && data[j] === "\n") {
      const width = source[i + 1] === "\n" ? 2 : 1;
      add(j, j + 1, i, i + width, width === 1);
      i += width;
      j += 1;
      continue;
    }
    if (char === "\0" && data[j] !== "\0") {
      // In text the parser drops NUL, except where it substitutes U+FFFD.
      if (data[j] === "\uFFFD") {
        add(j, j + 1, i, i + 1, true);
        j += 1;
      }
      i += 1;
      continue;
    }
    if (char !== data[j]) break;
    add(j, j + 1, i, i + 1, true);
    i += 1;
    j += 1;
  }
  return atoms;
}

/**
 * How many characters at the end of `reference` the parser left as text: a
 * legacy reference matches its longest known prefix, so "&notit;" reads as
 * "¬" followed by the literal "it;".
 */
function literalTail(reference: string, decoded: string): number {
  for (let tail = Math.min(reference.length - 2, decoded.length - 1); tail > 0; tail--) {
    if (decoded.endsWith(reference.slice(-tail))) return tail;
  }
  return 0;
}
