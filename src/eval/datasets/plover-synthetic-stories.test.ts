import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPloverSyntheticStories } from "./plover-synthetic-stories.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/ngec-synthetic.csv", import.meta.url));

describe("readPloverSyntheticStories", () => {
  it("reads text, label and mode (lower case, empty as none) by row number, texts spanning lines", async () => {
    const stories = await readPloverSyntheticStories(FIXTURE);
    expect(stories.map(({ id, event, mode }) => ({ id, event, mode }))).toEqual([
      { id: "1", event: "PROTEST", mode: "strike" },
      { id: "2", event: "ASSAULT", mode: "primitive" },
      { id: "3", event: "AGREE", mode: null },
    ]);
    expect(stories[1]?.text).toBe('Villagers near Hama said attackers armed with knives and clubs raided the market.\n\n"They came at night," one resident said.');
  });

  it("respells the codebook's misspelt modes and keeps what the file said", async () => {
    const stories = await readPloverSyntheticStories(FIXTURE);
    expect(stories[1]).toMatchObject({ mode: "primitive", statedMode: "PRIMATIVE" });
    expect(stories[0]).not.toHaveProperty("statedMode");
  });

  it("refuses a CSV without the label and mode columns", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "sitrep-ngec-")), "stories.csv");
    await writeFile(path, "text,category\nSomething happened.,X\n");
    await expect(readPloverSyntheticStories(path)).rejects.toMatchObject({ code: "input-format", message: expect.stringContaining("label, mode") });
  });
});
