import { describe, expect, it } from "vitest";
import { splitLines, type RawLine } from "./lines.js";

async function* chunks(...parts: (string | number[])[]): AsyncGenerator<Uint8Array | string> {
  for (const part of parts) yield typeof part === "string" ? part : Uint8Array.from(part);
}

async function collect(stream: AsyncIterable<Uint8Array | string>, max = 100): Promise<(string | { line: number; size: number })[]> {
  const out: (string | { line: number; size: number })[] = [];
  for await (const raw of splitLines(stream, max)) out.push(show(raw));
  return out;
}

const show = (raw: RawLine) => ("tooLong" in raw ? { line: raw.line, size: raw.size } : `${raw.line}:${Buffer.from(raw.bytes).toString()}`);

describe("splitLines", () => {
  it("splits on LF across chunk boundaries, keeping blank lines and a last line without LF", async () => {
    expect(await collect(chunks("a", "b\n\nc", "d\r\ne"))).toEqual(["1:ab", "2:", "3:cd\r", "4:e"]);
  });

  it("does not invent a line after a final LF", async () => {
    expect(await collect(chunks("a\n"))).toEqual(["1:a"]);
    expect(await collect(chunks())).toEqual([]);
  });

  it("reports an over-long line with its size and carries on", async () => {
    expect(await collect(chunks("short\n", "x".repeat(8), "x".repeat(8), "\nafter"), 10)).toEqual([
      "1:short",
      { line: 2, size: 16 },
      "3:after",
    ]);
  });

  it("copies bytes out of a buffer the stream reuses", async () => {
    const shared = new Uint8Array(2);
    async function* reusing(): AsyncGenerator<Uint8Array> {
      for (const pair of [[0x61, 0x62], [0x63, 0x0a]]) {
        shared.set(pair);
        yield shared;
      }
    }
    expect(await collect(reusing())).toEqual(["1:abc"]);
  });
});
