/**
 * JSON Lines: one JSON value per line. The `jsonl` export writes each corpus
 * event whole, members and review trail included, so nothing the corpus knows
 * is lost; the PLOVER export reuses the encoder.
 */
import { Transform } from "node:stream";
import type { CorpusEvent } from "../corpus/types.js";
import type { ExportFormatDefinition } from "./format.js";

export function jsonLinesEncoder(): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(record: unknown, _encoding, done) {
      done(null, `${JSON.stringify(record)}\n`);
    },
  });
}

export const jsonl: ExportFormatDefinition<CorpusEvent> = {
  record: (event) => event,
  encoder: jsonLinesEncoder,
};
