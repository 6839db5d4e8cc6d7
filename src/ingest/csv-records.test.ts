import { describe, expect, it } from "vitest";
import { readCsvRecords, type CsvRow } from "./csv-records.js";

const options = { label: "articles.csv", maxRecordBytes: 64 * 1024 };

/** The file as a stream of `chunkSize`-byte chunks, to split CRLFs and UTF-8 sequences the way a real stream may. */
function source(csv: string | Uint8Array, chunkSize = 7): () => AsyncIterable<Uint8Array> {
  const bytes = typeof csv === "string" ? new TextEncoder().encode(csv) : csv;
  return async function* () {
    for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.slice(at, at + chunkSize);
  };
}

async function rows(csv: string | Uint8Array, chunkSize?: number): Promise<CsvRow[]> {
  const found: CsvRow[] = [];
  for await (const row of readCsvRecords(source(csv, chunkSize), options)) found.push(row);
  return found;
}

function crlf(lines: readonly string[]): string {
  return `${lines.join("\r\n")}\r\n`;
}

describe("readCsvRecords", () => {
  it("maps the columns of a dataset export (unit_id, article_title, article_content, source, date)", async () => {
    const csv = crlf([
      "unit_id,article_title,article_content,source,date,location,labels",
      '101,Shelling in Duma,"Shelling hit Duma on Tuesday.\r\nThe ""local council"" said seven died.",examplenews,4/5/2017,duma,1',
      "102,Convoy reaches Madaya,A convoy reached Madaya.,otherwire,10/23/2017,madaya,0",
      "103,,Talks resumed in Astana.,,,,0",
    ]);
    expect(await rows(csv)).toEqual([
      {
        line: 2,
        record: {
          id: "101",
          text: 'Shelling hit Duma on Tuesday.\nThe "local council" said seven died.',
          title: "Shelling in Duma",
          outlet: "examplenews",
          published: "2017-04-05",
        },
        notes: [],
      },
      {
        line: 4,
        record: { id: "102", text: "A convoy reached Madaya.", title: "Convoy reaches Madaya", outlet: "otherwire", published: "2017-10-23" },
        notes: [],
      },
      { line: 5, record: { id: "103", text: "Talks resumed in Astana." }, notes: [] },
    ]);
  });

  it("reads numeric dates day/month when a date in the file can only be read that way", async () => {
    const csv = crlf(["text,date", "One.,4/5/2017", "Two.,23/4/2017 9:30", "Three.,2017-06-01T10:00:00+03:00"]);
    expect((await rows(csv)).map((row) => ("record" in row ? row.record.published : row.error.message))).toEqual([
      "2017-05-04",
      "2017-04-23T09:30:00",
      "2017-06-01T10:00:00+03:00",
    ]);
  });

  it("leaves out a date it cannot read, or cannot read one way only, and says why", async () => {
    const csv = crlf(["text,published", "One.,4/5/2017", "Two.,yesterday"]);
    const found = await rows(csv);
    expect(found.map((row) => "record" in row && row.record.published)).toEqual([undefined, undefined]);
    expect(found.map((row) => "notes" in row && row.notes)).toEqual([
      ['articles.csv line 2: the date "4/5/2017" is left out: no date in articles.csv shows whether it is month/day or day/month'],
      ['articles.csv line 3: the date "yesterday" is left out: it is neither ISO 8601, RFC 2822 nor a numeric date like 4/5/2017'],
    ]);
  });

  it("leaves out a date that contradicts the order the rest of the file settled", async () => {
    const csv = crlf(["text,date", "One.,10/23/2017", "Two.,23/10/2017"]);
    const [, second] = await rows(csv);
    expect(second).toMatchObject({ line: 3, record: { text: "Two." }, notes: [expect.stringContaining("not a valid month/day date")] });
  });

  it("matches headers whatever their case, spacing and separators, preferring the first alias", async () => {
    const csv = crlf([" Headline ,Body,Published At,Link,Lang,Publisher,GUID,content", "Title,Body text.,2015-05-15,https://example.org/a,fr,Outlet,g-1,ignored"]);
    expect(await rows(csv)).toEqual([
      {
        line: 2,
        record: {
          id: "g-1",
          text: "ignored",
          url: "https://example.org/a",
          title: "Title",
          published: "2015-05-15",
          outlet: "Outlet",
          language: "fr",
        },
        notes: [],
      },
    ]);
  });

  it("reads a language tag as its language code, and leaves out a language name", async () => {
    const csv = crlf(["text,language", "One.,en-GB", "Two.,FR", "Three.,English"]);
    const found = await rows(csv);
    expect(found.map((row) => "record" in row && row.record.language)).toEqual(["en", "fr", undefined]);
    expect(found[2]).toMatchObject({ notes: ['articles.csv line 4: the language "English" is left out: it is not an ISO 639 code (fr, en, ar)'] });
  });

  it("reads HTML or a URL when the row has no text", async () => {
    const csv = crlf(["text,html,url", ",<p>Hello</p>,https://example.org/a", ",,https://example.org/b"]);
    expect((await rows(csv)).map((row) => "record" in row && row.record)).toEqual([
      { id: null, html: "<p>Hello</p>", url: "https://example.org/a" },
      { id: null, url: "https://example.org/b" },
    ]);
  });

  it("reports bad rows with their line numbers and carries on", async () => {
    const csv = crlf([
      "id,text",
      'a,"first\r\nline"',
      "b,too,many",
      'c,"a quote "here" unescaped"',
      "d,",
      "",
      "e,last",
    ]);
    const found = await rows(csv);
    expect(found.map((row) => ("record" in row ? `${row.line} ${row.record.id}` : `${row.line} ${row.error.code}: ${row.error.message}`))).toEqual([
      "2 a",
      "4 csv-invalid-row: articles.csv line 4: the row has 3 fields where the header has 2 (an unquoted comma in a field?)",
      '5 csv-invalid-row: articles.csv line 5: a quote inside a quoted field is not doubled (write "" for a quote)',
      "6 csv-invalid-row: articles.csv line 6: the row has no text, html or url",
      "8 e",
    ]);
  });

  it("says where a quoted field that never closes began", async () => {
    const found = await rows(crlf(["id,text", "a,fine", 'b,"never closed', "c,swallowed"]));
    expect(found.at(-1)).toMatchObject({
      error: { code: "csv-invalid-row", message: expect.stringContaining("a quoted field opened after line 2") },
    });
  });

  it("stops at a row over the size limit, after the rows before it", async () => {
    const big = "x".repeat(options.maxRecordBytes + 10);
    const found: CsvRow[] = [];
    const reading = (async () => {
      for await (const row of readCsvRecords(source(crlf(["id,text", "a,first", `b,${big}`, "c,next"]), 4096), options)) found.push(row);
    })();
    await expect(reading).rejects.toMatchObject({
      code: "input-too-large",
      message: "articles.csv line 3 holds a row larger than 64.0 KB; the rest of the file was not read (raise the limit with --max-bytes)",
    });
    expect(found).toMatchObject([{ line: 2, record: { id: "a" } }]);
  });

  it("needs a column to read articles from", async () => {
    await expect(rows(crlf(["id,headline", "1,Title"]))).rejects.toMatchObject({
      code: "input-format",
      message: expect.stringMatching(/^articles\.csv has no column to read articles from: it needs one named text, content, .* its header row has "id", "headline"$/),
    });
  });

  it("stops at bytes that are not UTF-8, after the rows before them", async () => {
    const head = new TextEncoder().encode(crlf(["id,text", "a,Alep", "b,Homs"]));
    const bytes = new Uint8Array([...head, ...new TextEncoder().encode("c,"), 0xe9, 0x0d, 0x0a]);
    const found: CsvRow[] = [];
    const reading = (async () => {
      for await (const row of readCsvRecords(source(bytes, 1024), options)) found.push(row);
    })();
    await expect(reading).rejects.toMatchObject({ code: "input-encoding", message: expect.stringContaining("articles.csv line 4 is not valid UTF-8") });
    expect(found.map((row) => row.line)).toEqual([2, 3]);
  });

  it("keeps UTF-8 characters split across chunks and drops a byte order mark", async () => {
    const found = await rows(`\ufefftext,title\r\nالقصف على حلب,"Bombardement à Alep"\r\n`, 1);
    expect(found).toEqual([{ line: 2, record: { id: null, text: "القصف على حلب", title: "Bombardement à Alep" }, notes: [] }]);
  });

  it("streams: the first row comes before the file is read, and stopping early closes the source", async () => {
    let chunks = 0;
    let closed = false;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        yield new TextEncoder().encode("id,text\n");
        for (let i = 0; i < 1_000_000; i++) {
          chunks += 1;
          yield new TextEncoder().encode(`${i},Report number ${i}.\n`);
        }
      } finally {
        closed = true;
      }
    }
    for await (const row of readCsvRecords(endless, options)) {
      expect(row).toMatchObject({ line: 2, record: { id: "0" } });
      break;
    }
    expect(chunks).toBeLessThan(10_000);
    expect(closed).toBe(true);
  });

  it("refuses an empty file", async () => {
    await expect(rows("")).rejects.toMatchObject({ code: "input-empty" });
  });
});
