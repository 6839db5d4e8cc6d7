/**
 * Renders an element's content as plain text the way a reader sees it, and
 * records which characters of the HTML source each piece of that text was
 * decoded from. Blocks are separated by a blank line, <br> by a line break;
 * runs of whitespace collapse to one space and block edges are trimmed, as in
 * a browser, except inside <pre>. Separators this module inserts come from no
 * source character and get no segment.
 */
import type { JSDOM } from "jsdom";
import type { SourceSegment } from "../model/analysis.js";
import { alignTextNode, type Atom, type ReferenceDecoder } from "./html-source-align.js";

export interface RenderedText {
  text: string;
  /**
   * In text order. A segment whose text and source have the same length maps
   * character to character; any other (a reference, collapsed whitespace)
   * maps only as a whole.
   */
  sourceMap: SourceSegment[];
}

/** Elements whose content a reader never sees as prose. */
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
  "canvas", "audio", "video", "select", "textarea", "datalist",
]);

const BLOCKS = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "section",
  "article", "figure", "figcaption", "table", "ul", "ol", "dl", "dd", "dt", "header", "footer",
  "hr", "main", "nav", "aside", "address", "details", "summary", "caption", "center", "hgroup",
  "menu", "fieldset", "legend", "form", "thead", "tbody", "tfoot", "dialog",
]);

/** Cells of a row sit side by side: a space keeps "Homs" and "12" from reading "Homs12". */
const CELLS = new Set(["td", "th"]);

const PREFORMATTED = new Set(["pre", "listing", "xmp"]);

/** DOM node types; the Node constants live on each jsdom window, not globally. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const COLLAPSIBLE_RUNS = /[ \t\n\f\r]+|[^ \t\n\f\r]+/g;

export function renderText(dom: JSDOM, html: string, root: Node, decodeReference: ReferenceDecoder): RenderedText {
  const out = new TextBuilder();
  let preformatted = 0;
  walk(root, {
    enter(node) {
      if (node.nodeType === TEXT_NODE) {
        const text = node as Text;
        const location = dom.nodeLocation(text);
        const atoms = location
          ? alignTextNode(html.slice(location.startOffset, location.endOffset), text.data, location.startOffset, decodeReference)
          : [];
        out.text(text.data, new AtomCursor(atoms), preformatted > 0);
        return false;
      }
      if (node.nodeType !== ELEMENT_NODE) return false;
      const name = (node as Element).localName;
      if (SKIPPED.has(name)) return false;
      if (name === "br") {
        out.lineBreak();
        return false;
      }
      boundary(out, name);
      if (PREFORMATTED.has(name)) preformatted += 1;
      return true;
    },
    leave(element) {
      boundary(out, element.localName);
      if (PREFORMATTED.has(element.localName)) preformatted -= 1;
    },
  });
  return { text: out.toString(), sourceMap: out.segments };
}

function boundary(out: TextBuilder, name: string): void {
  if (BLOCKS.has(name)) out.blockBoundary();
  else if (CELLS.has(name)) out.separate();
}

interface Visitor {
  /** Returns whether to descend into the node; only elements are descended into. */
  enter(node: Node): boolean;
  leave(element: Element): void;
}

/** Depth-first, without recursion: hostile pages nest elements deeper than the call stack. */
function walk(root: Node, visitor: Visitor): void {
  let node: Node | null = root.firstChild;
  while (node !== null) {
    if (visitor.enter(node)) {
      if (node.firstChild !== null) {
        node = node.firstChild;
        continue;
      }
      visitor.leave(node as Element);
    }
    node = nextOutside(node, root, visitor);
  }
}

/** The node after `node`'s subtree, leaving each element climbed out of. */
function nextOutside(node: Node, root: Node, visitor: Visitor): Node | null {
  let current = node;
  while (current.nextSibling === null) {
    const parent = current.parentNode;
    if (parent === null || parent === root) return null;
    visitor.leave(parent as Element);
    current = parent;
  }
  return current.nextSibling;
}

interface SourceRange {
  source_start: number;
  source_end: number;
}

class TextBuilder {
  readonly segments: SourceSegment[] = [];
  readonly #parts: string[] = [];
  #length = 0;
  /** Line breaks owed before the next visible text: 1 after <br>, 2 between blocks. */
  #newlines = 0;
  /** One space owed before the next visible text, with the whitespace it stands for when there was any. */
  #space: { source: SourceRange | null } | null = null;

  blockBoundary(): void {
    this.#newlines = 2;
    this.#space = null;
  }

  lineBreak(): void {
    this.#newlines = Math.min(2, this.#newlines + 1);
    this.#space = null;
  }

  separate(): void {
    this.#space ??= { source: null };
  }

  text(data: string, atoms: AtomCursor, preformatted: boolean): void {
    if (preformatted) {
      if (data !== "") this.#emit(data, 0, atoms);
      return;
    }
    for (const run of data.matchAll(COLLAPSIBLE_RUNS)) {
      const start = run.index;
      const end = start + run[0].length;
      if (/^[ \t\n\f\r]/.test(run[0])) this.#space ??= { source: atoms.sourceOf(start, end) };
      else this.#emit(run[0], start, atoms);
    }
  }

  toString(): string {
    return this.#parts.join("");
  }

  #emit(piece: string, dataStart: number, atoms: AtomCursor): void {
    if (this.#length > 0 && this.#newlines > 0) {
      this.#append("\n".repeat(this.#newlines));
    } else if (this.#length > 0 && this.#space !== null) {
      const source = this.#space.source;
      if (source !== null) this.#addSegment({ start: this.#length, end: this.#length + 1, ...source });
      this.#append(" ");
    }
    this.#newlines = 0;
    this.#space = null;
    for (const segment of atoms.segments(dataStart, dataStart + piece.length, this.#length)) this.#addSegment(segment);
    this.#append(piece);
  }

  #append(piece: string): void {
    this.#parts.push(piece);
    this.#length += piece.length;
  }

  /** Joins character-to-character segments that continue each other in text and in source. */
  #addSegment(segment: SourceSegment): void {
    const last = this.segments.at(-1);
    if (
      last !== undefined &&
      last.end === segment.start &&
      last.source_end === segment.source_start &&
      preservesLength(last) &&
      preservesLength(segment)
    ) {
      last.end = segment.end;
      last.source_end = segment.source_end;
    } else {
      this.segments.push(segment);
    }
  }
}

function preservesLength(segment: SourceSegment): boolean {
  return segment.end - segment.start === segment.source_end - segment.source_start;
}

/**
 * Reads the atoms of one text node front to back. The builder asks about
 * ranges in increasing order, so a cursor keeps the lookup linear.
 */
class AtomCursor {
  readonly #atoms: readonly Atom[];
  #index = 0;

  constructor(atoms: readonly Atom[]) {
    this.#atoms = atoms;
  }

  /** Segments for `data[from, to)` placed at text offset `at`; parts of atoms that cannot be cut get none. */
  segments(from: number, to: number, at: number): SourceSegment[] {
    this.#skipTo(from);
    const found: SourceSegment[] = [];
    for (let k = this.#index; k < this.#atoms.length; k++) {
      const atom = this.#atoms[k] as Atom;
      if (atom.start >= to) break;
      const start = Math.max(from, atom.start);
      const end = Math.min(to, atom.end);
      const whole = start === atom.start && end === atom.end;
      if (!atom.divisible && !whole) continue;
      found.push({
        start: at + start - from,
        end: at + end - from,
        source_start: atom.divisible ? atom.source_start + start - atom.start : atom.source_start,
        source_end: atom.divisible ? atom.source_start + end - atom.start : atom.source_end,
      });
    }
    return found;
  }

  /** The source of all of `data[from, to)` as one range, or null when part of it has none or would cut an atom. */
  sourceOf(from: number, to: number): SourceRange | null {
    this.#skipTo(from);
    const first = this.#atoms[this.#index];
    let lastIndex = this.#index;
    while (lastIndex < this.#atoms.length && (this.#atoms[lastIndex] as Atom).end < to) lastIndex += 1;
    const last = this.#atoms[lastIndex];
    if (first === undefined || last === undefined || first.start > from) return null;
    if (!first.divisible && first.start !== from) return null;
    if (!last.divisible && last.end !== to) return null;
    return {
      source_start: first.divisible ? first.source_start + from - first.start : first.source_start,
      source_end: last.divisible ? last.source_start + to - last.start : last.source_end,
    };
  }

  #skipTo(from: number): void {
    while (this.#index < this.#atoms.length && (this.#atoms[this.#index] as Atom).end <= from) this.#index += 1;
  }
}
