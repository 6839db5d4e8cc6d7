import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import type { TextSpan } from "../model/analysis.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { findAttributions, type AttributionFinding } from "./attribution.js";
import { findQuotes } from "./quotes.js";

const stages = createTextStages();

async function attributions(text: string, language: string): Promise<AttributionFinding[]> {
  const doc = runPipeline(stages, await ingestDocument({ text }, { metadata: { language } }));
  const found = findAttributions(doc, findQuotes(doc));
  const slices = (span: TextSpan | null): void => {
    if (span !== null) expect(text.slice(span.start, span.end)).toBe(span.text);
  };
  for (const finding of found) {
    slices(finding.source);
    slices(finding.cue);
    slices(finding.content);
    if (finding.quote !== null) expect(finding.content).toMatchObject({ start: finding.quote.start, end: finding.quote.end });
  }
  return found;
}

/** source | cue | content | rule, the way a reader checks them. */
const rows = (found: readonly AttributionFinding[]): string[][] => found.map((finding) => [finding.source?.text ?? "-", finding.cue.text, finding.content.text, finding.rule]);

describe("findAttributions on the founding example", () => {
  const text = readFileSync(new URL("../../examples/qalamoun-fr.txt", import.meta.url), "utf8");

  it("finds every attribution a careful reader finds, sources as compact noun phrases", async () => {
    const found = rows(await attributions(text, "fr"));
    expect(found).toContainEqual([
      "le correspondant de notre chaine de télévision al-Manar",
      "explique",
      expect.stringMatching(/^L’avancée s’effectue dans le jurd de Jebbeh, .* libérée mercredi dernier$/u),
      "sources:content-then-verb",
    ]);
    expect(found).toContainEqual(["notre correspondant", "commente", "« C’est leur volonté de combat qui a totalement été brisée »", "sources:quote-then-verb"]);
    expect(found).toContainEqual(["des résistants", "ont confié", "« Il n’y a pas eu de combats »", "sources:quote-then-verb"]);
    expect(found).toContainEqual([
      "cette télévision",
      "indique",
      expect.stringMatching(/^Des missiles de fabrication française .* les dirigeants du Nosra$/u),
      "sources:content-then-verb",
    ]);
    expect(found).toContainEqual([
      "le quotidien libanais al-Akhbar",
      "Selon",
      expect.stringMatching(/^la prochaine bataille devrait se faire dans la montagne de Moussa, .* Khachaate$/u),
      "sources:according-to",
    ]);
    expect(found).toContainEqual(["des sources", "assurent", "« La Résistance n’a pas encore utilisé la force qu’elle avait prévue pour cette bataille »", "sources:quote-then-verb"]);
    expect(found).toContainEqual(["les images diffusées par notre télévision", "d’après", "ils ne semblaient manquer de rien", "sources:according-to"]);
    expect(found).toHaveLength(7);
  });

  it("keeps the addressee out of the source and reads no heading as an attribution", async () => {
    const found = await attributions(text, "fr");
    expect(found.some((finding) => finding.source?.text.includes("pour") === true)).toBe(false);
    expect(found.some((finding) => finding.content.text.startsWith("fuite"))).toBe(false);
  });
});

describe("findAttributions in French", () => {
  it("reads a subject before the verb and the content after que", async () => {
    expect(rows(await attributions("Le ministre de la Défense a déclaré que l'armée avait repris la ville.", "fr"))).toEqual([
      ["Le ministre de la Défense", "a déclaré", "que l'armée avait repris la ville", "sources:subject-verb-that"],
    ]);
  });

  it("takes in the statement the verb was said in", async () => {
    expect(rows(await attributions("L'armée a affirmé dans un communiqué que les combats continuaient.", "fr"))).toEqual([
      ["L'armée", "a affirmé dans un communiqué", "que les combats continuaient", "sources:subject-verb-that"],
    ]);
  });

  it("reads inverted pronouns and inverted verbs after the content", async () => {
    expect(rows(await attributions("« Nous ne reculerons pas », a-t-il déclaré. Il n'y a pas eu de victimes, dit-il.", "fr"))).toEqual([
      ["il", "déclaré", "« Nous ne reculerons pas »", "sources:quote-then-verb"],
      ["il", "dit", "Il n'y a pas eu de victimes", "sources:content-then-verb"],
    ]);
    expect(rows(await attributions("Trois civils ont été tués, a indiqué l'Observatoire syrien des droits de l'homme.", "fr"))).toEqual([
      ["l'Observatoire syrien des droits de l'homme", "a indiqué", "Trois civils ont été tués", "sources:content-then-verb"],
    ]);
  });

  it("reads selon and d'après", async () => {
    expect(rows(await attributions("D'après l'agence officielle Sana, les rebelles se sont retirés.", "fr"))).toEqual([
      ["l'agence officielle Sana", "D'après", "les rebelles se sont retirés", "sources:according-to"],
    ]);
  });
});

describe("findAttributions in English", () => {
  it("reads the content before the cue, the source after it or before it", async () => {
    const found = rows(await attributions('Syrian troops retook the town, the Syrian Observatory for Human Rights said. "We will not retreat," said a source close to the negotiations.', "en"));
    expect(found).toEqual([
      ["the Syrian Observatory for Human Rights", "said", "Syrian troops retook the town", "sources:content-then-verb"],
      ["a source close to the negotiations", "said", '"We will not retreat,"', "sources:quote-then-verb"],
    ]);
  });

  it("reads a subject, its apposition, and the content after the addressee", async () => {
    expect(rows(await attributions("A military official told Reuters that the convoy was hit.", "en"))).toEqual([["A military official", "told", "that the convoy was hit", "sources:subject-verb-that"]]);
    expect(rows(await attributions("Brian Fallon, a spokesman for the campaign, said on Monday that the ads would run.", "en"))).toEqual([
      ["Brian Fallon, a spokesman for the campaign", "said", "that the ads would run", "sources:subject-verb-that"],
    ]);
  });

  it("keeps a quotation split by its attribution as two contents of one speaker", async () => {
    expect(rows(await attributions("“The guns must fall silent,” he added, “and the roads must open.”", "en"))).toEqual([
      ["he", "added", "“The guns must fall silent,”", "sources:quote-then-verb"],
      ["he", "added", "“and the roads must open.”", "sources:quote-then-verb"],
    ]);
  });

  it("reads according to, and a participle's subject at the start of the clause", async () => {
    expect(rows(await attributions("According to the army, 12 fighters were killed. The army denied the report, saying it was fabricated.", "en"))).toEqual([
      ["the army", "According to", "12 fighters were killed", "sources:according-to"],
      ["The army", "denied", "the report", "sources:subject-verb-that"],
      ["The army", "saying", "it was fabricated", "sources:clause-subject"],
    ]);
  });

  it("leaves the words of a quoted speaker to the quotation's attribution", async () => {
    expect(rows(await attributions("“I never said that,” the senator said.", "en"))).toEqual([["the senator", "said", "“I never said that,”", "sources:quote-then-verb"]]);
  });
});

describe("findAttributions in Arabic", () => {
  it("reads the verb-subject order, the source after the verb and before إن or a quotation", async () => {
    const found = rows(await attributions("قال المرصد السوري لحقوق الإنسان إن ثلاثة مدنيين قتلوا في القصف. وأضاف المتحدث باسم الجيش: «لن نتراجع».", "ar"));
    expect(found).toEqual([
      ["المرصد السوري لحقوق الإنسان", "قال", "إن ثلاثة مدنيين قتلوا في القصف", "sources:verb-then-content"],
      ["المتحدث باسم الجيش", "وأضاف", "«لن نتراجع»", "sources:verb-then-content"],
    ]);
  });

  it("keeps the addressee لـ out of the source", async () => {
    expect(rows(await attributions("وقال مصدر عسكري لوكالة فرانس برس إن القوات تقدمت.", "ar"))).toEqual([["مصدر عسكري", "وقال", "إن القوات تقدمت", "sources:verb-then-content"]]);
  });

  it("reads بحسب before and after the content", async () => {
    expect(rows(await attributions("وبحسب مصادر محلية، انسحب المسلحون من البلدة. قتل خمسة أشخاص، بحسب المرصد.", "ar"))).toEqual([
      ["مصادر محلية", "وبحسب", "انسحب المسلحون من البلدة", "sources:according-to"],
      ["المرصد", "بحسب", "قتل خمسة أشخاص", "sources:according-to"],
    ]);
  });
});

describe("findAttributions without a lexicon for the language", () => {
  it("finds nothing", async () => {
    expect(await attributions("Der Minister sagte, die Armee habe die Stadt eingenommen.", "de")).toEqual([]);
  });
});
