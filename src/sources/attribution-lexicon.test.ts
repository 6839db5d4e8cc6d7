import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEXICON_LANGUAGES } from "../events/lexicon.js";
import { CUE_KINDS, readAttributionCues } from "./attribution-lexicon.js";

const HEADER = "# test lexicon\nlang\tforms\tkind\tsource\n";

function lexiconFile(rows: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-cues-")), "attribution-cues.tsv");
  writeFileSync(file, HEADER + rows);
  return file;
}

describe("the attribution cue lexicon", () => {
  const cues = readAttributionCues();

  it("has verbs, prepositions and nouns in every language, each row with a source", () => {
    for (const language of LEXICON_LANGUAGES) {
      for (const kind of CUE_KINDS) expect(cues.some((cue) => cue.language === language && cue.kind === kind), `${language} ${kind}`).toBe(true);
    }
    for (const cue of cues) expect(cue.source.length).toBeGreaterThan(10);
  });

  it("writes Arabic forms without the article, which the matcher strips itself", () => {
    const arabic = cues.filter((cue) => cue.language === "ar").flatMap((cue) => cue.patterns.map((pattern) => pattern.form));
    expect(arabic.filter((form) => form.startsWith("ال"))).toEqual([]);
  });

  it("splits forms the way the tokeniser splits text", () => {
    const forms = cues.flatMap((cue) => cue.patterns);
    expect(forms.find((pattern) => pattern.form === "d'après")?.words).toEqual([
      { text: "d'", prefix: false },
      { text: "apres", prefix: false },
    ]);
    expect(forms.find((pattern) => pattern.form === "according to")?.words.map((word) => word.text)).toEqual(["according", "to"]);
  });

  it("refuses a row that does not parse, with its line", () => {
    expect(() => readAttributionCues(lexiconFile("en\tsaid\tadverb\tcurated\n"))).toThrow(/line 3: kind: unknown "adverb"/u);
    expect(() => readAttributionCues(lexiconFile("en\tsaid\tverb\t\n"))).toThrow(/line 3: source is empty/u);
    expect(() => readAttributionCues(lexiconFile("en\tsaid|Said\tverb\tcurated\n"))).toThrow(/folds to a form already listed on line 3/u);
    expect(() => readAttributionCues(lexiconFile("fr\tdé*\tverb\tcurated\n"))).toThrow(/a prefix needs at least 3 letters/u);
    expect(() => readAttributionCues(lexiconFile("en\tsaid\tverb\n"))).toThrow(/3 tab-separated fields where the header has 4/u);
  });
});
