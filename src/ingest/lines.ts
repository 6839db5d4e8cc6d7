/**
 * Splits a byte stream into lines without holding more than one line in
 * memory, and without holding even that when it is longer than allowed: the
 * rest of an over-long line is counted and dropped as it streams past.
 */

export type RawLine =
  | { line: number; bytes: Uint8Array }
  /** A line longer than the limit; `size` is its full length in bytes. */
  | { line: number; tooLong: true; size: number };

/** Lines are numbered from 1 and split on LF; a last line without LF is still a line. */
export async function* splitLines(
  stream: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<RawLine> {
  let line = 1;
  let parts: Uint8Array[] = [];
  let size = 0;
  const finish = (): RawLine => {
    const raw: RawLine = size > maxLineBytes ? { line, tooLong: true, size } : { line, bytes: Buffer.concat(parts, size) };
    parts = [];
    size = 0;
    line += 1;
    return raw;
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (;;) {
      const newline = bytes.indexOf(0x0a, from);
      const piece = bytes.subarray(from, newline === -1 ? bytes.length : newline);
      size += piece.length;
      if (size > maxLineBytes) parts = []; // past the limit: keep counting, stop keeping
      else if (piece.length > 0) parts.push(piece.slice()); // copied: the stream may reuse its buffer
      if (newline === -1) break;
      yield finish();
      from = newline + 1;
    }
  }
  if (size > 0) yield finish();
}
