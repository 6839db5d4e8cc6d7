import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { PhraseMatcher } from "../text/phrases.js";
import { foldKey } from "../text/normalise/index.js";
import { arabicStem } from "../text/segment/index.js";
import {
  ACLED_EVENT_TYPE,
  ACLED_SUB_EVENT_TYPES,
  EVENT_CATEGORIES,
  LEXICON_LANGUAGES,
  readEventTriggers,
  readModalityCues,
  type LexiconPattern,
} from "./lexicon.js";

const triggers = readEventTriggers();
const cues = readModalityCues();

const TRIGGER_HEADER = "lang\trole\tforms\tcategory\tplover\tmode\tweight\tsource";
const directory = mkdtempSync(join(tmpdir(), "sitrep-lexicon-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function fileWith(name: string, lines: readonly string[]): string {
  const file = join(directory, name);
  writeFileSync(file, `# a test lexicon\n${lines.join("\n")}\n`);
  return file;
}

describe("event-triggers.tsv", () => {
  it("loads, with triggers and cues in every language", () => {
    for (const language of LEXICON_LANGUAGES) {
      expect(triggers.filter((entry) => entry.language === language && entry.role === "trigger").length).toBeGreaterThan(30);
      expect(triggers.filter((entry) => entry.language === language && entry.role === "cue").length).toBeGreaterThan(5);
    }
  });

  it.each(LEXICON_LANGUAGES)("has at least one trigger row for each of the 31 categories in %s", (language) => {
    const covered = new Set(triggers.filter((entry) => entry.language === language && entry.role === "trigger").map((entry) => entry.category));
    expect(EVENT_CATEGORIES.filter((category) => !covered.has(category))).toEqual([]);
  });

  it("gives every row a source", () => {
    for (const entry of [...triggers, ...cues]) expect(entry.source.trim(), `line ${entry.line}`).not.toBe("");
  });

  it("maps each of ACLED's 25 sub-event types to its event type", () => {
    expect(ACLED_SUB_EVENT_TYPES).toHaveLength(25);
    expect(new Set(Object.values(ACLED_EVENT_TYPE))).toEqual(new Set(["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"]));
    expect(EVENT_CATEGORIES).toHaveLength(31);
  });

  it("writes Arabic forms without the article, so that they meet the stems of the tokens", () => {
    // Words whose initial ال is part of the word, not the article.
    const radical = new Set(["التقى", "التقت"]);
    const withArticle = [...triggers, ...cues]
      .filter((entry) => entry.language === "ar")
      .flatMap((entry) => entry.patterns.flatMap((pattern) => pattern.form.split(" ").filter((word) => word.startsWith("ال") && !radical.has(word)).map((word) => `${entry.line}: ${word}`)));
    expect(withArticle).toEqual([]);
  });
});

describe("modality-cues.tsv", () => {
  it("loads, with every modality in every language", () => {
    for (const language of LEXICON_LANGUAGES) {
      const modalities = new Set(cues.filter((cue) => cue.language === language).map((cue) => cue.modality));
      expect([...modalities].sort()).toEqual(["future", "hypothetical", "negated", "reported"]);
    }
  });
});

describe("forms", () => {
  it("are folded with foldKey, so that غارة meets the stem of الغارة", () => {
    const raid = triggers.flatMap((entry) => entry.patterns).find((pattern) => pattern.form === "غارة");
    expect(raid?.words).toEqual([{ text: foldKey("غارة"), prefix: false }]);
    const text = "الغارة";
    const stem = arabicStem(text, { start: 0, end: text.length });
    expect(stem).not.toBeNull();
    expect(foldKey(text.slice(stem?.start ?? 0, stem?.end ?? 0))).toBe(raid?.words[0]?.text);
  });

  it("split like the tokeniser: hyphens join, French elided words and trailing stars are kept", () => {
    const find = (form: string): LexiconPattern | undefined => triggers.flatMap((entry) => entry.patterns).find((pattern) => pattern.form === form);
    expect(find("cessez-le-feu")?.words.map((word) => word.text)).toEqual(["cessez", "le", "feu"]);
    expect(find("tirs d'artillerie")?.words.map((word) => word.text)).toEqual(["tirs", "d'", "artillerie"]);
    expect(find("shell fire")?.words).toEqual([
      { text: "shell", prefix: false },
      { text: "fire", prefix: false },
    ]);
    expect(find("kidnapp*")?.words).toEqual([{ text: "kidnapp", prefix: true }]);
    expect(find("Émeute".toLowerCase())?.words).toEqual([{ text: "emeute", prefix: false }]);
  });

  it.each(LEXICON_LANGUAGES)("each match their own text once it has gone through the text stages (%s)", async (language) => {
    const patterns = [...triggers.filter((entry) => entry.language === language), ...cues.filter((cue) => cue.language === language)].flatMap((entry) => entry.patterns);
    const texts = [...new Set(patterns.map((pattern) => pattern.form.replaceAll("*", "")))];
    const doc = runPipeline(createTextStages(), await ingestDocument(texts.join("\n\n"), { metadata: { language } }));
    const matcher = new PhraseMatcher<string>();
    for (const pattern of patterns) matcher.add(pattern.words, pattern.form.replaceAll("*", ""));
    const matched = new Set(matcher.matchAll(doc).filter((match) => doc.document.text.slice(match.start, match.end) === match.value).map((match) => match.value));
    expect(texts.filter((text) => !matched.has(text))).toEqual([]);
  });
});

describe("a lexicon row that does not parse", () => {
  it.each([
    ["an unknown category", "en\ttrigger\tairstrike\tAirstrike\tASSAULT\taerial\t3\tx", /line 3: category: unknown "Airstrike"/],
    ["a PLOVER type the codebook does not have", "en\ttrigger\tclashes\tArmed clash\tFIGHT\t\t3\tx", /line 3: plover: unknown event type "FIGHT"; .*ASSAULT/],
    ["a mode its PLOVER type does not have", "en\ttrigger\tairstrike\tAir/drone strike\tASSAULT\tair\t3\tx", /line 3: mode: unknown "air"; the modes of ASSAULT are/],
    ["a weight outside 1-3", "en\ttrigger\tclashes\tArmed clash\tASSAULT\t\t4\tx", /line 3: weight must be 1, 2 or 3, not "4"/],
    ["an empty source", "en\ttrigger\tclashes\tArmed clash\tASSAULT\t\t3\t", /line 3: source is empty/],
    ["a trigger without a PLOVER type", "en\ttrigger\tclashes\tArmed clash\t\t\t3\tx", /line 3: plover is empty; a trigger of "Armed clash" must name/],
    ["a star inside a word", "en\ttrigger\tsh*ell\tArmed clash\tASSAULT\t\t3\tx", /line 3: forms: in "sh\*ell", "\*" may only end a word/],
    ["a prefix too short", "en\ttrigger\tar*\tArmed clash\tASSAULT\t\t3\tx", /line 3: forms: in "ar\*", a prefix needs at least 3 letters/],
    ["a form listed twice", "en\ttrigger\tclashes|Clashes\tArmed clash\tASSAULT\t\t3\tx", /line 3: forms: "Clashes" folds to a form already listed/],
    ["an unknown language", "de\ttrigger\tKämpfe\tArmed clash\tASSAULT\t\t3\tx", /line 3: lang: unknown "de"/],
  ])("is refused with the file, line and problem: %s", (_, row, message) => {
    const file = fileWith("bad.tsv", [TRIGGER_HEADER, row]);
    expect(() => readEventTriggers(file)).toThrow(message);
    expect(() => readEventTriggers(file)).toThrow(file);
  });

  it("is refused when another row already lists the form for the same category", () => {
    const file = fileWith("twice.tsv", [TRIGGER_HEADER, "en\ttrigger\tclashes\tArmed clash\tASSAULT\t\t3\tx", "en\ttrigger\tfighting|clashes\tArmed clash\tASSAULT\t\t2\tx"]);
    expect(() => readEventTriggers(file)).toThrow(/line 4: forms: "clashes" is already a trigger of "Armed clash" on line 3/);
  });

  it("is accepted without a PLOVER type where PLOVER has none (an earthquake)", () => {
    const file = fileWith("quake.tsv", [TRIGGER_HEADER, "en\ttrigger\tearthquake\tnatural-disaster\t\t\t3\tx"]);
    expect(readEventTriggers(file)).toEqual([
      { language: "en", role: "trigger", patterns: [{ form: "earthquake", words: [{ text: "earthquake", prefix: false }] }], category: "natural-disaster", plover: null, mode: null, weight: 3, source: "x", line: 3 },
    ]);
  });

  it("in the modality cues is refused too", () => {
    const header = "lang\tforms\tmodality\tposition\tsource";
    expect(() => readModalityCues(fileWith("m1.tsv", [header, "en\tnot\tdenied\tbefore\tx"]))).toThrow(/line 3: modality: unknown "denied"/);
    expect(() => readModalityCues(fileWith("m2.tsv", [header, "en\tnot\tnegated\tnear\tx"]))).toThrow(/line 3: position: unknown "near"/);
    expect(() => readModalityCues(fileWith("m3.tsv", [header, "en\tnot\tnegated\tbefore\t"]))).toThrow(/line 3: source is empty/);
  });
});

