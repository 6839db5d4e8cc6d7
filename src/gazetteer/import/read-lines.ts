/**
 * Splits a byte stream into lines, a chunk at a time: one await per chunk
 * rather than per line keeps a 12-million-line dump fast, and the byte count
 * comes free for progress reports.
 */
import { SitrepError } from "../../model/errors.js";

export interface LineChunk {
  lines: string[];
  /** Bytes consumed so far, up to the end of the chunk these lines came from. */
  bytesRead: number;
}

/** GeoNames lines run to a few tens of kilobytes; past this the file is not a dump, and buffering it would cost memory. */
const MAX_LINE_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export async function* readLines(bytes: AsyncIterable<Buffer>, label: string): AsyncGenerator<LineChunk> {
  let rest: Buffer = Buffer.alloc(0);
  let bytesRead = 0;
  for await (const chunk of bytes) {
    const data = bytesRead === 0 && chunk.subarray(0, 3).equals(BOM) ? chunk.subarray(3) : chunk;
    bytesRead += chunk.length;
    const buffer = rest.length === 0 ? data : Buffer.concat([rest, data]);
    const lines: string[] = [];
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
      lines.push(decode(buffer, start, end));
      start = end + 1;
    }
    rest = buffer.subarray(start);
    if (rest.length > MAX_LINE_BYTES) throw new SitrepError("gazetteer-format", `${label} has a line longer than 1 MB: not a GeoNames dump`);
    yield { lines, bytesRead };
  }
  if (rest.length > 0) yield { lines: [decode(rest, 0, rest.length)], bytesRead };
}

function decode(buffer: Buffer, start: number, end: number): string {
  return buffer.toString("utf8", start, end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end);
}
