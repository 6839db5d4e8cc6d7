import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseJsonlLine, readJsonlLines, type JsonlLine } from "./jsonl.js";

const errorOf = (entry: JsonlLine) =>
  "error" in entry ? { code: entry.error.code, message: entry.error.message, id: entry.id } : null;

describe("parseJsonlLine", () => {
  it("reads a record, normalising the date and ignoring unknown fields", () => {
    const raw = JSON.stringify({
      id: "a1",
      text: "Clashes near Arsal",
      published: "2015-05-15T10:00:00+0300",
      outlet: "SANA",
      language: "en",
      title: "T",
      extra: [1],
    });
    expect(parseJsonlLine(raw, 4)).toEqual({
      line: 4,
      record: {
        id: "a1",
        text: "Clashes near Arsal",
        published: "2015-05-15T10:00:00+03:00",
        outlet: "SANA",
        language: "en",
        title: "T",
      },
    });
    expect(parseJsonlLine('{"url":"https://example.org/a","html":null}', 1)).toEqual({
      line: 1,
      record: { id: null, url: "https://example.org/a" },
    });
  });

  it("says what is wrong with a line, with the record's id when it has one", () => {
    expect(errorOf(parseJsonlLine("{not json", 3))).toMatchObject({ code: "jsonl-invalid-line", id: null });
    expect(errorOf(parseJsonlLine("{not json", 3))?.message).toMatch(/^line 3: not valid JSON \(/);
    expect(errorOf(parseJsonlLine("[1,2]", 3))?.message).toBe("line 3: expected a JSON object, found an array");
    expect(errorOf(parseJsonlLine('"text"', 3))?.message).toBe("line 3: expected a JSON object, found a string");
    expect(errorOf(parseJsonlLine('{"id":"x"}', 3))).toEqual({
      code: "jsonl-invalid-line",
      message: 'line 3: expected a "text" or an "html" (or only a "url" to fetch), found none',
      id: "x",
    });
    expect(errorOf(parseJsonlLine('{"text":"a","html":"<p>a</p>"}', 3))?.message).toBe(
      'line 3: expected a "text" or an "html" (or only a "url" to fetch), found "text" and "html"',
    );
    // A URL beside the text says where the text came from.
    expect(parseJsonlLine('{"text":"a","url":"https://example.org/a"}', 3)).toEqual({ line: 3, record: { id: null, text: "a", url: "https://example.org/a" } });
    expect(errorOf(parseJsonlLine('{"id":"y","text":"a","outlet":7}', 3))).toEqual({
      code: "jsonl-invalid-line",
      message: 'line 3: "outlet" must be a string, found a number',
      id: "y",
    });
    expect(errorOf(parseJsonlLine('{"id":12,"text":"a"}', 3))).toMatchObject({
      message: 'line 3: "id" must be a string, found a number',
      id: null,
    });
    expect(errorOf(parseJsonlLine('{"id":"z","text":"a","published":"15/05/2015"}', 3))).toEqual({
      code: "jsonl-invalid-line",
      message: 'line 3: "published" is not an ISO 8601 date or date-time: "15/05/2015"',
      id: "z",
    });
  });
});

describe("readJsonlLines", () => {
  async function read(stream: AsyncIterable<Uint8Array> | NodeJS.ReadableStream, maxLineBytes = 1000): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const entry of readJsonlLines(stream, { maxLineBytes })) {
      out.push("record" in entry ? [entry.line, entry.record.id] : [entry.line, errorOf(entry)]);
    }
    return out;
  }

  it("streams records, counting but skipping blank lines, and reads a last line without a newline", async () => {
    const input = '\ufeff{"id":"a","text":"x"}\r\n\n   \n{"id":"b","url":"https://example.org"}\n{"id":"c","html":"<p>c</p>"}';
    expect(await read(Readable.from([Buffer.from(input)]))).toEqual([
      [1, "a"],
      [4, "b"],
      [5, "c"],
    ]);
  });

  it("turns a line that is not UTF-8 or too long into an error entry and carries on", async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('{"id":"a","text":"x"}\n{"text":"');
      yield Uint8Array.from([0xc7, 0x41]);
      yield Buffer.from(`"}\n{"text":"${"x".repeat(2000)}"}\n{"id":"d","text":"y"}\n`);
    }
    expect(await read(chunks(), 100)).toEqual([
      [1, "a"],
      [2, { code: "input-encoding", message: "line 2 is not valid UTF-8 (first invalid byte at offset 9 of the line)", id: null }],
      [3, { code: "input-too-large", message: "line 3 is 2.0 KB; the limit for one line is 100 bytes", id: null }],
      [4, "d"],
    ]);
  });

  it("reports a stream that fails as unreadable", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('{"text":"a"}\n');
      throw new Error("EIO: i/o error");
    }
    await expect(read(failing())).rejects.toMatchObject({
      code: "input-unreadable",
      message: "cannot read the JSONL input: EIO: i/o error",
    });
  });
});
