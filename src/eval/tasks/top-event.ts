/**
 * The one event a document-level label is read from, when a task gives one
 * label per text: the most confident event, the earliest trigger on a tie (a
 * report states its main event first).
 */
import type { EventRecord } from "../../model/analysis.js";
import { compareSpans } from "../../model/span.js";

export function topEvent(events: readonly EventRecord[]): EventRecord | null {
  let best: EventRecord | null = null;
  for (const event of events) {
    if (best === null || event.confidence > best.confidence || (event.confidence === best.confidence && compareSpans(event.trigger, best.trigger) < 0)) best = event;
  }
  return best;
}
