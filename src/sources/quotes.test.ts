import { describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import type { Doc } from "../model/document.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { findQuotes, type QuoteFinding } from "./quotes.js";

async function docOf(text: string, language = "fr"): Promise<Doc> {
  return runPipeline(createTextStages(), await ingestDocument({ text }, { metadata: { language } }));
}

async function quotes(text: string, language = "fr"): Promise<QuoteFinding[]> {
  const doc = await docOf(text, language);
  const found = findQuotes(doc);
  for (const quote of found) {
    expect(text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quote.inner.start).toBeGreaterThan(quote.start);
    expect(quote.inner.end).toBeLessThanOrEqual(quote.end);
  }
  return found;
}

const inner = (text: string, quote: QuoteFinding | undefined): string => (quote === undefined ? "" : text.slice(quote.inner.start, quote.inner.end));

describe("findQuotes", () => {
  it("finds French guillemets with and without inner spaces, marks in the span and not in the inner words", async () => {
    const text = "« Il n’y a pas eu de combats », ont confié des résistants. «Non», dit-il.";
    const found = await quotes(text);
    expect(found.map((quote) => quote.text)).toEqual(["« Il n’y a pas eu de combats »", "«Non»"]);
    expect(found.map((quote) => inner(text, quote))).toEqual(["Il n’y a pas eu de combats", "Non"]);
    expect(found.every((quote) => quote.closed && quote.by === "sources:quote-marks")).toBe(true);
  });

  it("finds English curly and straight quotes, and two apostrophes as one double mark", async () => {
    const text = "“We will not retreat,” he said. \"Never,\" she said. ''You'd have to be insane,'' he said.";
    const found = await quotes(text, "en");
    expect(found.map((quote) => quote.text)).toEqual(["“We will not retreat,”", '"Never,"', "''You'd have to be insane,''"]);
    expect(inner(text, found[2])).toBe("You'd have to be insane,");
  });

  it("returns the outer quotation of nested ones", async () => {
    const english = "“He called it ‘genocide’ and left,” an aide said.";
    expect((await quotes(english, "en")).map((quote) => quote.text)).toEqual(["“He called it ‘genocide’ and left,”"]);
    const french = "« Il a parlé de “trahison” hier », dit-il.";
    expect((await quotes(french)).map((quote) => quote.text)).toEqual(["« Il a parlé de “trahison” hier »"]);
  });

  it("never takes an apostrophe for a quotation mark", async () => {
    expect(await quotes("L’armée n’a pas reculé, dit l’agence d’Alep.")).toEqual([]);
    expect(await quotes("They don’t know the players’ union or the ’90s.", "en")).toEqual([]);
  });

  it("takes ‘…’ as a quotation only when both marks stand where a quotation's would", async () => {
    const text = "He called the strikes ‘genocide’ on Monday.";
    expect((await quotes(text, "en")).map((quote) => quote.text)).toEqual(["‘genocide’"]);
  });

  it("pairs a curly opening mark with a straight closing one", async () => {
    const text = "“If she does the right thing, they will vote for her,\" Sanders said.";
    expect((await quotes(text, "en")).map((quote) => quote.text)).toEqual(["“If she does the right thing, they will vote for her,\""]);
  });

  it("runs an unclosed quotation to the end of its paragraph", async () => {
    const text = "« Nous resterons ici jusqu’au bout, a dit le commandant.\n\nLe lendemain, les combats ont repris.";
    const found = await quotes(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ closed: false, by: "sources:quote-unclosed", start: 0, end: text.indexOf("\n") });
    expect(inner(text, found[0])).toBe("Nous resterons ici jusqu’au bout, a dit le commandant.");
  });

  it("finds Arabic quotations", async () => {
    const text = "وأضاف المتحدث: «لن نتراجع». وقال مصدر “القوات تقدمت” أمس.";
    expect((await quotes(text, "ar")).map((quote) => quote.text)).toEqual(["«لن نتراجع»", "“القوات تقدمت”"]);
  });

  it("stays linear on runs of marks", async () => {
    // Quotations are found in the text alone: no need to segment a hundred thousand marks first.
    const text = `${"« ".repeat(50_000)}x ${"” ".repeat(50_000)}${"« x » ".repeat(20_000)}`;
    const doc = await ingestDocument({ text });
    const started = performance.now();
    findQuotes(doc);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
