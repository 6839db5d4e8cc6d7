import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertValid } from "../test-support/schema.js";
import { countSpans, sliceProblems } from "../test-support/spans.js";
import { analyze } from "./analyze.js";

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const example = read("examples/qalamoun-fr.txt");

describe("analyze", () => {
  it("analyses the founding example into a valid analysis whose spans all slice to their text", async () => {
    const analysis = await analyze(example, { metadata: { published: "2015-05-15", outlet: "al-Manar" } });
    assertValid("analysis", analysis);
    expect(analysis.document.text).toBe(example);
    expect(analysis.document.language).toBe("fr");
    expect(analysis.document.published).toBe("2015-05-15");
    expect(analysis.document.metadata_from).toMatchObject({ published: "caller", outlet: "caller", language: "language:trigram+function-words" });
    expect(analysis.stages).toEqual(["language", "segment", "normalise", "places", "actors", "times", "events", "sources", "framing", "checkSpans"]);
    expect(countSpans(analysis)).toBeGreaterThan(20);
    expect(sliceProblems(analysis)).toEqual([]);
  });

  it("places the founding example's places on the embedded default, leaving what it lacks unresolved", async () => {
    const analysis = await analyze(example);
    const place = (text: string) => analysis.places.find((mention) => mention.text === text);
    expect(place("Qalamoune")?.resolved).toMatchObject({ gazetteer: "overlay", name: "Qalamoun Mountains" });
    expect(place("jurd de la région syrienne de Aassal al-Wared")?.resolved).toMatchObject({ country: "SY", name: "Jurd Assal al-Ward" });
    expect(place("Lebanon")?.resolved).toMatchObject({ country: "LB", feature: "A.PCLI" });
    expect(place("syrienne")).toMatchObject({ kind: "demonym", resolved: { country: "SY" } });
    // A jurd named through the town it belongs to, over lower-case words.
    expect(place("jurd de la localité de Flita")?.resolved).toMatchObject({ gazetteer: "overlay", name: "Jurd Flita" });
    // Outlets and weapons named after places are not places.
    expect(place("al-Mayadeen")).toBeUndefined();
    expect(place("Milan")).toBeUndefined();
    // Arsal is not among cities500's towns: reported unresolved, not guessed at Aarsele in Belgium.
    const arsal = place("Aarsale");
    expect(arsal?.resolved).toBeNull();
    expect(analysis.messages.some((message) => message.code === "place-unresolved" && message.start === arsal?.start)).toBe(true);
    for (const mention of analysis.places) {
      if (mention.resolved?.country) expect(["SY", "LB", "FR", "IT"], mention.text).toContain(mention.resolved.country);
    }
  });

  it("codes the founding example's events as a careful reader would (--published 2015-05-15)", async () => {
    const analysis = await analyze(example, { metadata: { published: "2015-05-15" } });
    const actorIds = (ids: readonly string[]) => ids.map((id) => analysis.actors.find((actor) => actor.id === id)?.resolved?.id ?? "");
    const placeOf = (id: string | null) => analysis.places.find((place) => place.id === id);
    const trigger = (text: string) => analysis.events.filter((event) => event.trigger.text === text);

    // The advance in the Jebbeh barrens: a battle of the Syrian army and Hezbollah against al-Nusra, dated from "mercredi dernier".
    const advance = analysis.events.find((event) => event.acled?.event_type === "Battles" && placeOf(event.location)?.resolved?.name === "Jurd al-Jubbah");
    expect(advance).toBeDefined();
    expect(actorIds(advance?.actor1 ?? [])).toEqual(expect.arrayContaining(["generic:military:SY", "hezbollah"]));
    expect(actorIds(advance?.actor2 ?? [])).toContain("nusra-front");
    expect([2, 3]).toContain(advance?.geo_precision);
    expect(advance?.date_value).toBe("2015-05-13");
    // The heights captured: the capturing side is the state's, so the government regains territory.
    const captured = trigger("conquises")[0];
    expect(captured?.acled).toEqual({ event_type: "Battles", sub_event_type: "Government regains territory" });
    // The Nosra fighters' flight.
    expect(trigger("évasion en masse").length).toBeGreaterThan(0);
    // Milan missiles and explosives found: disrupted weapons use, PLOVER COERCE/seize.
    const found = analysis.events.filter((event) => event.acled?.sub_event_type === "Disrupted weapons use" && event.by.includes("events:weapons-found"));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.plover).toEqual({ type: "COERCE", mode: "seize" });
    // "Il n'y a pas eu de combats": negated; "la prochaine bataille devrait se faire dans la montagne de Moussa": future.
    expect(trigger("combats").map((event) => event.modality)).toEqual(["negated"]);
    const next = analysis.events.find((event) => placeOf(event.location)?.text === "montagne de Moussa");
    expect(next).toMatchObject({ trigger: { text: "bataille" }, modality: "future" });
  });

  it("says according to whom, with no metadata: every claim traced to al-Manar, al-Mayadeen, al-Akhbar or their sources", async () => {
    const analysis = await analyze(example);
    const source = (id: string | null | undefined) => analysis.sources.find((candidate) => candidate.id === id);
    const chain = (id: string | null | undefined): string[] => {
      const names: string[] = [];
      for (let current = source(id); current; current = source(current.via)) names.push(`${current.kind}:${current.outlet?.id ?? (current.kind === "reporter" ? current.name : current.text)}`);
      return names;
    };
    const quoteSpeaker = (fragment: string) => analysis.quotes.find((quote) => quote.text.includes(fragment))?.speaker;
    const attributedTo = (cue: string) => analysis.attributions.find((attribution) => attribution.cue.text === cue)?.source;

    const publisher = analysis.sources.find((candidate) => candidate.kind === "publisher");
    expect(publisher).toMatchObject({ outlet: { id: "al-manar", alignment: "party-affiliated", affiliation: "hezbollah" }, by: "sources:publisher-self-reference" });
    expect(analysis.messages.some((message) => message.code === "publisher-identified")).toBe(true);
    expect(chain(quoteSpeaker("volonté de combat"))).toEqual(["reporter:Al-Manar's correspondent", "publisher:al-manar"]);
    expect(chain(quoteSpeaker("Il n’y a pas eu de combats"))).toEqual(["fighter:des résistants", "reporter:Al Mayadeen's correspondent", "outlet:al-mayadeen", "publisher:al-manar"]);
    expect(chain(attributedTo("indique"))).toEqual(["outlet:al-mayadeen", "publisher:al-manar"]);
    // "d'après les images diffusées par notre télévision": the publisher itself.
    expect(analysis.attributions.find((attribution) => attribution.source_span?.text.includes("notre télévision"))?.source).toBe(publisher?.id);
    expect(chain(attributedTo("Selon"))).toEqual(["outlet:al-akhbar", "publisher:al-manar"]);
    expect(chain(quoteSpeaker("La Résistance n’a pas encore utilisé"))).toEqual(["anonymous:des sources", "outlet:al-akhbar", "publisher:al-manar"]);
    // Every event is carried by some source, and the summary says with which alignment.
    expect(analysis.events.every((event) => event.sources.length > 0)).toBe(true);
    expect(analysis.source_summary.find((summary) => summary.source === publisher?.id)).toMatchObject({ alignment: "party-affiliated", affiliation: "hezbollah" });
    // Where the words do the arguing.
    const framed = analysis.framing.map((span) => span.text);
    expect(framed).toEqual(expect.arrayContaining(["effondrement total", "évasion en masse", "milice"]));
    const first = analysis.framing_paragraphs[0];
    expect(example.slice(first?.start, first?.end)).toMatch(/^C’est l’effondrement total/);
    expect(first?.techniques).toEqual(expect.arrayContaining(["Loaded_Language", "Name_Calling-Labeling"]));
  });

  it("keeps « … » quotations inside one sentence", async () => {
    const analysis = await analyze(example);
    const sentences = analysis.sentences.map((span) => example.slice(span.start, span.end));
    for (const sentence of sentences) {
      const opened = (sentence.match(/«/g) ?? []).length;
      expect((sentence.match(/»/g) ?? []).length, sentence).toBe(opened);
    }
    expect(sentences).toContain("« Il n’y a pas eu de combats », ont confié des résistants pour le correspondant de la chaine de télévision pan arabe al-Mayadeen.");
  });

  it("does not end a sentence after M.", async () => {
    const text = read("fixtures/fr-brief.txt");
    const analysis = await analyze(text);
    const sentences = analysis.sentences.map((span) => text.slice(span.start, span.end));
    expect(sentences.some((sentence) => sentence.startsWith("M. Salam a salué « le courage des soldats. Ils ont tenu bon ! » devant la presse."))).toBe(true);
    expect(sentences.some((sentence) => sentence.endsWith(" M."))).toBe(false);
  });

  it.each([
    ["fixtures/en-report.txt", "en"],
    ["fixtures/ar-report.txt", "ar"],
  ])("identifies and segments %s", async (path, language) => {
    const text = read(path);
    const analysis = await analyze(text);
    assertValid("analysis", analysis);
    expect(analysis.document.language).toBe(language);
    expect(analysis.sentences.length).toBeGreaterThanOrEqual(5);
    expect(sliceProblems(analysis)).toEqual([]);
  });

  it("splits Arabic sentences at ؟ and . but not at ، or ؛", async () => {
    const text = read("fixtures/ar-report.txt");
    const sentences = (await analyze(text)).sentences.map((span) => text.slice(span.start, span.end));
    expect(sentences).toContain("هل تنتهي المعركة قريباً؟");
    expect(sentences.some((sentence) => sentence.includes("أمس، على عدة تلال في جرود القلمون؛ وقال مراسلنا"))).toBe(true);
  });

  it("reads HTML, keeps the article text, and maps it back to the source", async () => {
    const html = read("fixtures/article.html");
    const analysis = await analyze({ html });
    assertValid("analysis", analysis);
    const { document } = analysis;
    expect(document.input.format).toBe("html");
    expect(document.text).toContain("Fighting broke out on Tuesday on the outskirts of Arsal");
    expect(document.text).not.toMatch(/Home|Login|pwned|All rights reserved/);
    expect(document.outlet).toBe("The Levant Monitor");
    expect(document.published).toBe("2015-05-14T09:30:00Z");
    const arsal = document.text.indexOf("Arsal");
    const segment = document.input.source_map?.find((s) => s.start <= arsal && arsal < s.end);
    expect(segment).toBeDefined();
    if (segment) expect(html.slice(segment.source_start + (arsal - segment.start), segment.source_start + (arsal - segment.start) + 5)).toBe("Arsal");
  });

  it("lets the caller's language win and says when the text disagrees", async () => {
    const analysis = await analyze(read("fixtures/en-report.txt"), { metadata: { language: "fr" }, metadataFrom: { language: "option:--language" } });
    expect(analysis.document.language).toBe("fr");
    expect(analysis.document.language_scores[0]?.language).toBe("en");
    expect(analysis.messages.map((message) => message.code)).toContain("language-overridden");
  });
});
