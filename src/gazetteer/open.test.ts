import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMALL_DEFAULT_INPUTS as inputs } from "../test-support/gazetteer-fixtures.js";
import { openGazetteer } from "./open.js";


let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-open-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("openGazetteer", () => {
  it("builds the default when the file is missing, reporting progress, and only opens it afterwards", async () => {
    const path = join(dir, "home", "gazetteer.sqlite");
    const progress: number[] = [];
    const first = await openGazetteer({ path, inputs, onProgress: (done) => progress.push(done) });
    expect(first.byKey("aarsal")[0]?.place.name).toBe("Aarsal");
    first.close();
    expect(progress.length).toBeGreaterThan(0);

    const built = await stat(path);
    const again: number[] = [];
    const second = await openGazetteer({ path, inputs, onProgress: (done) => again.push(done) });
    expect(second.info().places).toBe(19);
    second.close();
    expect(again).toEqual([]);
    expect((await stat(path)).mtimeMs).toBe(built.mtimeMs);
  });
});
