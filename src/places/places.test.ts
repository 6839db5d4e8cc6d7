import { describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import type { Analysis, PlaceMention } from "../model/analysis.js";
import { toAnalysis } from "../model/document.js";
import { createSpanCheckStage } from "../pipeline/check-spans.js";
import { runPipeline } from "../pipeline/stage.js";
import { createTestGazetteer } from "../test-support/gazetteer.js";
import { assertValid } from "../test-support/schema.js";
import { sliceProblems } from "../test-support/spans.js";
import { createLanguageStage } from "../text/language/index.js";
import { createNormaliseStage } from "../text/normalise/index.js";
import { createSegmentStage } from "../text/segment/index.js";
import { createPlacesStage } from "./stage.js";

const gazetteer = createTestGazetteer();
const stages = [createLanguageStage(), createSegmentStage(), createNormaliseStage(), createPlacesStage({ gazetteer }), createSpanCheckStage()];

async function places(text: string, language?: string): Promise<Analysis> {
  const doc = await ingestDocument(text, language === undefined ? {} : { metadata: { language } });
  const analysis = toAnalysis(runPipeline(stages, doc));
  assertValid("analysis", analysis);
  expect(sliceProblems(analysis)).toEqual([]);
  return analysis;
}

const resolvedAs = (mention: PlaceMention | undefined): string | null => (mention?.resolved ? `${mention.resolved.name}/${mention.resolved.country}` : null);
const find = (analysis: Analysis, text: string): PlaceMention | undefined => analysis.places.find((place) => place.text === text);

describe("places stage", () => {
  it("reads a lone Arabic word as a hamlet of that name only after a cue", async () => {
    const plain = await places("ارتفعت حالات الإصابة في حمص", "ar");
    expect(plain.places.map((place) => place.text)).toEqual(["حمص"]);
    const cued = await places("قصفت الطائرات بلدة حالات قرب حمص", "ar");
    expect(resolvedAs(find(cued, "حالات"))).toBe("Halat/SY");
  });

  describe("in English news conventions", () => {
    it.each([
      ["US tariffs on steel hurt all of us, officials in Homs said.", "US", "United States of America/US"],
      ["BEIRUT (Reuters) - Fighting resumed overnight, residents said.", "BEIRUT", "Beirut/LB"],
      ["The governor flew to Va. He left on Monday.", "Va.", "Virginia/US"],
      ["New sanctions by the EU hit Syria, and the rest of us.", "EU", "European Union/DE"],
      ["Officials from Lexington and Louisville met in London.", "London", "London/GB"],
      ["The ministry said on its website the US action broke the rules, officials in Homs said.", "US", "United States of America/US"],
    ])("%s → %s", async (text, name, expected) => {
      const analysis = await places(text, "en");
      expect(resolvedAs(find(analysis, name))).toBe(expected);
    });

    it("reads no place into contractions, nor an English word spelt like an Arabic article", async () => {
      const analysis = await places("We're told the fighting reached as far as Homs. We were there.", "en");
      expect(analysis.places.map((place) => place.text)).toEqual(["Homs"]);
    });
  });

  it.each([
    ["Les combattants ont fui vers la localité libanaise d’Aarsal.", "Aarsal"],
    ["Les combattants ont fui vers la localité libanaise d’Ersal.", "Ersal"],
    ["Les combattants ont fui vers la localité libanaise de Aarsale.", "Aarsale"],
    ["Fighters fled towards the Lebanese town of Arsal on Tuesday.", "Arsal"],
    ["فرّ المسلحون باتجاه بلدة عرسال اللبنانية.", "عرسال"],
    ["فرّ المسلحون إلى لبنان ووصلوا بعرسال أمس.", "عرسال"],
  ])("resolves every spelling of Arsal to the Lebanese town: %s", async (text, name) => {
    const analysis = await places(text);
    const mention = find(analysis, name);
    expect(mention, JSON.stringify(analysis.places)).toBeDefined();
    expect(resolvedAs(mention)).toBe("Aarsâl/LB");
    expect(mention?.precision).toBe(1);
    expect(mention?.by).toMatch(/^places:/);
  });

  it("prefers the homonym that fits the document: al-Jubbah of Rif Dimashq beside Arsal and Assal al-Ward", async () => {
    const analysis = await places("L’avancée s’effectue dans le jurd de Jubbah, près de la région syrienne de Assal al-Ward, face à Aarsal.");
    const jubbah = find(analysis, "Jubbah");
    expect(resolvedAs(jubbah)).toBe("Al Jubbah/SY");
    expect(jubbah?.resolved?.admin1).toBe("Rif Dimashq");
    expect(jubbah?.alternatives.map((alternative) => alternative.name)).toContain("Al Jūbah");
    // "jurd de" names the barrens around the village: the area, approximated by the village, precision 3.
    expect(jubbah?.kind).toBe("natural-feature");
    expect(jubbah?.precision).toBe(3);
    expect(analysis.messages.map((message) => message.code)).toContain("place-natural-feature-approximated");
  });

  it("finds a transliteration the gazetteer lacks by its consonants", async () => {
    const analysis = await places("L’avancée s’effectue dans le jurd de Jebbeh, près de la région syrienne de Assal al-Ward.");
    const jebbeh = find(analysis, "Jebbeh");
    expect(resolvedAs(jebbeh)).toBe("Al Jubbah/SY");
    expect(jebbeh?.by).toBe("places:skeleton+cue-surroundings");
  });

  it("reads demonyms as their country", async () => {
    const analysis = await places("L’armée syrienne et des combattants libanais ont avancé.");
    expect(analysis.places.map((place) => [place.text, place.kind, place.resolved?.id])).toEqual([
      ["syrienne", "demonym", "SY"],
      ["libanais", "demonym", "LB"],
    ]);
  });

  it("finds a curated region by its press spelling", async () => {
    const analysis = await places("La bataille de Qalamoune parle d’elle-même.");
    const qalamoun = find(analysis, "Qalamoune");
    expect(qalamoun?.resolved?.gazetteer).toBe("overlay");
    expect(qalamoun?.resolved?.name).toBe("Qalamoun Mountains");
    expect(qalamoun?.kind).toBe("natural-feature");
    expect(qalamoun?.precision).toBe(3);
  });

  it("reports an unknown name announced by a cue, unresolved, without dropping the others", async () => {
    const analysis = await places("La prochaine bataille devrait se faire dans la région de Khachaate, au nord de Aarsal.");
    const unknown = find(analysis, "Khachaate");
    expect(unknown?.resolved).toBeNull();
    expect(analysis.messages.find((message) => message.code === "place-unresolved" && message.start === unknown?.start)).toBeDefined();
    expect(resolvedAs(find(analysis, "Aarsal"))).toBe("Aarsâl/LB");
  });

  it("does not take capitalised common words or people for places", async () => {
    const analysis = await places("Certains combattants ont fui. Plusieurs ont été vus à Homs. M. Hama a parlé.");
    expect(analysis.places.map((place) => place.text)).toEqual(["Homs"]);
  });

  it("takes a name opened by a given name for a person, and that person's surname elsewhere too", async () => {
    const withNames = [createLanguageStage(), createSegmentStage(), createNormaliseStage(), createPlacesStage({ gazetteer, givenNames: new Set(["david"]) })];
    const doc = await ingestDocument("David Hama met officials in Homs on Monday. Hama later left for Damascus.");
    const analysis = toAnalysis(runPipeline(withNames, doc));
    expect(analysis.places.map((place) => place.text)).toEqual(["Homs", "Damascus"]);
  });

  it("takes a lone minor name before a verb of saying for a speaker, but lets countries speak", async () => {
    const analysis = await places("Aarsal told reporters that the army had left. Syria said nothing.", "en");
    expect(analysis.places.map((place) => place.text)).toEqual(["Syria"]);
  });

  it("does not take the name of a medium or of a make of weapon for a place", async () => {
    const analysis = await places("Des missiles de type Milan ont été retrouvés, indique la chaîne de télévision pan arabe Homs, avant une visite à Milan.");
    expect(analysis.places.map((place) => [place.text, place.start])).toEqual([["Milan", analysis.document.text.lastIndexOf("Milan")]]);
  });

  it("marks a town approached but not reached as precision 2", async () => {
    const analysis = await places("Fighting broke out near Homs on Monday.", "en");
    expect(find(analysis, "Homs")?.precision).toBe(2);
  });

  it("keeps ranked alternatives with scores that never beat the choice", async () => {
    const analysis = await places("Des combats ont eu lieu à Aarsale, à la frontière syrienne.");
    const arsal = find(analysis, "Aarsale");
    expect(resolvedAs(arsal)).toBe("Aarsâl/LB");
    for (const alternative of arsal?.alternatives ?? []) expect(alternative.score).toBeLessThanOrEqual(arsal?.score ?? 0);
    expect(arsal?.alternatives.map((alternative) => alternative.name)).toContain("Aarsele");
  });
});
