import { once } from "node:events";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDefaultGazetteer } from "../gazetteer/default/index.js";
import type { GazetteerInfo } from "../gazetteer/types.js";
import { runSitrep } from "../test-support/cli.js";
import { gazetteerFixture as fixture, SMALL_DEFAULT_INPUTS as smallInputs, zipOf } from "../test-support/gazetteer-fixtures.js";
import { EXIT } from "./exit-codes.js";


let dir: string;
let smallDefault: string;
let server: Server;
let base: string;


/** A SITREP_HOME holding the small default gazetteer, so that no test waits for the real one. */
async function home(name: string): Promise<Record<string, string>> {
  const path = join(dir, name);
  await mkdir(path, { recursive: true });
  await copyFile(smallDefault, join(path, "gazetteer.sqlite"));
  return { SITREP_HOME: path };
}

async function info(env: Record<string, string>): Promise<GazetteerInfo> {
  const result = await runSitrep(["gazetteer", "info", "--format", "json"], { env });
  expect(result.status).toBe(EXIT.ok);
  return JSON.parse(result.stdout) as GazetteerInfo;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-gazetteer-cli-"));
  smallDefault = join(dir, "small.sqlite");
  await buildDefaultGazetteer(smallDefault, { inputs: smallInputs });

  const towns = (await readFile(fixture("towns.txt"), "utf8")).split("\n").filter(Boolean);
  const only = (country: string): string => `${towns.filter((line) => line.split("\t")[8] === country).join("\n")}\n`;
  const files: Record<string, Buffer> = {
    "/SY.zip": await zipOf({ "SY.txt": only("SY"), "readme.txt": "test dump" }),
    "/LB.zip": await zipOf({ "LB.txt": only("LB") }),
    "/alternatenames/SY.zip": await zipOf({ "SY.txt": await readFile(fixture("alternateNamesV2.txt")) }),
    "/admin1CodesASCII.txt": await readFile(fixture("admin1CodesASCII.txt")),
    "/admin2Codes.txt": await readFile(fixture("admin2Codes.txt")),
  };
  server = createServer((request, response) => {
    const body = files[request.url ?? ""];
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { "content-type": "application/zip" }).end(body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("sitrep gazetteer", () => {
  it("says when the gazetteer was built from other data than this version embeds, and not otherwise", async () => {
    const text = "Des combats ont eu lieu à Homs.";
    const stale = await runSitrep(["analyze", "-", "--format", "json"], { stdin: text, env: await home("stale") });
    expect(stale.status).toBe(EXIT.ok);
    expect(stale.stderr).toMatch(/built from other data than this version embeds.*sitrep gazetteer build/su);
    const current = await runSitrep(["analyze", "-", "--format", "json"], { stdin: text });
    expect(current.status).toBe(EXIT.ok);
    expect(current.stderr).not.toMatch(/built from other data/u);
  });

  it("imports GeoNames files, and importing them again changes no counts", async () => {
    const env = await home("import");
    const files = ["towns.txt", "alternateNamesV2.txt", "admin1CodesASCII.txt"].map(fixture);
    const before = await info(env);

    const first = await runSitrep(["gazetteer", "import", ...files], { env });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(EXIT.ok);
    expect(first.stdout.split("\n").filter(Boolean)).toEqual([
      `${files[0]}: geoname table, 7 places, 0 new names (3 in other scripts left out)`,
      `${files[1]}: alternate names, 11 rows, 5 new names; 1 of places not in the gazetteer and 3 in other scripts, links or codes left out`,
      `${files[2]}: admin1-codes, 4 codes`,
    ]);
    const afterFirst = await info(env);
    expect((await runSitrep(["gazetteer", "import", ...files], { env })).status).toBe(EXIT.ok);
    const twice = await info(env);

    expect([twice.places, twice.names, twice.bySource]).toEqual([afterFirst.places, afterFirst.names, afterFirst.bySource]);
    expect(afterFirst.places).toBe(before.places);
    expect(twice.imports.length).toBe(before.imports.length + 6);
    expect(twice.imports.at(-1)).toMatchObject({ source: "geonames", file: files[2], rows: 4 });
  });

  it("downloads per-country dumps with their alternate names and admin codes, then imports them", async () => {
    const env = await home("download");
    const result = await runSitrep(["gazetteer", "download", "sy", "LB", "--base-url", base, "--allow-private"], { env });
    expect(result.status).toBe(EXIT.ok);
    // GeoNames has no alternate names for some countries: a warning, not a failure.
    expect(result.stderr).toMatch(/^sitrep: warning: no alternate names: .*alternatenames\/LB\.zip answered HTTP 404/m);
    const downloads = join(env.SITREP_HOME ?? "", "downloads");
    for (const file of ["admin1CodesASCII.txt", "admin2Codes.txt", "SY.zip", "alternatenames/SY.zip", "LB.zip"]) expect(existsSync(join(downloads, file))).toBe(true);
    expect(result.stdout).toContain(`downloaded ${base}SY.zip`);
    expect(result.stdout).toContain(`${join(downloads, "alternatenames/SY.zip")}: alternate names, 11 rows, 5 new names`);

    const imported = (await info(env)).imports.slice(-5).map((entry) => entry.file);
    expect(imported).toEqual(["admin1CodesASCII.txt", "admin2Codes.txt", "SY.zip", "alternatenames/SY.zip", "LB.zip"].map((file) => join(downloads, file)));
  });

  it("refuses private addresses unless told, and country codes that are not two letters", async () => {
    const env = await home("refusals");
    const refused = await runSitrep(["gazetteer", "download", "SY", "--base-url", base], { env });
    expect(refused.status).toBe(EXIT.noPermission);
    const badCode = await runSitrep(["gazetteer", "download", "SYR"], { env });
    expect(badCode.status).toBe(EXIT.usage);
    expect(badCode.stderr).toContain('not a two-letter ISO country code: "SYR"');
  });

  it("says clearly what is wrong with a file it cannot import", async () => {
    const env = await home("bad-files");
    const missing = await runSitrep(["gazetteer", "import", join(dir, "absent.zip")], { env });
    expect([missing.status, missing.stderr]).toEqual([EXIT.noInput, `sitrep: error: no such file: ${join(dir, "absent.zip")}\n`]);

    const notes = join(dir, "notes.txt");
    await writeFile(notes, "these are\tnot\tplaces\n");
    const notADump = await runSitrep(["gazetteer", "import", notes], { env });
    expect(notADump.status).toBe(EXIT.data);
    expect(notADump.stderr).toContain(`${notes} is not a GeoNames dump`);

    const corrupt = join(dir, "SY.zip");
    await writeFile(corrupt, (await zipOf({ "SY.txt": "x" })).subarray(0, 30));
    const broken = await runSitrep(["gazetteer", "import", corrupt], { env });
    expect(broken.status).toBe(EXIT.data);
    expect(broken.stderr).toContain(`${corrupt} is not a readable zip file`);
  });

  // The one test that builds the real default (about 20 s alone on a 2-core machine): the command users run.
  it("builds the default gazetteer from the packaged data", { timeout: 180_000 }, async () => {
    const env = { SITREP_HOME: join(dir, "real") };
    const result = await runSitrep(["gazetteer", "build"], { env });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^built .*gazetteer\.sqlite in [\d.]+ s: [\d,]+ places/);
    const built = await info(env);
    expect(built.places).toBeGreaterThan(200_000);
    expect(built.bySource.map((entry) => entry.source).sort()).toEqual(["continents", "geonames", "geonames-admin1", "geonames-admin2", "natural-earth", "overlay"]);
  });

  it("shows what is loaded as text", async () => {
    const env = await home("info");
    const result = await runSitrep(["gazetteer", "info"], { env });
    expect(result.status).toBe(EXIT.ok);
    expect(result.stdout).toContain(`gazetteer  ${join(env.SITREP_HOME ?? "", "gazetteer.sqlite")}`);
    expect(result.stdout).toMatch(/^geonames-admin1 +4$/m);
    expect(result.stdout).toContain(fixture("towns.txt"));
  });
});
