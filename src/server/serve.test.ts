import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runSitrep } from "../test-support/cli.js";

const main = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "sitrep-serve-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Running {
  url: string;
  stderr: () => string;
  stop: (signal: NodeJS.Signals) => Promise<number | null>;
}

/** Starts the built `sitrep serve` and resolves once it prints where it listens. */
function serve(args: readonly string[]): Promise<Running> {
  const child = spawn(process.execPath, [main, "serve", "--port", "0", ...args], { env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    void exited.then((code) => reject(new Error(`sitrep serve exited with ${code} before listening: ${stderr}`)));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const url = /serving the corpus at (http:\/\/\S+?)\/ /.exec(stdout)?.[1];
      if (url !== undefined) {
        resolve({
          url,
          stderr: () => stderr,
          stop: (signal) => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
  });
}

describe("sitrep serve", () => {
  const db = join(folder, "corpus.sqlite");

  it("seeds an empty corpus with the founding example, serves it, and stops cleanly on SIGTERM", async () => {
    const server = await serve(["--db", db]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.stderr()).toContain("ingesting the founding example examples/qalamoun-fr.txt");
    const stats = (await (await fetch(`${server.url}/api/stats`)).json()) as { documents: number; clusters: number };
    expect(stats.documents).toBe(1);
    expect(stats.clusters).toBeGreaterThan(0);
    const { events } = (await (await fetch(`${server.url}/api/events?text=Qalamoune`)).json()) as { events: { members: { report: { outlet: { id: string } | null; published: string | null } }[] }[] };
    expect(events.length).toBe(stats.clusters);
    expect(events[0]?.members[0]?.report).toMatchObject({ outlet: { id: "al-manar" }, published: "2015-05-15" });
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(server.stderr()).toContain("SIGTERM: stopping");
  });

  it("leaves a corpus that has documents as it is, and stops on SIGINT", async () => {
    const server = await serve(["--db", db]);
    expect(server.stderr()).not.toContain("founding example");
    expect(((await (await fetch(`${server.url}/api/stats`)).json()) as { documents: number }).documents).toBe(1);
    expect(await server.stop("SIGINT")).toBe(0);
  });

  it("refuses to listen beyond loopback without a token", async () => {
    const refused = await runSitrep(["serve", "--db", db, "--host", "0.0.0.0"], { env: { SITREP_TOKEN: "" } });
    expect(refused.status).toBe(64);
    expect(refused.stderr).toContain("listening on 0.0.0.0 lets other machines reach the server: give a token (--token or SITREP_TOKEN)");
    const short = await runSitrep(["serve", "--db", db, "--host", "0.0.0.0", "--token", "secret"]);
    expect(short.status).toBe(64);
    expect(short.stderr).toContain("the token must be at least 16 characters long");
  });
});
