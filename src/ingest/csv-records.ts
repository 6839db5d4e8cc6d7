/**
 * A CSV file of articles (a dataset export, a spreadsheet) read as a stream of
 * records like those of JSON Lines, its columns found by name through an
 * alias table. A bad row is reported with its line number and the rest carry
 * on, as in JSONL: one broken row must not cost the file.
 */
import { Readable, pipeline } from "node:stream";
import { finished } from "node:stream/promises";
import { parse, type CsvError, type Info } from "csv-parse";
import { SitrepError } from "../model/errors.js";
import type { JsonlRecord } from "./jsonl.js";
import { normalisePublished } from "./metadata.js";
import { formatBytes } from "./size.js";
import { firstInvalidUtf8Offset } from "./utf8.js";

export type CsvRow =
  /** `notes` say what the row gave that could not be used, and why (a date left out). */
  | { line: number; record: JsonlRecord; notes: string[] }
  | { line: number; error: SitrepError; id: string | null };

export interface CsvOptions {
  /** Names the file in messages. */
  label: string;
  /** A row larger than this is refused without being held in memory whole. */
  maxRecordBytes: number;
}

type Field = keyof JsonlRecord;

/**
 * The header names each field is read from, in order of preference. Headers
 * match ignoring case, surrounding spaces, and spaces or hyphens for
 * underscores ("Published At" is published_at). Other columns are ignored.
 */
export const COLUMN_ALIASES: Readonly<Record<Field, readonly string[]>> = {
  text: ["text", "content", "article_content", "body", "article"],
  html: ["html"],
  url: ["url", "link"],
  title: ["title", "article_title", "headline"],
  published: ["published", "date", "pubdate", "published_at"],
  outlet: ["outlet", "source", "publisher"],
  id: ["id", "unit_id", "guid"],
  language: ["language", "lang"],
};

const CONTENT_FIELDS = ["text", "html", "url"] as const;
const METADATA_FIELDS = ["title", "outlet"] as const;

/** "4/5/2017", optionally with a time: the numeric dates spreadsheets write, in an order the file must settle. */
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

type DateOrder = "month-first" | "day-first";

/**
 * `open` is called once to read the rows, and once more, only if the file
 * writes numeric dates such as 4/5/2017, to find out from the file itself
 * whether they are month/day (as US spreadsheets write them) or day/month:
 * the first date with a number above 12 settles it. Guessing instead would
 * date every event of a day-first file to the wrong month, without a word.
 */
export async function* readCsvRecords(
  open: () => AsyncIterable<Uint8Array | string>,
  options: CsvOptions,
): AsyncGenerator<CsvRow> {
  const rows = parseRows(open(), options);
  let columns: Map<Field, number> | null = null;
  let width = 0;
  let dateOrder: DateOrder | null | undefined;
  let lastLine = 0;
  for await (const row of rows) {
    if ("error" in row) {
      yield { line: row.line, error: rowError(row, width, lastLine, options), id: null };
      continue;
    }
    lastLine = row.endLine;
    if (columns === null) {
      columns = mapColumns(row.cells, options.label);
      width = row.cells.length;
      continue;
    }
    const published = cell(row.cells, columns, "published");
    if (published !== undefined && dateOrder === undefined && SLASH_DATE.test(published)) {
      dateOrder = await detectDateOrder(open(), columns.get("published") ?? 0, options);
    }
    yield readRow(row.cells, row.line, columns, dateOrder ?? null, options.label);
  }
  if (columns === null) throw new SitrepError("input-empty", `${options.label} is empty: it has not even a header row`);
}

interface ParsedRecord {
  /** The line the row starts on. */
  line: number;
  endLine: number;
  cells: string[];
}

interface ParseProblem {
  line: number;
  error: CsvError;
}

/**
 * Rows in line order, with csv-parse's own complaints about malformed rows
 * among them. Those come through a callback, possibly before rows parsed
 * ahead of them have been read, so they wait in a queue for their turn.
 */
async function* parseRows(source: AsyncIterable<Uint8Array | string>, options: CsvOptions): AsyncGenerator<ParsedRecord | ParseProblem> {
  const problems: ParseProblem[] = [];
  let previousProblemLine = 0;
  const tooLarge: { at: Stop | null } = { at: null };
  const parser = parse({
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: options.maxRecordBytes,
    on_skip: (error) => {
      if (error === undefined) return undefined;
      // A quote out of place is reported once for every quote that follows it on the line.
      const line = startLine(Number(error.lines), cellsOf(error));
      // csv-parse drops what it holds of the input when a row outgrows the limit: nothing after it can be trusted.
      if (error.code === "CSV_MAX_RECORD_SIZE") {
        const limit = formatBytes(options.maxRecordBytes);
        const message = `${options.label} line ${line} holds a row larger than ${limit}; the rest of the file was not read (raise the limit with --max-bytes)`;
        tooLarge.at ??= { line, error: new SitrepError("input-too-large", message) };
      } else if (line !== previousProblemLine) problems.push({ line, error });
      previousProblemLine = line;
      return undefined;
    },
  });
  const text = new NormalisedText(options.label);
  const input = Readable.from(text.read(source), { objectMode: false });
  // The callback has nothing to do: an error in either stream reaches the loop below through the parser.
  pipeline(input, parser, () => {});
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = startLine(info.lines, record);
      if (tooLarge.at !== null && line >= tooLarge.at.line) break;
      while (problems[0] !== undefined && problems[0].line < line) yield problems.shift() as ParseProblem;
      yield { line, endLine: info.lines, cells: record };
    }
  } finally {
    // Stopping early (a row too large, a reader that has seen enough) closes the file before
    // this returns, rather than a few ticks later. Its premature-close error says only that.
    input.destroy();
    await finished(input).catch(() => undefined);
  }
  const stop = tooLarge.at ?? text.invalid;
  // What the parser says past the point where reading stopped is about the cut, not the file.
  yield* stop === null ? problems : problems.filter((problem) => problem.line < stop.line);
  if (stop !== null) throw stop.error;
}

/** Where a file stopped being read, and why. */
interface Stop {
  line: number;
  error: SitrepError;
}

/** The fields csv-parse had read when it gave up on a row, when it says. */
function cellsOf(error: CsvError): string[] | undefined {
  const { record } = error;
  return Array.isArray(record) ? record.map(String) : undefined;
}

/** csv-parse counts the line a row ends on; a row starts as many lines earlier as its fields hold line breaks. */
function startLine(endLine: number, cells: readonly string[] | undefined): number {
  const breaks = cells?.reduce((count, cell) => count + countLines(cell), 0) ?? 0;
  return endLine - breaks;
}

/**
 * The file as text with CRLF line breaks turned into LF. csv-parse counts a
 * CRLF inside a quoted field as two lines, which would put every later line
 * number off; and a Windows line break inside an article is a line break
 * all the same.
 *
 * Bytes that are not UTF-8 end the text at the start of their line, rather
 * than being read as U+FFFD in every row that follows: the rows before them
 * are still read, then `invalid` says where it stopped. Ending the stream
 * with an error instead would lose the rows the parser holds.
 */
class NormalisedText {
  invalid: Stop | null = null;
  private line = 1;
  private carriedReturn = false;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(private readonly label: string) {}

  async *read(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
    for await (const chunk of source) {
      const text = this.normalise(typeof chunk === "string" ? chunk : this.decode(chunk));
      if (text !== "") yield text;
      if (this.invalid !== null) return;
    }
    const rest = this.normalise(this.decode());
    yield rest + (this.carriedReturn ? "\r" : "");
  }

  private decode(chunk?: Uint8Array): string {
    try {
      return chunk === undefined ? this.decoder.decode() : this.decoder.decode(chunk, { stream: true });
    } catch (error) {
      const offset = chunk === undefined ? 0 : Math.max(firstInvalidUtf8Offset(chunk), 0);
      const valid = new TextDecoder().decode(chunk?.subarray(0, offset));
      const line = this.line + countLines(valid);
      const message = `${this.label} line ${line} is not valid UTF-8; the rest of the file was not read (save it as UTF-8)`;
      this.invalid = { line, error: new SitrepError("input-encoding", message, { cause: error }) };
      return valid.slice(0, valid.lastIndexOf("\n") + 1);
    }
  }

  private normalise(text: string): string {
    const joined = (this.carriedReturn ? "\r" : "") + text;
    // A CR ending a chunk may be the first half of a CRLF split across chunks.
    this.carriedReturn = joined.endsWith("\r");
    const converted = (this.carriedReturn ? joined.slice(0, -1) : joined).replace(/\r\n/g, "\n");
    this.line += countLines(converted);
    return converted;
  }
}

function countLines(text: string): number {
  return text.match(/\n/g)?.length ?? 0;
}

function mapColumns(header: readonly string[], label: string): Map<Field, number> {
  const names = header.map((name) => name.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  const columns = new Map<Field, number>();
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as [Field, readonly string[]][]) {
    const index = aliases.map((alias) => names.indexOf(alias)).find((found) => found !== -1);
    if (index !== undefined) columns.set(field, index);
  }
  if (!CONTENT_FIELDS.some((field) => columns.has(field))) {
    const wanted = CONTENT_FIELDS.flatMap((field) => COLUMN_ALIASES[field]).join(", ");
    const found = header.map((name) => JSON.stringify(name)).join(", ");
    throw new SitrepError(
      "input-format",
      `${label} has no column to read articles from: it needs one named ${wanted}; its header row has ${found}`,
    );
  }
  return columns;
}

function cell(cells: readonly string[], columns: ReadonlyMap<Field, number>, field: Field): string | undefined {
  const index = columns.get(field);
  const value = index === undefined ? undefined : cells[index]?.trim();
  // Exporters write an empty cell where JSON would have null.
  return value === "" ? undefined : value;
}

function readRow(
  cells: readonly string[],
  line: number,
  columns: ReadonlyMap<Field, number>,
  order: DateOrder | null,
  label: string,
): CsvRow {
  const id = cell(cells, columns, "id") ?? null;
  const record: JsonlRecord = { id };
  // The article's text is kept as written: its offsets are the analysis's offsets.
  const textIndex = columns.get("text");
  const text = textIndex === undefined ? undefined : cells[textIndex];
  if (text !== undefined && text.trim() !== "") record.text = text;
  else {
    const html = cell(cells, columns, "html");
    if (html !== undefined) record.html = html;
  }
  const url = cell(cells, columns, "url");
  if (url !== undefined) record.url = url;
  if (record.text === undefined && record.html === undefined && record.url === undefined) {
    const message = `${label} line ${line}: the row has no text, html or url`;
    return { line, error: new SitrepError("csv-invalid-row", message), id };
  }
  for (const field of METADATA_FIELDS) {
    const value = cell(cells, columns, field);
    if (value !== undefined) record[field] = value;
  }
  const notes: string[] = [];
  const language = cell(cells, columns, "language");
  if (language !== undefined) {
    // The analysis refuses a document whose language is not a code; a column of "English" must not cost every row.
    const code = language.toLowerCase().split(/[-_]/)[0] ?? "";
    if (/^[a-z]{2,3}$/.test(code)) record.language = code;
    else notes.push(`${label} line ${line}: the language ${JSON.stringify(language)} is left out: it is not an ISO 639 code (fr, en, ar)`);
  }
  const published = cell(cells, columns, "published");
  if (published !== undefined) {
    const date = readDate(published, order, label);
    if ("date" in date) record.published = date.date;
    else notes.push(`${label} line ${line}: ${date.note}`);
  }
  return { line, record, notes };
}

function readDate(value: string, order: DateOrder | null, label: string): { date: string } | { note: string } {
  const iso = normalisePublished(value);
  if (iso !== null) return { date: iso };
  const parts = SLASH_DATE.exec(value);
  if (parts === null) {
    return { note: `the date ${JSON.stringify(value)} is left out: it is neither ISO 8601, RFC 2822 nor a numeric date like 4/5/2017` };
  }
  const [, first = "", second = "", year = "", hour, minute, seconds = "00"] = parts;
  if (order === null) {
    return { note: `the date ${JSON.stringify(value)} is left out: no date in ${label} shows whether it is month/day or day/month` };
  }
  const [month, day] = order === "month-first" ? [first, second] : [second, first];
  const time = hour === undefined ? "" : `T${hour.padStart(2, "0")}:${minute ?? "00"}:${seconds}`;
  const date = normalisePublished(`${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}${time}`);
  if (date !== null) return { date };
  const reading = order === "month-first" ? "month/day" : "day/month";
  return { note: `the date ${JSON.stringify(value)} is left out: it is not a valid ${reading} date, which the file's other dates are` };
}

/** The order the file's numeric dates are in, from the first one that can only be read one way; null when none can. */
async function detectDateOrder(source: AsyncIterable<Uint8Array | string>, column: number, options: CsvOptions): Promise<DateOrder | null> {
  let header = true;
  try {
    for await (const row of parseRows(source, options)) {
      if ("error" in row) continue;
      if (header) {
        header = false;
        continue;
      }
      const parts = SLASH_DATE.exec(row.cells[column]?.trim() ?? "");
      if (parts === null) continue;
      if (Number(parts[1]) > 12) return "day-first";
      if (Number(parts[2]) > 12) return "month-first";
    }
  } catch (error) {
    // The reading pass meets the same failure at the same row and reports it there.
    if (!(error instanceof SitrepError)) throw error;
  }
  return null;
}

function rowError(problem: ParseProblem, width: number, lastLine: number, options: CsvOptions): SitrepError {
  const { line, error } = problem;
  const at = `${options.label} line ${line}`;
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const fields = cellsOf(error)?.length ?? "a different number of";
      return new SitrepError("csv-invalid-row", `${at}: the row has ${fields} fields where the header has ${width} (an unquoted comma in a field?)`);
    }
    case "CSV_INVALID_CLOSING_QUOTE":
      return new SitrepError("csv-invalid-row", `${at}: a quote inside a quoted field is not doubled (write "" for a quote)`);
    case "CSV_QUOTE_NOT_CLOSED":
      return new SitrepError(
        "csv-invalid-row",
        `${at}: the file ends inside a quoted field opened after line ${lastLine}; the lines in between were read into it`,
      );
    default:
      return new SitrepError("csv-invalid-row", `${at}: ${error.message}`);
  }
}
