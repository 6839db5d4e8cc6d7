import { describe, expect, it } from "vitest";
import type { GazetteerPlace } from "../gazetteer/types.js";
import type { Recognised } from "./recognise.js";
import { resolveAll } from "./resolve.js";

function place(rowid: number, name: string, lat: number, lon: number, population: number, country = "SY"): GazetteerPlace {
  return {
    rowid,
    source: "test",
    sourceId: String(rowid),
    name,
    featureClass: "P",
    featureCode: "PPL",
    countries: [country],
    admin1Code: null,
    admin1Name: null,
    admin2Code: null,
    lat,
    lon,
    population,
    radiusKm: null,
    precision: null,
    provenance: "written for tests",
  };
}

function mention(start: number, text: string, candidates: GazetteerPlace[], quality = 1): Recognised {
  return {
    start,
    end: start + text.length,
    text,
    rule: "gazetteer",
    matches: candidates.map((candidate) => ({ place: candidate, name: candidate.name, key: text.toLowerCase(), lang: null, kind: "name", quality })),
    cue: null,
    cueSpan: null,
  };
}

describe("resolveAll", () => {
  // One candidate weighed under different first choices: "Sham" may be Damascus, but a larger place of that name next to it
  // comes first, so Damascus's coherence leaves that place out there and counts it where "Damascus" is written alone.
  // Two Jubbahs far apart, written twice, and one of them under another spelling, do the same for a place that is its
  // own first choice in one mention and a runner-up in another.
  const southJubbah = place(1, "Al Jubbah", 33.91, 36.48, 5000);
  const northJubbah = place(2, "Al Jubah", 36.37, 37.34, 9000);
  const damascus = place(3, "Damascus", 33.51, 36.29, 1_570_000);
  const aleppo = place(4, "Aleppo", 36.2, 37.16, 2_000_000);
  const milan = place(5, "Milan", 45.46, 9.19, 1_370_000, "IT");
  const sham = place(6, "Sham", 33.52, 36.3, 3_000_000);
  const mentions = [
    mention(0, "Jubbah", [southJubbah, northJubbah]),
    mention(10, "Damascus", [damascus]),
    mention(20, "Jubah", [northJubbah], 0.9),
    mention(30, "Aleppo", [aleppo]),
    mention(40, "Jubbah", [southJubbah, northJubbah]),
    mention(50, "Milan", [milan]),
    mention(60, "Sham", [sham, damascus]),
  ];
  const summary = (resolutions: ReturnType<typeof resolveAll>): string[] =>
    resolutions
      .map(({ mention: { start }, ranked }) => `${start}: ${ranked.map((candidate) => `${candidate.place.name} ${candidate.score}`).join(", ")}`)
      .sort();

  it("ranks each mention the same whatever the order of the others", () => {
    const expected = summary(resolveAll(mentions));
    let seed = 3;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const shuffled = [...mentions];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = random(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as Recognised, shuffled[i] as Recognised];
      }
      expect(summary(resolveAll(shuffled))).toEqual(expected);
    }
  });

  it("lets no mention's own first choice support its other candidates", () => {
    // "Sham" first means the large place next to Damascus: wherever that place lies, Damascus as the other reading of
    // "Sham" gets nothing from it.
    const damascusAsSham = (where: GazetteerPlace): number | undefined => {
      const moved = mentions.map((each) => (each.text === "Sham" ? mention(each.start, each.text, [where, damascus]) : each));
      return resolveAll(moved).at(-1)?.ranked.find((candidate) => candidate.place === damascus)?.score;
    };
    expect(damascusAsSham(sham)).toBeDefined();
    expect(damascusAsSham(sham)).toBe(damascusAsSham({ ...sham, lat: 10, lon: 10 }));
  });

  it("ranks a name written twice the same both times", () => {
    const ranked = (index: number): string[] => (resolveAll(mentions)[index]?.ranked ?? []).map((candidate) => `${candidate.place.name} ${candidate.score}`);
    expect(ranked(0).length).toBe(2);
    expect(ranked(4)).toEqual(ranked(0));
  });
});
