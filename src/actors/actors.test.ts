import { describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import type { ActorMention, Analysis } from "../model/analysis.js";
import { toAnalysis } from "../model/document.js";
import { createSpanCheckStage } from "../pipeline/check-spans.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { createPlacesStage } from "../places/index.js";
import { createTestGazetteer } from "../test-support/gazetteer.js";
import { assertValid } from "../test-support/schema.js";
import { sliceProblems } from "../test-support/spans.js";
import { createActorsStage } from "./stage.js";

const stages = [...createTextStages(), createPlacesStage({ gazetteer: createTestGazetteer() }), createActorsStage(), createSpanCheckStage()];

async function actors(text: string, metadata: { outlet?: string } = {}): Promise<Analysis> {
  const analysis = toAnalysis(runPipeline(stages, await ingestDocument(text, { metadata })));
  assertValid("analysis", analysis);
  expect(sliceProblems(analysis)).toEqual([]);
  return analysis;
}

const resolved = (analysis: Analysis, text: string): ActorMention["resolved"] | undefined => analysis.actors.find((actor) => actor.text === text)?.resolved;

describe("actors stage", () => {
  it("resolves named actors and their short forms in French", async () => {
    const analysis = await actors("Le front al-Nosra a perdu du terrain. Selon des sources locales, Nosra s'est replié vers le nord.");
    expect(resolved(analysis, "front al-Nosra")?.id).toBe("nusra-front");
    expect(resolved(analysis, "Nosra")?.id).toBe("nusra-front");
    expect(resolved(analysis, "Nosra")?.parent).toBe("al-qaeda");
  });

  it("types generic agents and takes their country from a demonym beside them", async () => {
    const fr = await actors("L'armée syrienne a repris la colline.");
    expect(resolved(fr, "armée syrienne")).toMatchObject({ id: "generic:military:SY", name: "Military Forces of Syria", type: 1, country: "SY" });
    const en = await actors("Syrian troops entered the town on Monday.");
    expect(resolved(en, "Syrian troops")).toMatchObject({ type: 1, country: "SY" });
    const ar = await actors("اشتبك مسلحون مع الجيش السوري قرب حمص");
    expect(ar.actors.map((actor) => actor.resolved?.type)).toContain(1);
    expect(ar.actors.some((actor) => actor.resolved?.country === "SY")).toBe(true);
  });

  it("leaves the country out when the text gives none, and says which rule decided", async () => {
    const analysis = await actors("Des hommes armés ont attaqué un convoi.");
    const gunmen = analysis.actors.find((actor) => actor.text === "hommes armés");
    expect(gunmen?.resolved).toMatchObject({ country: null, type: 3 });
    expect(gunmen?.by).toBe("actors:generic");
  });

  it("links members to their group and possessives to the group named before", async () => {
    const analysis = await actors("Les combattants du Hezbollah avancent. Le front al-Nosra recule et ses miliciens fuient.");
    expect(analysis.actors.find((actor) => actor.text === "combattants")).toMatchObject({ resolved: { id: "hezbollah" }, by: "actors:member-of" });
    expect(analysis.actors.find((actor) => actor.text === "miliciens")).toMatchObject({ resolved: { id: "nusra-front" }, by: "actors:coreference" });
  });

  it("reads an outlet's own label for an actor only where that outlet speaks", async () => {
    const text = "La Résistance a repris les hauteurs.";
    expect(resolved(await actors(text), "La Résistance")).toBeUndefined();
    expect(resolved(await actors(text, { outlet: "al-Manar" }), "La Résistance")?.id).toBe("hezbollah");
    const named = await actors(`${text} Notre chaîne de télévision al-Manar a diffusé des images.`);
    expect(named.actors.find((actor) => actor.text === "La Résistance")).toMatchObject({ resolved: { id: "hezbollah" }, by: "actors:outlet-label" });
  });

  it("leaves an Arabic proclitic outside the mention, and a name and the noun after it apart", async () => {
    const analysis = await actors("تقدم حزب الله وفصائل المعارضة نحو حمص");
    expect(analysis.actors.map((actor) => actor.text)).toEqual(["حزب الله", "فصائل المعارضة"]);
    // The و of "وحدات" is the word's own letter, not "and": a name matched as a whole word keeps its whole span.
    // "للجيش" is ل with the article's elided alif: what follows the clitic is "جيش".
    const named = await actors("قصفت وحدات حماية الشعب مواقع للجيش السوري");
    expect(named.actors.map((actor) => actor.text)).toEqual(["وحدات حماية الشعب", "جيش السوري"]);
  });

  it("gives a French or Arabic noun no country from a demonym before it, which qualifies the noun before", async () => {
    const ar = await actors("اشتباكات بين الجيش السوري وفصائل المعارضة قرب حمص");
    expect(ar.actors.find((actor) => actor.text === "فصائل المعارضة")?.resolved?.country).toBeNull();
    const fr = await actors("Des soldats syriens, rebelles et miliciens se sont affrontés.");
    expect(fr.actors.find((actor) => actor.text === "rebelles")?.resolved?.country).toBeNull();
  });

  it("reads a demonym beside a noun of armed action as that state's forces, and no other demonym", async () => {
    for (const [text, demonym] of [
      ["Des frappes syriennes ont visé Homs.", "syriennes"],
      ["Syrian shelling hit the town.", "Syrian"],
      ["غارات سورية على ريف حمص", "سورية"],
    ] as const) {
      const analysis = await actors(text);
      expect(analysis.actors.find((actor) => actor.text === demonym)).toMatchObject({ resolved: { id: "generic:military:SY", type: 1 }, by: "actors:demonym-of-strike" });
    }
    expect((await actors("Des touristes syriens ont visité Homs.")).actors).toEqual([]);
    // A weapon's demonym says who made it, not who fired it.
    expect((await actors("Des missiles syriens ont été retrouvés.")).actors).toEqual([]);
  });

  it("types a single victim as a civilian, and an armed man or a security man not", async () => {
    const fr = await actors("Un homme armé a tué un berger et un homme près de Homs.");
    expect(fr.actors.map((actor) => [actor.text, actor.resolved?.type])).toEqual([["homme armé", 3], ["berger", 7], ["homme", 7]]);
    const ar = await actors("قتل رجل أمن وجنديان ومدني في حمص");
    expect(ar.actors.map((actor) => [actor.text, actor.resolved?.type])).toEqual([["رجل أمن", 1], ["جنديان", 1], ["مدني", 7]]);
  });

  it("matches short acronyms only as written", async () => {
    const analysis = await actors("The SDF said the sdf file format was unrelated.");
    expect(analysis.actors.map((actor) => actor.text)).toEqual(["SDF"]);
  });
});
