import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { CorpusEvent } from "../corpus/types.js";
import { runSitrep, runSitrepInProcess } from "../test-support/cli.js";
import { generatedReports } from "../test-support/generated-reports.js";

/** Invented reports: two outlets on one clash (with different tolls), a bombing in the same city that day, and a protest elsewhere. */
const REPORTS = [
  { url: "https://www.reuters.com/world/homs-clashes", text: "Syrian troops clashed with Nusra fighters near Homs on Wednesday, killing at least 12 people." },
  { url: "https://www.aljazeera.com/news/homs", text: "Clashes between the Syrian army and Nusra Front fighters near Homs on Wednesday left five people dead, activists said." },
  { url: "https://www.bbc.com/news/homs-bomb", text: "A car bomb exploded in a crowded market in Homs on Wednesday, killing seven civilians." },
  { url: "https://www.france24.com/fr/beyrouth", text: "Des milliers de manifestants ont défilé pacifiquement à Beyrouth mardi contre la corruption." },
];

function corpusFiles(): { dir: string; batch: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-ingest-"));
  const batch = join(dir, "reports.jsonl");
  writeFileSync(batch, REPORTS.map((report) => JSON.stringify({ ...report, published: "2015-05-15" })).join("\n") + "\n");
  return { dir, batch, db: join(dir, "corpus.sqlite") };
}

interface Summary {
  stored: number;
  duplicate: number;
  skipped: number;
  failed: number;
  corpus: { documents: number; events: number; clusters: number };
}

describe("sitrep ingest", () => {
  it("stores each document once, however often it is ingested", async () => {
    const { batch, db } = corpusFiles();
    const first = await runSitrepInProcess("ingest", batch, "--db", db, "--jobs", "1", "--format", "json");
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const once = JSON.parse(first.stdout) as Summary;
    expect(once).toMatchObject({ stored: 4, duplicate: 0, skipped: 0, failed: 0 });
    const second = JSON.parse((await runSitrepInProcess("ingest", batch, "--db", db, "--jobs", "1", "--format", "json")).stdout) as Summary;
    expect(second).toMatchObject({ stored: 0, skipped: 4, failed: 0 });
    expect(second.corpus).toEqual(once.corpus);
  });

  it("goes on past a bad input, reports it and exits non-zero", async () => {
    const { dir, db } = corpusFiles();
    const folder = join(dir, "reports");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.txt"), REPORTS[0]?.text ?? "");
    writeFileSync(join(folder, "b.txt"), "");
    writeFileSync(join(folder, "c.txt"), REPORTS[2]?.text ?? "");
    const result = await runSitrepInProcess("ingest", folder, join(dir, "missing.txt"), "--db", db, "--jobs", "1", "--format", "json");
    expect(result.status).toBe(65);
    expect(JSON.parse(result.stdout)).toMatchObject({ stored: 2, failed: 2 });
    expect(result.stderr).toMatch(/b\.txt: .*empty/);
    expect(result.stderr).toMatch(/missing\.txt/);
  });

  describe("on the corpus it built", () => {
    const { batch, db } = corpusFiles();

    beforeAll(async () => {
      expect((await runSitrepInProcess("ingest", batch, "--db", db, "--jobs", "1")).status).toBe(0);
    });

    it("merges one outlet's report of an attack with another's, and keeps a different attack apart", async () => {
      const { stdout, status } = await runSitrepInProcess("events", "--db", db, "--format", "json");
      expect(status).toBe(0);
      const events = JSON.parse(stdout) as CorpusEvent[];
      const homs = events.filter((event) => event.summary.place?.name === "Homs");
      expect(homs.map((event) => event.members.length).sort()).toEqual([1, 2]);
      const clash = homs.find((event) => event.members.length === 2);
      expect(clash?.summary.corroboration.outlets.sort()).toEqual(["al-jazeera-english", "reuters"]);
      expect(clash?.summary.fatalities).toHaveLength(2);
    });

    it("filters on the command line and refuses a bad filter", async () => {
      const listed = await runSitrepInProcess("events", "--db", db, "--format", "jsonl", "--type", "Protests");
      expect(listed.stdout.trim().split("\n").map((line) => (JSON.parse(line) as CorpusEvent).summary.place?.name)).toEqual(["Beirut"]);
      const table = await runSitrepInProcess("events", "--db", db, "--format", "text", "--min-corroboration", "2");
      expect(table.stdout).toMatch(/Armed clash/);
      expect(table.stdout).not.toMatch(/Peaceful protest/);
      const bad = await runSitrepInProcess("events", "--db", db, "--bbox", "36,35,30");
      expect(bad.status).toBe(64);
      expect(bad.stderr).toMatch(/four numbers/);
    });

    it("exports ACLED-style CSV with ACLED's columns first", async () => {
      const { stdout, status } = await runSitrepInProcess("export", "--db", db, "--format", "acled-csv");
      expect(status).toBe(0);
      const rows = parse(stdout, { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(3);
      expect(Object.keys(rows[0] ?? {}).slice(0, 3)).toEqual(["event_id_cnty", "event_date", "year"]);
      expect(rows.find((row) => row["sub_event_type"] === "Armed clash")).toMatchObject({ country: "Syria", location: "Homs", event_date: "2015-05-13" });
    });

    it("takes a review and shows it in exports", async () => {
      const [clash] = (await runSitrepInProcess("events", "--db", db, "--format", "jsonl", "--sub-type", "Armed clash")).stdout.trim().split("\n").map((line) => JSON.parse(line) as CorpusEvent);
      const review = await runSitrepInProcess("review", clash?.id ?? "", "--db", db, "--reviewer", "analyst", "--set", "subEventType=Attack");
      expect(review.status).toBe(0);
      const rows = parse((await runSitrepInProcess("export", "--db", db, "--format", "acled-csv")).stdout, { columns: true }) as Record<string, string>[];
      expect(rows.map((row) => row["sub_event_type"])).toContain("Attack");
      expect(rows.map((row) => row["sub_event_type"])).not.toContain("Armed clash");
      const refused = await runSitrepInProcess("review", "c-none", "--db", db, "--reviewer", "analyst", "--confirm");
      expect(refused.status).toBe(66);
    });
  });
});

describe("sitrep ingest, killed part-way", () => {
  const main = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

  it("loses and duplicates nothing when started again", async () => {
    const { dir } = corpusFiles();
    const batch = join(dir, "many.jsonl");
    writeFileSync(batch, generatedReports(400));
    const killed = join(dir, "killed.sqlite");
    const child = spawn(process.execPath, [main, "ingest", batch, "--db", killed, "--jobs", "2"], { stdio: "ignore" });
    // Kill as soon as some, but not all, documents are in.
    let stored = 0;
    while (stored < 20) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = countIn(killed, "documents");
      if (child.exitCode !== null) throw new Error("the ingestion finished before it could be killed: give it more work");
    }
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect(countIn(killed, "documents")).toBeLessThan(400);

    const resumed = await runSitrep(["ingest", batch, "--db", killed, "--jobs", "2", "--format", "json"]);
    expect(resumed.status).toBe(0);
    const clean = join(dir, "clean.sqlite");
    expect((await runSitrep(["ingest", batch, "--db", clean, "--jobs", "2"])).status).toBe(0);
    expect(countIn(killed, "documents")).toBe(400);
    expect(countIn(killed, "events")).toBe(countIn(clean, "events"));
    expect(documentIds(killed)).toEqual(documentIds(clean));
    // Every event belongs to a cluster: none was left half-stored.
    expect(countIn(killed, "events WHERE cluster_id IS NULL")).toBe(0);
  }, 120_000);
});

function countIn(path: string, table: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    // Not created, or not migrated yet.
    return 0;
  }
}

function documentIds(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT id FROM documents ORDER BY id").all() as { id: string }[]).map((row) => row.id);
  } finally {
    db.close();
  }
}
