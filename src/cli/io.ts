import { once } from "node:events";
import type { Readable, Writable } from "node:stream";

/** The streams a command talks to; tests and the binary pass their own. */
export interface Io {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

/** Writes with backpressure, so a long batch piped into a slow reader does not fill memory. */
export async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

export function warn(io: Io, message: string): void {
  io.stderr.write(`sitrep: warning: ${message}\n`);
}

export function fail(io: Io, message: string): void {
  io.stderr.write(`sitrep: error: ${message}\n`);
}
