/**
 * Two `sitrep worker` processes drain one PostgreSQL queue: every queued
 * document is analysed exactly once, and stored once. Runs in a database of
 * its own, dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSitrep } from "../test-support/cli.js";
import { generatedReports } from "../test-support/generated-reports.js";

const server = process.env["SITREP_TEST_POSTGRES"] ?? "postgres://postgres@127.0.0.1:5432/test";
const database = `sitrep_workers_${randomBytes(6).toString("hex")}`;
const url = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
});

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

interface WorkerSummary {
  stored: number;
  duplicate: number;
  skipped: number;
  failed: number;
  corpus: { documents: number };
}

describe("sitrep worker", () => {
  it("shares a queue with another worker and analyses every document exactly once", async () => {
    const batch = join(mkdtempSync(join(tmpdir(), "sitrep-workers-")), "reports.jsonl");
    const count = 60;
    writeFileSync(batch, generatedReports(count));

    const queued = await runSitrep(["ingest", batch, "--db", url, "--queue", "--format", "json"]);
    expect(queued.stderr).toBe("");
    expect(JSON.parse(queued.stdout)).toEqual({ queued: count, skipped: 0, failed: 0 });
    // Queued inputs are not queued twice.
    expect(JSON.parse((await runSitrep(["ingest", batch, "--db", url, "--queue", "--format", "json"])).stdout)).toEqual({ queued: 0, skipped: count, failed: 0 });

    const worker = () => runSitrep(["worker", "--db", url, "--drain", "--jobs", "1", "--format", "json"]);
    const results = await Promise.all([worker(), worker()]);
    for (const result of results) expect(result.status, result.stderr).toBe(0);
    const summaries = results.map((result) => JSON.parse(result.stdout) as WorkerSummary);
    const analysed = summaries.map((summary) => summary.stored + summary.duplicate + summary.failed);
    expect(analysed.reduce((a, b) => a + b, 0)).toBe(count);
    expect(summaries.reduce((sum, summary) => sum + summary.stored, 0)).toBe(count);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query<{ n: number }>("SELECT count(*)::int AS n FROM documents")).rows[0]?.n).toBe(count);
      const jobs = await client.query<{ state: string; retries: number; n: number }>(
        "SELECT state, max(retry_count)::int AS retries, count(*)::int AS n FROM sitrep_queue.job WHERE name = 'sitrep-analyse' GROUP BY state",
      );
      expect(jobs.rows).toEqual([{ state: "completed", retries: 0, n: count }]);
    } finally {
      await client.end();
    }
  }, 120_000);
});
