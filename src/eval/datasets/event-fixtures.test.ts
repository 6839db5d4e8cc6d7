import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACLED_EVENT_TYPE, ACLED_SUB_EVENT_TYPES, OTHER_SCOPES } from "../../events/lexicon.js";
import { EVENT_FIXTURE_COLUMNS, NO_EVENT, readEventFixtures } from "./event-fixtures.js";

const SHIPPED = (language: string): string => fileURLToPath(new URL(`../../../fixtures/events/${language}.tsv`, import.meta.url));
const HELD_OUT = (language: string): string => fileURLToPath(new URL(`../../../fixtures/events-heldout/${language}.tsv`, import.meta.url));
const HEADER = EVENT_FIXTURE_COLUMNS.join("\t");

async function file(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "sitrep-event-fixtures-")), "gold.tsv");
  await writeFile(path, content);
  return path;
}

const row = (...fields: string[]): string => fields.join("\t");

describe("readEventFixtures on the shipped fixtures", () => {
  it.each(["fr", "ar"])("%s: about 60 sentences covering every sub-event type, scope and modality, each value found in its text", async (language) => {
    const { language: read, fixtures } = await readEventFixtures(SHIPPED(language));
    expect(read).toBe(language);
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    const labels = new Set(fixtures.map((fixture) => fixture.label));
    for (const label of [...ACLED_SUB_EVENT_TYPES, ...OTHER_SCOPES, NO_EVENT]) expect(labels, label).toContain(label);
    expect(new Set(ACLED_SUB_EVENT_TYPES.map((type) => ACLED_EVENT_TYPE[type])).size).toBe(6);
    const modalities = new Set(fixtures.map((fixture) => fixture.modality));
    for (const modality of ["asserted", "negated", "future", "hypothetical", "reported"]) expect(modalities, modality).toContain(modality);
    expect(fixtures.filter((fixture) => fixture.fatalities !== null).length).toBeGreaterThanOrEqual(15);
    expect(fixtures.filter((fixture) => fixture.date !== null && fixture.date !== fixture.published).length).toBeGreaterThanOrEqual(30);
    for (const fixture of fixtures) {
      for (const span of [fixture.location, fixture.actor1, fixture.actor2]) if (span !== null) expect(fixture.text.slice(span.start, span.end)).toBe(span.text);
      expect(fixture.id.startsWith(`${language}-`)).toBe(true);
    }
  });
});

describe("readEventFixtures on the held-out fixtures", () => {
  it.each(["fr", "ar"])("%s: 40 sentences, most with both sides, each value found in its text", async (language) => {
    const { language: read, fixtures } = await readEventFixtures(HELD_OUT(language));
    expect(read).toBe(language);
    expect(fixtures).toHaveLength(40);
    expect(fixtures.filter((fixture) => fixture.actor1 !== null && fixture.actor2 !== null).length).toBeGreaterThanOrEqual(25);
    for (const fixture of fixtures) {
      for (const span of [fixture.location, fixture.actor1, fixture.actor2]) if (span !== null) expect(fixture.text.slice(span.start, span.end)).toBe(span.text);
    }
  });
});

describe("readEventFixtures", () => {
  it("reads the language from a comment, spans from substrings, a numbered occurrence, one-number fatalities and a none row; CRLF and blank lines taken", async () => {
    const path = await file(
      [
        "# test fixtures, language: ar",
        HEADER,
        row("a1", "2024-02-07", "اعتقلت قوات الأمن التونسية قياديا في تونس.", "Arrests", "asserted", "", "2024-02-05", "تونس#2", "قوات الأمن", ""),
        "",
        row("a2", "2024-02-07", "قتل ثلاثة في حلب.", "Attack", "reported", "3", "", "حلب", "", ""),
        row("a3", "2024-02-07", "ارتفعت الأسعار.", NO_EVENT, "", "", "", "", "", ""),
      ].join("\r\n"),
    );
    const { language, fixtures } = await readEventFixtures(path);
    expect(language).toBe("ar");
    expect(fixtures.map((fixture) => fixture.id)).toEqual(["a1", "a2", "a3"]);
    const [first, second, third] = fixtures;
    const text = first?.text ?? "";
    // The second "تونس" is the city; the first is inside "التونسية".
    expect(first?.location).toEqual({ start: text.lastIndexOf("تونس"), end: text.lastIndexOf("تونس") + 4, text: "تونس" });
    expect(text.indexOf("تونس")).toBeLessThan(text.lastIndexOf("تونس"));
    expect(first?.actor1).toEqual({ start: 7, end: 17, text: "قوات الأمن" });
    expect(first).toMatchObject({ label: "Arrests", modality: "asserted", date: "2024-02-05", fatalities: null, actor2: null, line: 3 });
    expect(second).toMatchObject({ modality: "reported", fatalities: { low: 3, high: 3 }, date: null, published: "2024-02-07" });
    expect(third).toMatchObject({ label: NO_EVENT, modality: null, location: null });
  });

  it.each([
    ["no language comment", `${HEADER}\n`, "naming the language"],
    ["another header", "# language: fr\nid\ttext\n", "expected the header"],
    ["a short line", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "x")}\n`, ":3: expected 10"],
    ["an unknown label", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "Combats à Gao.", "Battle", "asserted", "", "", "", "", "")}\n`, 'sub_event_type "Battle"'],
    ["a missing substring", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "Combats à Gao.", "Armed clash", "asserted", "", "", "Kidal", "", "")}\n`, 'location: "Kidal" is not in the text'],
    ["an ambiguous substring", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "Gao, près de Gao.", "Armed clash", "asserted", "", "", "Gao", "", "")}\n`, 'write "Gao#n"'],
    ["a bad date", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "Combats.", "Armed clash", "asserted", "", "2024-02-30", "", "", "")}\n`, "date must be an ISO date"],
    ["a bad toll", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "Combats.", "Armed clash", "asserted", "9-3", "", "", "", "")}\n`, "low <= high"],
    ["a bad modality", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "Combats.", "Armed clash", "certain", "", "", "", "", "")}\n`, "modality must be one of"],
    ["a none row with values", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "Rien.", NO_EVENT, "asserted", "", "", "", "", "")}\n`, "leaves modality"],
    ["a repeated id", `# language: fr\n${HEADER}\n${row("f1", "2024-01-01", "Rien.", NO_EVENT, "", "", "", "", "", "")}\n${row("f1", "2024-01-01", "Rien.", NO_EVENT, "", "", "", "", "", "")}\n`, "used twice"],
  ])("refuses %s, saying where", async (_case, content, message) => {
    await expect(readEventFixtures(await file(content))).rejects.toMatchObject({ code: "input-format", message: expect.stringContaining(message) });
  });
});
