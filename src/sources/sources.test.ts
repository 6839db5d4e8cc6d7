import { describe, expect, it } from "vitest";
import { createActorsStage } from "../actors/index.js";
import { ingestDocument, type DocumentMetadata } from "../analyze/input.js";
import { createEventsStage } from "../events/stage.js";
import type { Analysis, SourceRecord } from "../model/analysis.js";
import { toAnalysis } from "../model/document.js";
import { createSpanCheckStage } from "../pipeline/check-spans.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { createPlacesStage } from "../places/index.js";
import { createTestGazetteer } from "../test-support/gazetteer.js";
import { assertValid } from "../test-support/schema.js";
import { sliceProblems } from "../test-support/spans.js";
import { createTimesStage } from "../times/index.js";
import { createSourcesStage } from "./stage.js";

const stages = [...createTextStages(), createPlacesStage({ gazetteer: createTestGazetteer() }), createActorsStage(), createTimesStage(), createEventsStage(), createSourcesStage(), createSpanCheckStage()];

async function analyse(text: string, metadata: DocumentMetadata): Promise<Analysis> {
  const analysis = toAnalysis(runPipeline(stages, await ingestDocument(text, { metadata })));
  assertValid("analysis", analysis);
  expect(sliceProblems(analysis)).toEqual([]);
  return analysis;
}

/** kind:name of a source and of each source relaying it, up to the publisher. */
function chain(analysis: Analysis, id: string | null | undefined): string[] {
  const names: string[] = [];
  const byId = (wanted: string | null | undefined): SourceRecord | undefined => analysis.sources.find((source) => source.id === wanted);
  for (let source = byId(id); source; source = byId(source.via)) names.push(`${source.kind}:${source.name}`);
  return names;
}

describe("sources stage", () => {
  it("takes the publisher from the metadata, and chains a source to the outlet it spoke to", async () => {
    const analysis = await analyse("“We will hold the town,” a military source told Reuters after clashes in Homs.", { language: "en", outlet: "BBC" });
    expect(analysis.messages.find((message) => message.code === "publisher-identified")?.rule).toBe("sources:publisher-metadata");
    const said = analysis.attributions[0];
    expect(chain(analysis, said?.source)).toEqual(["anonymous:a military source", "outlet:Reuters", expect.stringMatching(/^publisher:BBC/)]);
    expect(analysis.quotes[0]?.speaker).toBe(said?.source);
  });

  it("takes the publisher from the URL's domain, and an outlet cited by name is relayed by it", async () => {
    const analysis = await analyse("Clashes erupted near Homs, the Syrian Observatory for Human Rights said.", { language: "en", url: "https://www.aljazeera.com/news/2015/5/15/clashes" });
    const publisher = analysis.sources.find((source) => source.kind === "publisher");
    expect(publisher?.by).toBe("sources:publisher-url");
    const [event] = analysis.events;
    expect(chain(analysis, event?.sources[0])).toEqual([expect.stringMatching(/^outlet:Syrian Observatory/), `publisher:${publisher?.name}`]);
    expect(analysis.source_summary.find((summary) => summary.source === event?.sources[0])?.events).toEqual([event?.id]);
  });

  it("reads Arabic verb–subject attribution, with the hearer as a clitic", async () => {
    const analysis = await analyse("وقال مصدر أمني لوكالة فرانس برس إن الاشتباكات استمرت في حمص.", { language: "ar" });
    expect(chain(analysis, analysis.attributions[0]?.source)).toEqual(["anonymous:مصدر أمني", "outlet:Agence France-Presse"]);
  });

  it("says when it cannot tell the publisher, and attributes events to the outlet the text cites", async () => {
    const analysis = await analyse("Selon l'AFP, des combats ont eu lieu à Homs.", { language: "fr" });
    expect(analysis.messages.find((message) => message.stage === "sources")).toMatchObject({ code: "publisher-unknown", severity: "warning" });
    expect(chain(analysis, analysis.events[0]?.sources[0])).toEqual(["outlet:Agence France-Presse"]);
  });
});
