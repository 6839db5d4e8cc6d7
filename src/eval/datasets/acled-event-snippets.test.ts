import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readAcledEventSnippets } from "./acled-event-snippets.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/case2021-task2.tsv", import.meta.url));

async function file(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "sitrep-case-")), "snippets.tsv");
  await writeFile(path, content);
  return path;
}

describe("readAcledEventSnippets", () => {
  it("reads id, snippet and label after the header, quotes kept as text", async () => {
    const snippets = await readAcledEventSnippets(FIXTURE);
    expect(snippets.map((snippet) => [snippet.id, snippet.label])).toEqual([
      ["1", "AIR_STRIKE"],
      ["3", "PEACE_PROTEST"],
      ["5", "NATURAL_DISASTER"],
      ["7", "ORG_CRIME"],
    ]);
    expect(snippets[1]?.text).toBe('Hundreds of teachers marched peacefully through Beirut to demand "unpaid" salaries.');
  });

  it("takes CRLF line ends and skips blank lines", async () => {
    const snippets = await readAcledEventSnippets(await file("id\tEventSnippet\tSubType\r\n9\tA grenade hit a café.\tGRENADE\r\n\r\n"));
    expect(snippets).toEqual([{ id: "9", text: "A grenade hit a café.", label: "GRENADE" }]);
  });

  it("refuses another header or a line without three fields, saying where", async () => {
    await expect(readAcledEventSnippets(await file("id\ttext\tlabel\n1\tx\tATTACK\n"))).rejects.toMatchObject({ code: "input-format", message: expect.stringContaining("header") });
    await expect(readAcledEventSnippets(await file("id\tEventSnippet\tSubType\n1\tno label\n"))).rejects.toMatchObject({ code: "input-format", message: expect.stringContaining(":2: expected 3") });
  });
});
