import { describe, expect, it } from "vitest";
import { createActorsStage } from "../actors/index.js";
import { ingestDocument } from "../analyze/input.js";
import type { Analysis, EventRecord } from "../model/analysis.js";
import { toAnalysis } from "../model/document.js";
import { createSpanCheckStage } from "../pipeline/check-spans.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { createPlacesStage } from "../places/index.js";
import { createTestGazetteer } from "../test-support/gazetteer.js";
import { assertValid } from "../test-support/schema.js";
import { sliceProblems } from "../test-support/spans.js";
import { createTimesStage } from "../times/index.js";
import { createEventsStage } from "./stage.js";

const stages = [...createTextStages(), createPlacesStage({ gazetteer: createTestGazetteer() }), createActorsStage(), createTimesStage(), createEventsStage(), createSpanCheckStage()];

/** One sentence is too short for language identification to be sure of: the tests say which language it is in. */
async function analyse(language: string, text: string, published: string | null = "2015-05-15"): Promise<Analysis> {
  const metadata = published === null ? { language } : { language, published };
  const analysis = toAnalysis(runPipeline(stages, await ingestDocument(text, { metadata })));
  assertValid("analysis", analysis);
  expect(sliceProblems(analysis)).toEqual([]);
  return analysis;
}

const only = (analysis: Analysis): EventRecord => {
  expect(analysis.events).toHaveLength(1);
  return analysis.events[0] as EventRecord;
};
const actorTexts = (analysis: Analysis, ids: readonly string[]) => ids.map((id) => analysis.actors.find((actor) => actor.id === id)?.text);
const placeText = (analysis: Analysis, event: EventRecord) => analysis.places.find((place) => place.id === event.location)?.text;

describe("events stage", () => {
  it("codes a battle with its sides, place, date and fatalities", async () => {
    const analysis = await analyse("en", "Syrian troops clashed with Nusra fighters near Homs on Wednesday, killing at least 12 people.");
    const event = only(analysis);
    expect(event.acled).toEqual({ event_type: "Battles", sub_event_type: "Armed clash" });
    expect(event.scope).toBe("acled");
    expect(actorTexts(analysis, event.actor1)).toEqual(["Syrian troops"]);
    expect(actorTexts(analysis, event.actor2)).toEqual(["Nusra fighters"]);
    expect(placeText(analysis, event)).toBe("Homs");
    expect(event).toMatchObject({ date_value: "2015-05-13", time_precision: 1, modality: "asserted" });
    expect(event.fatalities).toMatchObject({ low: 12, high: 12 });
    expect(event.by[0]).toMatch(/^events:trigger:\d+$/);
  });

  it("reads the agent of a passive verb and the victims before it", async () => {
    const analysis = await analyse("en", "Five civilians were killed by gunmen in Hama.");
    const event = only(analysis);
    expect(event.acled?.sub_event_type).toBe("Attack");
    expect(actorTexts(analysis, event.actor1)).toEqual(["gunmen"]);
    expect(actorTexts(analysis, event.actor2)).toEqual(["civilians"]);
    expect(event.fatalities).toMatchObject({ low: 5, high: 5 });
  });

  it("gives the sides of a symmetric occurrence in the order the text names them", async () => {
    const fr = await analyse("fr", "Des combats ont opposé mercredi l'armée syrienne à des rebelles près de Homs.");
    expect(actorTexts(fr, only(fr).actor1)).toEqual(["armée syrienne"]);
    expect(actorTexts(fr, only(fr).actor2)).toEqual(["rebelles"]);
    const en = await analyse("en", "Clashes broke out near Homs between rebels, backed by militiamen, and the army.");
    expect(actorTexts(en, only(en).actor1)).toEqual(["rebels", "militiamen"]);
    expect(actorTexts(en, only(en).actor2)).toEqual(["army"]);
    // The second side is glued to "و": the proclitic stays outside its span, and joins it as the other side.
    const ar = await analyse("ar", "اندلعت اشتباكات بين قوات النظام وفصائل المعارضة قرب حمص");
    expect(actorTexts(ar, only(ar).actor1)).toEqual(["قوات النظام"]);
    expect(actorTexts(ar, only(ar).actor2)).toEqual(["فصائل المعارضة"]);
  });

  it("takes no side from the source an event is reported by", async () => {
    const en = await analyse("en", "Five civilians were killed in Homs, according to the army.");
    expect(actorTexts(en, only(en).actor1)).toEqual([]);
    expect(actorTexts(en, only(en).actor2)).toEqual(["civilians"]);
    const fr = await analyse("fr", "Des rebelles ont attaqué Homs mardi selon des habitants joints par téléphone.");
    expect(actorTexts(fr, only(fr).actor1)).toEqual(["rebelles"]);
    expect(actorTexts(fr, only(fr).actor2)).toEqual([]);
  });

  it("takes no side from the journalist a source spoke to", async () => {
    const analysis = await analyse("fr", "Des rebelles ont attaqué Homs, ont confié des habitants pour le correspondant de la chaîne.");
    const event = only(analysis);
    expect(actorTexts(analysis, [...event.actor1, ...event.actor2])).toEqual(["rebelles"]);
  });

  it("reads an Arabic proclitic of ownership as the side acted on", async () => {
    // With the agent unnamed, the first actor after the verb would be taken for its subject (verb-first order).
    const analysis = await analyse("ar", "استهدف قصف مدفعي مواقع لفصائل المعارضة في حمص");
    expect(actorTexts(analysis, only(analysis).actor1)).toEqual([]);
    expect(actorTexts(analysis, only(analysis).actor2)).toEqual(["فصائل المعارضة"]);
  });

  it("makes civilians the side acted on, except the crowd of a demonstration", async () => {
    const attack = await analyse("fr", "Des hommes armés ont enlevé dimanche une quinzaine d'élèves près de Homs.");
    expect(actorTexts(attack, only(attack).actor1)).toEqual(["hommes armés"]);
    expect(actorTexts(attack, only(attack).actor2)).toEqual(["élèves"]);
    const protest = await analyse("en", "Students marched peacefully through Homs.");
    expect(actorTexts(protest, only(protest).actor1)).toEqual(["Students"]);
  });

  it("takes the agent a trigger names for actor1, and the subject of a passive for actor2", async () => {
    const bomber = await analyse("fr", "Un kamikaze s'est fait exploser lundi à l'entrée d'une mosquée de Homs, tuant sept fidèles.");
    expect(actorTexts(bomber, only(bomber).actor1)).toEqual(["kamikaze"]);
    expect(actorTexts(bomber, only(bomber).actor2)).toEqual(["fidèles"]);
    const mine = await analyse("fr", "Trois soldats syriens ont été tués samedi par l'explosion d'un engin explosif improvisé près de Homs.");
    expect(actorTexts(mine, only(mine).actor1)).toEqual([]);
    expect(actorTexts(mine, only(mine).actor2)).toEqual(["soldats syriens"]);
  });

  it("takes a state named by the demonym of its strikes for actor1", async () => {
    const analysis = await analyse("fr", "Des frappes syriennes ont tué au moins 17 civils près de Homs.");
    expect(actorTexts(analysis, only(analysis).actor1)).toEqual(["syriennes"]);
    expect(actorTexts(analysis, only(analysis).actor2)).toEqual(["civils"]);
  });

  it("keeps whom a unit belongs to on that unit's side", async () => {
    const analysis = await analyse("ar", "قصف مسلحون تابعون لتنظيم داعش حاجزا لقوات النظام قرب حمص");
    expect(actorTexts(analysis, only(analysis).actor1)).toEqual(["مسلحون", "تنظيم داعش"]);
    expect(actorTexts(analysis, only(analysis).actor2)).toEqual(["قوات النظام"]);
  });

  it("tells negated and expected events from asserted ones", async () => {
    expect(only(await analyse("fr", "Il n'y a pas eu de combats à Homs.")).modality).toBe("negated");
    expect(only(await analyse("fr", "La prochaine bataille devrait se faire près de Homs.")).modality).toBe("future");
    expect(only(await analyse("fr", "Des combats ont eu lieu à Homs.")).modality).toBe("asserted");
    // An adjective hedges the noun it qualifies: the event when it is the event noun, not when it is an actor.
    expect(only(await analyse("en", "Residents described the alleged massacre in Homs.")).modality).toBe("reported");
    expect(only(await analyse("en", "Suspected militants ambushed a convoy near Homs.")).modality).toBe("asserted");
  });

  it("types a demonstration by what happened at it", async () => {
    expect(only(await analyse("en", "Protesters marched peacefully through Beirut.")).acled?.sub_event_type).toBe("Peaceful protest");
    expect(only(await analyse("en", "Police fired tear gas to disperse protesters in Beirut.")).acled?.sub_event_type).toBe("Protest with intervention");
    expect(only(await analyse("en", "Protesters threw stones at police in Beirut.")).acled?.sub_event_type).toBe("Violent demonstration");
  });

  it("codes weapons found as disrupted weapons use, not as an attack", async () => {
    const event = only(await analyse("fr", "Des missiles et des munitions ont été retrouvés dans une cache près de Homs."));
    expect(event.acled?.sub_event_type).toBe("Disrupted weapons use");
    expect(event.by).toContain("events:weapons-found");
  });

  it("lets the capturing side decide between a takeover and a government gain", async () => {
    expect(only(await analyse("en", "The Syrian army seized Homs.")).acled?.sub_event_type).toBe("Government regains territory");
    expect(only(await analyse("en", "Rebels seized Homs.")).acled?.sub_event_type).toBe("Non-state actor overtakes territory");
  });

  it("places an event where it happened, not where it was announced", async () => {
    const analysis = await analyse("en", "The minister said in Beirut that fighting erupted in Homs.");
    expect(placeText(analysis, only(analysis))).toBe("Homs");
  });

  it("codes Arabic events with their fatalities and dates", async () => {
    const analysis = await analyse("ar", "قتل خمسة مدنيين في غارة جوية على حمص أمس");
    const event = only(analysis);
    expect(event.acled?.sub_event_type).toBe("Air/drone strike");
    expect(event.by).toContain("events:killing-as-outcome");
    expect(event?.fatalities).toMatchObject({ low: 5 });
    expect(event?.date_value).toBe("2015-05-14");
  });

  it("gives an event outside the lethal families the 0 of a denial", async () => {
    expect(only(await analyse("fr", "Des hommes armés ont pillé des maisons près de Homs sans faire de victimes.")).fatalities).toMatchObject({ low: 0, high: 0 });
  });

  it("leaves events undated without a publication date, and says so", async () => {
    const analysis = await analyse("en", "Clashes broke out in Homs yesterday.", null);
    expect(only(analysis).date_value).toBeNull();
    expect(analysis.messages.map((message) => message.code)).toContain("event-undated");
  });

  it("types statements in PLOVER terms by their verb", async () => {
    for (const [text, type] of [
      ["The government of Syria vetoed the proposal on Homs.", "REJECT"],
      ["Syria requested help from its neighbours for Homs.", "REQUEST"],
      ["Syria sent an ultimatum to the rebels in Homs.", "THREATEN"],
      ["Both sides accepted the plan for Homs.", "AGREE"],
    ] as const) {
      expect(only(await analyse("en", text)).plover?.type, text).toBe(type);
    }
  });

  it("keeps occurrences outside ACLED's taxonomy in their own scope", async () => {
    const event = only(await analyse("en", "A powerful earthquake struck near Homs."));
    expect(event).toMatchObject({ acled: null, scope: "natural-disaster", plover: null });
  });
});
