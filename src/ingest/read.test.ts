import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileBytes, readStreamBytes } from "./read.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;

describe("readFileBytes", () => {
  it("reads a file's bytes as they are", async () => {
    const path = join(dir, "report.txt");
    await writeFile(path, Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xc7, 0x0a]));
    expect([...(await readFileBytes(path, { maxBytes: 100 }))]).toEqual([0xef, 0xbb, 0xbf, 0x41, 0xc7, 0x0a]);
  });

  it("says which file is missing", async () => {
    const path = join(dir, "missing.txt");
    await expect(readFileBytes(path, { maxBytes: 100 })).rejects.toMatchObject({
      code: "input-not-found",
      message: `no such file: ${path}`,
    });
  });

  it("refuses a directory", async () => {
    await expect(readFileBytes(dir, { maxBytes: 100 })).rejects.toMatchObject({ code: "input-unreadable" });
  });

  it("refuses a file over the limit from its size alone", async () => {
    // A sparse 200 MB file: reading it would take seconds and 200 MB of memory, stat takes neither.
    const path = join(dir, "huge.txt");
    await writeFile(path, "");
    await truncate(path, 200 * MB);
    const started = performance.now();
    await expect(readFileBytes(path, { maxBytes: 16 * MB })).rejects.toMatchObject({
      code: "input-too-large",
      message: `${path} is 200.0 MB; the limit is 16.0 MB (raise it with --max-bytes)`,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.skipIf(process.platform === "win32")("caps a device that has no size, such as /dev/zero", async () => {
    await expect(readFileBytes("/dev/zero", { maxBytes: 4096 })).rejects.toMatchObject({
      code: "input-too-large",
      message: "/dev/zero is larger than the limit of 4.0 KB (raise it with --max-bytes)",
    });
  });
});

describe("readStreamBytes", () => {
  it("concatenates chunks, strings included", async () => {
    const stream = Readable.from([Uint8Array.from([0x41]), "é", Buffer.from("z")]);
    expect(Buffer.from(await readStreamBytes(stream, { maxBytes: 10, label: "stdin" })).toString()).toBe("Aéz");
  });

  it("stops at the first chunk past the limit", async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        pulled += 1;
        yield new Uint8Array(1024);
      }
    }
    await expect(readStreamBytes(endless(), { maxBytes: 4096, label: "stdin" })).rejects.toMatchObject({
      code: "input-too-large",
      message: "stdin is larger than the limit of 4.0 KB (raise it with --max-bytes)",
    });
    expect(pulled).toBe(5);
  });

  it("reports a failing stream as unreadable", async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error("EIO: i/o error"));
      },
    });
    await expect(readStreamBytes(failing, { maxBytes: 10, label: "stdin" })).rejects.toMatchObject({
      code: "input-unreadable",
      message: "cannot read stdin: EIO: i/o error",
    });
  });
});
