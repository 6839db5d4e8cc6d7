import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CorpusEvent } from "../corpus/types.js";
import { TextSink, corpusEvent } from "../test-support/corpus-events.js";
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "./index.js";

describe("exportEvents", () => {
  it("offers the four formats", () => {
    expect(EXPORT_FORMATS).toEqual(["acled-csv", "geojson", "plover-jsonl", "jsonl"]);
  });

  it.each(EXPORT_FORMATS)("%s: reads an async iterable as well as an array, and leaves the output open", async (format) => {
    const events = [corpusEvent({ id: "a" }), corpusEvent({ id: "b" })];
    async function* later(): AsyncGenerator<CorpusEvent> {
      yield* events;
    }
    const fromArray = new TextSink();
    const fromGenerator = new TextSink();
    expect(await exportEvents(format, events, fromArray)).toEqual({ written: 2, skipped: 0 });
    expect(await exportEvents(format, later(), fromGenerator)).toEqual({ written: 2, skipped: 0 });
    expect(fromGenerator.text).toBe(fromArray.text);
    expect(fromArray.text).not.toBe("");
    expect(fromArray.writableEnded).toBe(false);
  });

  it.each(EXPORT_FORMATS)("%s: waits for a slow output instead of reading the whole corpus ahead", async (format) => {
    const total = 2000;
    let produced = 0;
    let consumed = 0;
    let maxLead = 0;
    async function* events(): AsyncGenerator<CorpusEvent> {
      for (let index = 0; index < total; index += 1) {
        produced += 1;
        maxLead = Math.max(maxLead, produced - consumed);
        yield corpusEvent({ id: `cl-${index}` });
      }
    }
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        // Every record ends its line, so line ends count the events that have reached the output.
        consumed += chunk.toString("utf8").split("\n").length - 1;
        setImmediate(done);
      },
    });
    const counts = await exportEvents(format, events(), slow);
    expect(counts.written).toBe(total);
    expect(maxLead).toBeLessThan(100);
  });

  it("rejects when the event source fails, with the source's error", async () => {
    async function* failing(): AsyncGenerator<CorpusEvent> {
      yield corpusEvent();
      throw new Error("store went away");
    }
    await expect(exportEvents("jsonl", failing(), new TextSink())).rejects.toThrow("store went away");
  });

  it("refuses a format it does not have, naming the formats it has", async () => {
    await expect(exportEvents("kml" as ExportFormat, [corpusEvent()], new TextSink())).rejects.toThrow(/acled-csv, geojson, plover-jsonl, jsonl.*"kml"/);
  });

  it("rejects when the output fails", async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error("disk full"));
      },
    });
    await expect(exportEvents("geojson", [corpusEvent()], broken)).rejects.toThrow("disk full");
  });
});
