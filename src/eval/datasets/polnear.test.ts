import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isPolnearSplit, parsePolnearAnn, readPolnearSplit } from "./polnear.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/polnear/dev", import.meta.url));

describe("PolNeAR reader", () => {
  it("reads a split: articles with every annotator's file, sorted, and annotation files without text set aside", async () => {
    expect(isPolnearSplit(FIXTURE)).toBe(true);
    const split = await readPolnearSplit(FIXTURE);
    expect(split.articles.map((article) => [article.id, article.annotations.map((annotation) => annotation.annotator)])).toEqual([
      ["post_2016-01-02_aid-convoy", ["cc33"]],
      ["wire_2016-01-01_ceasefire-talks", ["aa11", "bb22"]],
    ]);
    expect(split.orphans).toEqual(["ghost_2016-01-03_no-text_aa11.ann"]);
  });

  it("keeps Source, Cue and Content spans with their fragments, and the attributions that join them", async () => {
    const [, talks] = (await readPolnearSplit(FIXTURE)).articles;
    const annotation = talks?.annotations[0];
    const text = talks?.text ?? "";
    const span = (id: string) => annotation?.spans.find((candidate) => candidate.id === id);
    expect(span("T2")).toMatchObject({ role: "Source", fragments: [{ start: text.indexOf("the envoy"), end: text.indexOf("the envoy") + 9 }] });
    // A quotation split by its attribution is one discontinuous Content.
    expect(span("T5")?.fragments.map((fragment) => text.slice(fragment.start, fragment.end))).toEqual(['"The guns must fall silent,"', '"and the roads must open."']);
    expect(annotation?.attributions).toEqual([
      { id: "E1", source: "T2", cue: "T3", content: "T1" },
      { id: "E2", source: "T6", cue: "T7", content: "T5" },
      { id: "E3", source: "T10", cue: "T9", content: "T11" },
    ]);
    // The Discuss span's text held newlines: the lines after it are skipped, not read as annotations.
    expect(annotation?.ignored).toEqual({ Attribution: 3, Discuss: 1, "continued text": 1, note: 1 });
    expect(annotation?.problems).toEqual([]);
  });

  it("reports spans outside the text and links to them, and keeps attributions without a source", () => {
    const text = "Aid arrived, officials said.";
    const annotation = parsePolnearAnn(
      ["T1\tContent 0 11\tAid arrived", "T2\tCue 23 27\tsaid", "T3\tSource 90 99\toutside", "E1\tAttribution-no-source:T2 Cue:T2 Content:T1", "E2\tAttribution:T2 Source:T3 Cue:T2", "\r"].join("\n"),
      text,
      "zz99",
    );
    expect(annotation.spans.map((span) => span.id)).toEqual(["T1", "T2"]);
    expect(annotation.attributions).toEqual([
      { id: "E1", source: null, cue: "T2", content: "T1" },
      { id: "E2", source: null, cue: "T2", content: null },
    ]);
    expect(annotation.problems).toEqual([
      "line 3: T3 Source offsets 90 99 fall outside the text (28 characters)",
      "line 5: E2 names Source T3, which is not a usable span",
    ]);
  });
});
