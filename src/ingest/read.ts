/**
 * Reading input bytes under a size cap. The cap is enforced before memory is
 * spent: a regular file is measured before it is opened, and a stream is
 * abandoned at the first chunk that crosses the limit.
 */
import { open, stat } from "node:fs/promises";
import { SitrepError, isSitrepError } from "../model/errors.js";
import { formatBytes } from "./size.js";

export async function readFileBytes(path: string, options: { maxBytes: number }): Promise<Uint8Array> {
  const stats = await stat(path).catch((error: unknown) => {
    throw fileError(path, error);
  });
  if (stats.isDirectory()) throw new SitrepError("input-unreadable", `${path} is a directory, not a file`);
  if (stats.isFile() && stats.size > options.maxBytes) {
    throw new SitrepError(
      "input-too-large",
      `${path} is ${formatBytes(stats.size)}; the limit is ${formatBytes(options.maxBytes)} (raise it with --max-bytes)`,
    );
  }
  const handle = await open(path, "r").catch((error: unknown) => {
    throw fileError(path, error);
  });
  try {
    // Streamed even for regular files: pipes and devices (/dev/stdin, <(curl …)) have no
    // size to check, and a file may grow between stat and read.
    return await readStreamBytes(handle.createReadStream({ autoClose: false }), { maxBytes: options.maxBytes, label: path });
  } finally {
    await handle.close();
  }
}

export async function readStreamBytes(
  stream: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
  options: { maxBytes: number; label: string },
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      // A stream someone called setEncoding() on yields strings; their bytes are its UTF-8.
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      total += bytes.byteLength;
      // Throwing out of for-await destroys a Node stream: nothing more is read.
      if (total > options.maxBytes) {
        throw new SitrepError(
          "input-too-large",
          `${options.label} is larger than the limit of ${formatBytes(options.maxBytes)} (raise it with --max-bytes)`,
        );
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (isSitrepError(error)) throw error;
    throw new SitrepError("input-unreadable", `cannot read ${options.label}: ${messageOf(error)}`, { cause: error });
  }
  return Buffer.concat(chunks, total);
}

function fileError(path: string, error: unknown): SitrepError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return new SitrepError("input-not-found", `no such file: ${path}`, { cause: error });
  if (code === "EACCES" || code === "EPERM") {
    return new SitrepError("input-unreadable", `cannot read ${path}: permission denied`, { cause: error });
  }
  return new SitrepError("input-unreadable", `cannot read ${path}: ${messageOf(error)}`, { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
