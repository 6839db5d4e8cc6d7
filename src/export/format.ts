/**
 * The contract every export format keeps: which events it can hold and as
 * what records, and the stream that turns those records into text. Keeping
 * the two apart lets `exportEvents` count what was written and skipped the
 * same way for every format.
 */
import type { Transform } from "node:stream";
import type { CorpusEvent } from "../corpus/types.js";

export interface ExportFormatDefinition<T> {
  /** The record an event becomes; null for an event the format cannot hold, which is counted as skipped. */
  record(event: CorpusEvent): T | null;
  /** A fresh object-mode stream: records in, text out, including what the format writes before the first record and after the last. */
  encoder(): Transform;
}
