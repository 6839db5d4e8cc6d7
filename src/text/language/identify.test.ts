import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { identifyLanguage } from "./identify.js";

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), "utf8");
const example = readFileSync(new URL("../../../examples/qalamoun-fr.txt", import.meta.url), "utf8");

describe("identifyLanguage", () => {
  it.each([
    ["qalamoun example", example, "fr"],
    ["French brief", fixture("fr-brief.txt"), "fr"],
    ["English report", fixture("en-report.txt"), "en"],
    ["Arabic report", fixture("ar-report.txt"), "ar"],
    ["one French sentence", "L’armée a repris le contrôle de la ville après trois jours de combats.", "fr"],
    ["one English sentence", "The army retook the town after three days of fighting, officials said.", "en"],
    ["one Arabic sentence", "استعاد الجيش السيطرة على المدينة بعد ثلاثة أيام من القتال.", "ar"],
  ])("identifies the %s", (_name, text, language) => {
    const found = identifyLanguage(text);
    expect(found.language).toBe(language);
    expect(found.scores[0]?.language).toBe(language);
  });

  it("answers und with a reason when the text is too short", () => {
    const found = identifyLanguage("Gaza ?");
    expect(found.language).toBe("und");
    expect(found.rule).toBe("too-short");
    expect(found.reason).toMatch(/too little text/);
  });

  it("names a language it does not analyse instead of forcing a supported one", () => {
    const found = identifyLanguage("Die Armee hat die Stadt nach drei Tagen schwerer Kämpfe wieder unter ihre Kontrolle gebracht, sagten Beamte.");
    expect(found.language).toBe("de");
  });

  it("keeps ranked alternatives with scores in [0, 1]", () => {
    const { scores } = identifyLanguage(example);
    expect(scores.length).toBeGreaterThan(1);
    for (const [i, entry] of scores.entries()) {
      expect(entry.score).toBeGreaterThanOrEqual(0);
      expect(entry.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(entry.score).toBeLessThanOrEqual(scores[i - 1]?.score ?? 1);
    }
  });

  it("prefers French over a trigram neighbour when French function words dominate", () => {
    // Short French headlines are where trigram profiles drift to Spanish or Italian.
    expect(identifyLanguage("La bataille de Qalamoune parle d’elle-même.").language).toBe("fr");
    expect(identifyLanguage("Les miliciens se sont rendus à l’armée dans la région.").language).toBe("fr");
  });

  it("reads short dialectal Arabic as Arabic, and Persian as Persian", () => {
    const dialect = identifyLanguage("بكرا الصبح بيفتحو الطريق عالحدود #لبنان #سوريا");
    expect(dialect.language).toBe("ar");
    expect(dialect.rule).toBe("arabic-script");
    const persian = identifyLanguage("ارتش سوریه پس از سه روز درگیری کنترل شهر را دوباره به دست گرفت.");
    expect(persian.language).not.toBe("ar");
  });
});
