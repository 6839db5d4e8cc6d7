import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../cli/exit-codes.js";
import { runSitrepInProcess as sitrep } from "../../test-support/cli.js";

// `sitrep eval geoparse` in-process, with the default pipeline and the test gazetteer home
// (global-setup.ts), on an invented LGL file. The scores are the places stage's business; this
// checks the command: options, table, report.
const LGL = `<articles>
  <article docid="1"><text><![CDATA[Clashes near Homs.]]></text><toponyms>
    <toponym><start>13</start><end>17</end><phrase>Homs</phrase><gaztag geonameid="169577"><lat>34.72682</lat><lon>36.72339</lon></gaztag></toponym>
  </toponyms></article>
  <article docid="2"><text><![CDATA[Calm in Hama.]]></text><toponyms>
    <toponym><start>8</start><end>12</end><phrase>Hama</phrase></toponym>
  </toponyms></article>
</articles>`;


describe("sitrep eval geoparse", () => {
  it("scores a --gold file, --limit documents, and writes per-document details with --out", async () => {
    const root = await mkdtemp(join(tmpdir(), "sitrep-geoparse-cli-"));
    await mkdir(join(root, "mine"));
    await writeFile(join(root, "mine", "lgl.xml"), LGL);
    const out = join(root, "report.json");
    const result = await sitrep("eval", "geoparse", "--data", root, "--gold", join(root, "mine"), "--limit", "1", "--out", out);
    expect(result.status).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^geoparse: /);
    expect(result.stdout).toMatch(/\nlgl +1 +1 +1 /);
    expect(result.stderr).toBe(""); // not a terminal: no progress line
    const report = JSON.parse(await readFile(out, "utf8")) as { results: { geoparse: { rows: unknown[]; details: { lgl: { documents: { id: string; gold: number }[] } } } } };
    expect(report.results.geoparse.rows).toHaveLength(1);
    expect(report.results.geoparse.details.lgl.documents).toEqual([expect.objectContaining({ id: "1", gold: 1 })]);
  });

  it("refuses a bad --limit and an unreadable --gold", async () => {
    expect((await sitrep("eval", "geoparse", "--limit", "0")).status).toBe(EXIT.usage);
    const missing = await sitrep("eval", "geoparse", "--gold", join(tmpdir(), "sitrep-no-such-gold"));
    expect(missing.status).toBe(EXIT.noInput);
    expect(missing.stderr).toContain("does not exist");
  });
});
