/**
 * Cuts a text into runs that are each covered by the same set of annotations,
 * so that overlapping and nested spans (an actor inside a quote inside an
 * event's sentence) can all be shown with flat, non-nested elements.
 */

export interface Annotated {
  start: number;
  end: number;
}

export interface Segment<A extends Annotated> {
  start: number;
  end: number;
  /** Annotations over this run, innermost (shortest) first. */
  covering: A[];
}

/** Spans outside the text, empty or reversed are left out: they cannot be shown, and they must not break the rest. */
export function validSpan(span: Annotated, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= length && span.start < span.end;
}

export function segmentText<A extends Annotated>(length: number, annotations: readonly A[]): Segment<A>[] {
  const valid = annotations.filter((annotation) => validSpan(annotation, length));
  const boundaries = [...new Set([0, length, ...valid.flatMap((annotation) => [annotation.start, annotation.end])])].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const segments: Segment<A>[] = [];
  let active: A[] = [];
  let next = 0;
  for (let index = 0; index + 1 < boundaries.length; index++) {
    const start = boundaries[index] as number;
    const end = boundaries[index + 1] as number;
    active = active.filter((annotation) => annotation.end > start);
    while (next < byStart.length && (byStart[next] as A).start <= start) active.push(byStart[next++] as A);
    const covering = active.filter((annotation) => annotation.start <= start && annotation.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start));
    segments.push({ start, end, covering });
  }
  return segments;
}
