import { describe, expect, it } from "vitest";
import { readLines } from "./read-lines.js";

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

async function collect(parts: Buffer[]): Promise<{ lines: string[]; bytes: number[] }> {
  const lines: string[] = [];
  const bytes: number[] = [];
  for await (const chunk of readLines(chunks(...parts), "test")) {
    lines.push(...chunk.lines);
    bytes.push(chunk.bytesRead);
  }
  return { lines, bytes };
}

describe("readLines", () => {
  it("splits lines across chunk boundaries, even inside a multi-byte character", async () => {
    const text = Buffer.from("Aarsal\tعرسال\nFlita\tفليطة\nlast line without newline");
    const cut = text.indexOf(Buffer.from("عرسال")) + 1; // inside the first Arabic letter
    const { lines, bytes } = await collect([text.subarray(0, cut), text.subarray(cut, 20), text.subarray(20)]);
    expect(lines).toEqual(["Aarsal\tعرسال", "Flita\tفليطة", "last line without newline"]);
    expect(bytes.at(-1)).toBe(text.length);
  });

  it("drops a byte-order mark and carriage returns", async () => {
    const { lines } = await collect([Buffer.from("\uFEFFone\r\ntwo\r\n")]);
    expect(lines).toEqual(["one", "two"]);
  });

  it("gives up on a line longer than any GeoNames line rather than buffering it", async () => {
    await expect(collect([Buffer.alloc(2 * 1024 * 1024, "x")])).rejects.toThrow(/line longer than 1 MB/);
  });
});
