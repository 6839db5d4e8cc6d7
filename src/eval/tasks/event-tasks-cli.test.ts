import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../cli/exit-codes.js";
import { runSitrepInProcess as sitrep } from "../../test-support/cli.js";

// `sitrep eval <task> --gold <fixture>` in-process, with the default pipeline and the test
// gazetteer home (global-setup.ts). The scores are the events stage's business; this checks the
// commands: options, table, report, whatever the pipeline finds.
const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/eval/${name}`, import.meta.url));


interface Report {
  results: Record<string, { rows: Record<string, unknown>[]; columns: string[]; details: Record<string, unknown> }>;
}

async function evaluate(task: string, gold: string, ...more: string[]): Promise<{ stdout: string; report: Report }> {
  const out = join(await mkdtemp(join(tmpdir(), `sitrep-${task}-cli-`)), "report.json");
  const result = await sitrep("eval", task, "--data", tmpdir(), "--gold", fixture(gold), "--out", out, ...more);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(EXIT.ok);
  expect(result.stdout.startsWith(`${task}: `)).toBe(true);
  const report = JSON.parse(await readFile(out, "utf8")) as Report;
  for (const row of report.results[task]?.rows ?? []) expect(Object.keys(row).sort()).toEqual([...(report.results[task]?.columns ?? [])].sort());
  return { stdout: result.stdout, report };
}

describe("sitrep eval on the event tasks", () => {
  it("event-typing: scores a --gold TSV and reports every snippet", async () => {
    const { stdout, report } = await evaluate("event-typing", "case2021-task2.tsv");
    expect(stdout).toMatch(/\nall 30 sub-event types +4 /);
    expect(stdout).toMatch(/\nVIOL_DEMONSTR +0 /);
    const details = report.results["event-typing"]?.details["case2021-task2"] as { snippets: { id: string; gold: string }[] };
    expect(details.snippets.map((snippet) => [snippet.id, snippet.gold])).toEqual([
      ["1", "AIR_STRIKE"],
      ["3", "PEACE_PROTEST"],
      ["5", "NATURAL_DISASTER"],
      ["7", "ORG_CRIME"],
    ]);
  });

  it("event-location: scores a --gold JSON, --limit records, with the two rule rows", async () => {
    const { stdout, report } = await evaluate("event-location", "event-location.json", "--limit", "3");
    expect(stdout).toMatch(/\nevents +3 +2 /);
    expect(stdout).toMatch(/\nfirst in sentence +3 +2 /);
    expect(stdout).toMatch(/\nnearest +3 +2 /);
    expect((report.results["event-location"]?.details["event-location"] as { records: unknown[] }).records).toHaveLength(3);
  });

  it("plover: detects each --gold format", async () => {
    const gsr = await evaluate("plover", "plover-gsr.txt");
    expect(gsr.stdout).toMatch(/\nplover-gsr +all +3 /);
    const ngec = await evaluate("plover", "ngec-synthetic.csv");
    expect(ngec.stdout).toMatch(/\nngec-synthetic +all +3 /);
    expect(ngec.stdout).toContain("never evidence of accuracy on real news");
  });

  it("refuses a --gold file of another format", async () => {
    const result = await sitrep("eval", "event-typing", "--gold", fixture("plover-gsr.txt"));
    expect(result.status).not.toBe(EXIT.ok);
    expect(result.stderr).toContain("CASE 2021 Task 2 header");
  });
});
