/**
 * A half-open range of UTF-16 code units in `document.text`: what
 * `String.prototype.slice(start, end)` takes. Every extracted value carries one.
 */
export interface Span {
  start: number;
  end: number;
}

export function spanLength(span: Span): number {
  return span.end - span.start;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Index over one annotation layer, so that stages join each other's output by
 * position rather than by re-matching strings. Items are sorted once; a query
 * costs a binary search plus the items it returns.
 */
export class SpanIndex<T extends Span> {
  readonly #items: readonly T[];
  /** Largest `end` among items[0..i], so the search can stop early on the left. */
  readonly #maxEnd: readonly number[];

  constructor(items: Iterable<T>) {
    this.#items = [...items].sort(compareSpans);
    let running = -Infinity;
    this.#maxEnd = this.#items.map((item) => (running = Math.max(running, item.end)));
  }

  get size(): number {
    return this.#items.length;
  }

  /** Items that share at least one code unit with `span`, in text order. */
  overlapping(span: Span): T[] {
    return this.#collect(span, overlaps);
  }

  /** Items that lie entirely inside `span`, in text order. */
  within(span: Span): T[] {
    return this.#collect(span, (item, query) => contains(query, item));
  }

  /** Items that contain the whole of `span`, in text order. */
  covering(span: Span): T[] {
    return this.#collect(span, (item, query) => contains(item, query));
  }

  #collect(query: Span, keep: (item: T, query: Span) => boolean): T[] {
    const found: T[] = [];
    // Items starting after query.end can satisfy none of the relations; items whose
    // running maximum end falls before query.start cannot either: scan between.
    for (let i = this.#lastStartingAtOrBefore(query.end); i >= 0; i--) {
      if ((this.#maxEnd[i] as number) < query.start) break;
      const item = this.#items[i] as T;
      if (keep(item, query)) found.push(item);
    }
    return found.reverse();
  }

  #lastStartingAtOrBefore(offset: number): number {
    let low = 0;
    let high = this.#items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#items[mid] as T).start <= offset) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }
}
