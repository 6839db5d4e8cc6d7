import type { TimeMention } from "../model/analysis.js";
import type { Doc } from "../model/document.js";
import { contains, type Span } from "../model/span.js";

/** The time mentions whose span lies entirely inside `range` (a sentence, a clause), in text order. */
export function timesInRange(doc: Doc, range: Span): TimeMention[] {
  return doc.times.filter((time) => contains(range, time));
}
