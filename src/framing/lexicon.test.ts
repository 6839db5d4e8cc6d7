import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FRAMING_LANGUAGES, readFramingLexicon } from "./lexicon.js";

const lexicon = readFramingLexicon();
const HEADER = "lang\tforms\ttechnique\tweight\tsource";
const directory = mkdtempSync(join(tmpdir(), "sitrep-framing-lexicon-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function fileWith(lines: readonly string[]): string {
  const file = join(directory, `lexicon-${lines.length}-${Math.random().toString(36).slice(2)}.tsv`);
  writeFileSync(file, `# a test lexicon\n${lines.join("\n")}\n`);
  return file;
}

describe("framing.tsv", () => {
  it.each(FRAMING_LANGUAGES)("has loaded language, labels, doubt, fear, flag and authority rows in %s", (language) => {
    const techniques = new Set(lexicon.filter((entry) => entry.language === language && entry.weight >= 2).map((entry) => entry.technique));
    for (const technique of ["Loaded_Language", "Name_Calling-Labeling", "Doubt", "Appeal_to_Fear-Prejudice", "Flag_Waving", "Appeal_to_Authority", "Exaggeration-Minimisation"]) {
      expect(techniques, `${language} ${technique}`).toContain(technique);
    }
  });

  it("gives every row a source and a weight", () => {
    for (const entry of lexicon) {
      expect(entry.source.trim(), `line ${entry.line}`).not.toBe("");
      expect([1, 2, 3]).toContain(entry.weight);
    }
  });

  it("lists the founding example's framing words at the default weight", () => {
    const forms = (technique: string) =>
      new Set(lexicon.filter((entry) => entry.language === "fr" && entry.technique === technique && entry.weight >= 2).flatMap((entry) => entry.patterns.map((pattern) => pattern.form)));
    for (const form of ["effondrement total", "évasion en masse"]) expect(forms("Loaded_Language").has(form), form).toBe(true);
    for (const form of ["milice", "miliciens", "terroristes", "takfiristes"]) expect(forms("Name_Calling-Labeling").has(form), form).toBe(true);
  });

  it("writes Arabic forms without the article, so that they meet the stems of the tokens", () => {
    const withArticle = lexicon.filter((entry) => entry.language === "ar").flatMap((entry) => entry.patterns.filter((pattern) => pattern.form.startsWith("ال")).map((pattern) => `${entry.line}: ${pattern.form}`));
    expect(withArticle).toEqual([]);
  });
});

describe("readFramingLexicon", () => {
  it("reads forms the way the event lexicons do: folded, split on hyphens and elisions, prefixes marked", () => {
    const [entry] = readFramingLexicon(fileWith([HEADER, "fr\tSoi-disant|l'Occupant|scandal*\tDoubt\t3\ttest"]));
    expect(entry?.patterns.map((pattern) => pattern.words)).toEqual([
      [
        { text: "soi", prefix: false },
        { text: "disant", prefix: false },
      ],
      [
        { text: "l'", prefix: false },
        { text: "occupant", prefix: false },
      ],
      [{ text: "scandal", prefix: true }],
    ]);
  });

  it.each([
    ["an unknown technique", "fr\tbarbare\tLoaded_language\t2\ttest", /technique: unknown "Loaded_language"/],
    ["a weight outside 1–3", "fr\tbarbare\tLoaded_Language\t4\ttest", /weight must be 1, 2 or 3/],
    ["an unknown language", "de\tbarbarisch\tLoaded_Language\t2\ttest", /lang: unknown "de"/],
    ["a short prefix", "fr\tsc*\tLoaded_Language\t2\ttest", /a prefix needs at least 3 letters/],
    ["a form ending on an elided word", "fr\tjusqu'\tLoaded_Language\t2\ttest", /ends on an elided word/],
    ["a form listed twice in a row", "fr\tbarbare|Barbare\tLoaded_Language\t2\ttest", /folds to a form already listed/],
    ["an empty source", "fr\tbarbare\tLoaded_Language\t2\t", /source is empty/],
  ])("refuses %s, naming the file and line", (_what, row, problem) => {
    const file = fileWith([HEADER, row]);
    expect(() => readFramingLexicon(file)).toThrow(problem);
    expect(() => readFramingLexicon(file)).toThrow(`${file}, line 3`);
  });

  it("lets one form be evidence of two techniques, never of one twice", () => {
    expect(readFramingLexicon(fileWith([HEADER, "fr\tbarbare\tLoaded_Language\t2\ttest", "fr\tbarbare\tName_Calling-Labeling\t2\ttest"]))).toHaveLength(2);
    expect(() => readFramingLexicon(fileWith([HEADER, "fr\tbarbare\tLoaded_Language\t2\ttest", "fr\tbarbares|barbare\tLoaded_Language\t3\ttest"]))).toThrow(
      /"barbare" is already listed for Loaded_Language on line 3/,
    );
  });
});
