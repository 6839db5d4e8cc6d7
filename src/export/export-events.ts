/**
 * Writes corpus events to a stream in one of the export formats. Events are
 * pulled one at a time and the pipeline waits whenever the output is full, so
 * a corpus of any size is exported in constant memory, and an event source
 * that fails (or an output that does) rejects the export.
 */
import { pipeline } from "node:stream/promises";
import type { CorpusEvent } from "../corpus/types.js";
import { acledCsv } from "./acled-csv.js";
import type { ExportFormatDefinition } from "./format.js";
import { geojson } from "./geojson.js";
import { jsonl } from "./jsonl.js";
import { ploverJsonl } from "./plover-jsonl.js";

export const EXPORT_FORMATS = ["acled-csv", "geojson", "plover-jsonl", "jsonl"] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const DEFINITIONS: Readonly<Record<ExportFormat, ExportFormatDefinition<unknown>>> = {
  "acled-csv": acledCsv,
  geojson,
  "plover-jsonl": ploverJsonl,
  jsonl,
};

/**
 * Exports `events` to `out` and says how many were written and how many the
 * format could not hold (GeoJSON: no place; PLOVER: no PLOVER type). `out` is
 * left open, so that the caller who opened it (a file, stdout) closes it.
 */
export async function exportEvents(
  format: ExportFormat,
  events: AsyncIterable<CorpusEvent> | Iterable<CorpusEvent>,
  out: NodeJS.WritableStream,
): Promise<{ written: number; skipped: number }> {
  const definition = DEFINITIONS[format];
  // The type rules this out for TypeScript callers; a JavaScript caller passing a user's string gets a clear error.
  if (definition === undefined) throw new Error(`exportEvents: expected a format among ${EXPORT_FORMATS.join(", ")}, found ${JSON.stringify(format)}`);
  const counts = { written: 0, skipped: 0 };
  async function* records(): AsyncGenerator<unknown> {
    for await (const event of events) {
      const record = definition.record(event);
      if (record === null) {
        counts.skipped += 1;
      } else {
        counts.written += 1;
        yield record;
      }
    }
  }
  await pipeline(records, definition.encoder(), out, { end: false });
  return counts;
}
