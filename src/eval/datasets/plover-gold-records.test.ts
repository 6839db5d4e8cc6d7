import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPloverGoldRecords } from "./plover-gold-records.js";

const FIXTURE = fileURLToPath(new URL("../../../fixtures/eval/plover-gsr.txt", import.meta.url));

describe("readPloverGoldRecords", () => {
  it("skips the DOCUMENT header and reads text, event, mode (empty as none) and event words", async () => {
    expect(await readPloverGoldRecords(FIXTURE)).toEqual([
      {
        id: "FIXTURE-GSR-ASSAULT-0001",
        text: "Government warplanes bombed a village near Idlib, killing six civilians.",
        event: "ASSAULT",
        mode: "heavy-weapons",
        eventText: "bombed",
      },
      { id: "FIXTURE-GSR-AGREE-0001", text: "Lebanon and Syria agreed on Sunday to reopen the border crossing at Masnaa.", event: "AGREE", mode: null, eventText: "agreed reopen" },
      { id: "FIXTURE-GSR-PROTEST-0001", text: "Teachers in Beirut went on strike to demand higher pay.", event: "PROTEST", mode: "strike-gen", eventText: "went on strike" },
    ]);
  });

  it("refuses what is not an array of event records", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "sitrep-plover-")), "gsr.txt");
    await writeFile(path, JSON.stringify({ id: "x" }));
    await expect(readPloverGoldRecords(path)).rejects.toMatchObject({ code: "input-format" });
    await writeFile(path, JSON.stringify([{ id: "x", event: "AGREE" }]));
    await expect(readPloverGoldRecords(path)).rejects.toMatchObject({ code: "input-format", message: expect.stringContaining('"x"') });
  });
});
