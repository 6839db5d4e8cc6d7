import { once } from "node:events";
import { mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../analyze/analyze.js";
import type { Analysis } from "../model/analysis.js";
import { runSitrep } from "../test-support/cli.js";
import { assertValid } from "../test-support/schema.js";
import { sliceProblems } from "../test-support/spans.js";
import { EXIT } from "./exit-codes.js";

let dir: string;
let server: Server;
let base: string;
const pending: import("node:http").ServerResponse[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-cli-"));
  const article = await readFile(new URL("../../fixtures/article.html", import.meta.url));
  server = createServer((request, response) => {
    if (request.url === "/article") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(article);
    } else if (request.url === "/hang") {
      pending.push(response); // never answers: the client's timeout must fire
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of pending) response.destroy();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

const file = async (name: string, content: string | Uint8Array): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

describe("sitrep analyze", () => {
  it("analyses the founding example to schema-valid JSON, as the library does", async () => {
    const result = await runSitrep(["analyze", "examples/qalamoun-fr.txt", "--format", "json", "--published", "2015-05-15"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(EXIT.ok);
    const analysis = JSON.parse(result.stdout) as Analysis;
    assertValid("analysis", analysis);
    expect(analysis.document.language).toBe("fr");
    expect(analysis.document.metadata_from.published).toBe("option:--published");
    expect(sliceProblems(analysis)).toEqual([]);
    const text = await readFile(new URL("../../examples/qalamoun-fr.txt", import.meta.url), "utf8");
    const library = await analyze({ bytes: new TextEncoder().encode(text), label: "examples/qalamoun-fr.txt" }, { metadata: { published: "2015-05-15" }, metadataFrom: { published: "option:--published" } });
    expect(analysis).toEqual(JSON.parse(JSON.stringify(library)));
  });

  it("prints a readable summary with --format text", async () => {
    const result = await runSitrep(["analyze", "examples/qalamoun-fr.txt", "--format", "text"]);
    expect(result.status).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/language\s+fr/);
    expect(result.stdout).toMatch(/Sentences \(\d+\)/);
    expect(result.stdout).toMatch(/Places \(\d+\)\n.*Qalamoune .*Qalamoun Mountains/);
    expect(result.stdout).toMatch(/Actors \(\d+\)\n[\s\S]*front al-Nosra .*→ Al Nusra Front/);
    expect(result.stdout).toMatch(/Events \(\d+\)\n[\s\S]*combats .*Battles \/ Armed clash .*negated/);
    expect(result.stdout).toMatch(/Sources \(\d+\)\n\s+s1\s+publisher\s+Al-Manar \[party-affiliated: hezbollah\]/);
    expect(result.stdout).toMatch(/Framing \(\d+\)\n[\s\S]*effondrement total\s+Loaded_Language/);
  });

  it("reads standard input", async () => {
    const result = await runSitrep(["analyze", "-"], { stdin: "The army retook the town after three days of fighting, officials said on Monday." });
    expect(result.status).toBe(EXIT.ok);
    expect((JSON.parse(result.stdout) as Analysis).document.language).toBe("en");
  });

  it("reads a URL, refusing loopback addresses unless allowed", async () => {
    const refused = await runSitrep(["analyze", `${base}/article`]);
    expect(refused.status).toBe(EXIT.noPermission);
    expect(refused.stderr).toMatch(/refusing to fetch .*loopback.*--allow-private/);
    expect(refused.stdout).toBe("");

    const allowed = await runSitrep(["analyze", `${base}/article`, "--allow-private"]);
    expect(allowed.status).toBe(EXIT.ok);
    const analysis = JSON.parse(allowed.stdout) as Analysis;
    assertValid("analysis", analysis);
    expect(analysis.document.input.format).toBe("html");
    expect(analysis.document.text).toContain("outskirts of Arsal");
  });

  it("gives up on a URL that does not answer in time", async () => {
    const result = await runSitrep(["analyze", `${base}/hang`, "--allow-private", "--timeout", "300"]);
    expect(result.status).toBe(EXIT.tempFail);
    expect(result.stderr).toMatch(/did not answer/);
  });

  it("reports an HTTP error status", async () => {
    const result = await runSitrep(["analyze", `${base}/missing`, "--allow-private"]);
    expect(result.status).toBe(EXIT.unavailable);
    expect(result.stderr).toMatch(/404/);
  });

  it("refuses an empty file", async () => {
    const result = await runSitrep(["analyze", await file("empty.txt", "")]);
    expect(result.status).toBe(EXIT.data);
    expect(result.stderr).toMatch(/is empty/);
    expect(result.stdout).toBe("");
  });

  it("refuses a binary file", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const result = await runSitrep(["analyze", await file("image.txt", png)]);
    expect(result.status).toBe(EXIT.data);
    expect(result.stderr).toMatch(/binary|PNG/i);
  });

  it("refuses a 200 MB file without reading it", async () => {
    const path = join(dir, "huge.txt");
    await writeFile(path, "");
    await truncate(path, 200 * 1024 * 1024); // sparse: costs no disk and no time
    const result = await runSitrep(["analyze", path]);
    expect(result.status).toBe(EXIT.data);
    expect(result.stderr).toMatch(/200\.0 MB.*limit.*--max-bytes/);
  });

  it("refuses invalid UTF-8, names the likely encoding, and decodes with --encoding", async () => {
    const arabic = "قال مصدر عسكري إن الجيش سيطر على البلدة بعد ثلاثة أيام من القتال العنيف في المنطقة الحدودية.";
    const path = await file("cp1256.txt", iconv.encode(arabic, "windows-1256"));
    const refused = await runSitrep(["analyze", path]);
    expect(refused.status).toBe(EXIT.data);
    expect(refused.stderr).toMatch(/not valid UTF-8/);
    expect(refused.stderr).toMatch(/--encoding/);

    const decoded = await runSitrep(["analyze", path, "--encoding", "windows-1256"]);
    expect(decoded.status).toBe(EXIT.ok);
    const analysis = JSON.parse(decoded.stdout) as Analysis;
    expect(analysis.document.text).toBe(arabic);
    expect(analysis.document.language).toBe("ar");
  });

  it("reads UTF-16 with a byte-order mark", async () => {
    const text = "L’armée syrienne a repris la localité après trois jours de combats, selon des sources locales.";
    const path = await file("utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const result = await runSitrep(["analyze", path]);
    expect(result.status).toBe(EXIT.ok);
    const analysis = JSON.parse(result.stdout) as Analysis;
    expect(analysis.document.text).toBe(text);
    expect(analysis.document.input.encoding).toBe("utf-16le");
  });

  it("refuses HTML with no article", async () => {
    const result = await runSitrep(["analyze", "fixtures/nav-only.html"]);
    expect(result.status).toBe(EXIT.data);
    expect(result.stderr).toMatch(/no article/);
  });

  it("says when it cannot tell the language, still writing the analysis", async () => {
    const result = await runSitrep(["analyze", "-"], { stdin: "Gaza ?" });
    expect(result.status).toBe(EXIT.data);
    expect(result.stderr).toMatch(/could not identify the language/);
    expect((JSON.parse(result.stdout) as Analysis).document.language).toBe("und");
  });

  it("reports a missing file and a usage error with their own statuses", async () => {
    expect((await runSitrep(["analyze", "no/such/file.txt"])).status).toBe(EXIT.noInput);
    const usage = await runSitrep(["analyze", "examples/qalamoun-fr.txt", "--format", "yaml"]);
    expect(usage.status).toBe(EXIT.usage);
    expect(usage.stderr).toMatch(/yaml/);
    expect((await runSitrep(["analyze", "examples/qalamoun-fr.txt", "--published", "last week"])).status).toBe(EXIT.data);
  });

  it.each(["sitrep analyze", "sitrep eval", "sitrep bench", "sitrep"])("prints help for %s", async (command) => {
    const result = await runSitrep([...command.split(" ").slice(1), "--help"]);
    expect(result.status).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^Usage: sitrep/);
  });
});

describe("sitrep analyze on a JSONL batch", () => {
  const lines = [
    JSON.stringify({ id: "a", text: "The army retook the town after three days of fighting, officials said.", published: "2015-05-15" }),
    "{not json",
    JSON.stringify({ id: "c", outlet: "x" }),
    "",
    JSON.stringify({ id: "d", html: "<html><body><nav>Home</nav></body></html>" }),
    JSON.stringify({ id: "e", text: "L’armée a repris le contrôle de la ville après trois jours de combats.", language: "fr" }),
  ];

  const check = (stdout: string): { ids: (string | null)[]; errors: string[] } => {
    const records = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const ids: (string | null)[] = [];
    const errors: string[] = [];
    for (const record of records) {
      if (record.schema === "sitrep/error@1") {
        assertValid("error", record);
        ids.push((record.id as string | null) ?? `line ${String(record.line)}`);
        errors.push((record.error as { code: string }).code);
      } else {
        assertValid("analysis", record);
        ids.push((record as unknown as Analysis).document.id);
      }
    }
    return { ids, errors };
  };

  it("writes one record per line in input order, an error record for each bad line", async () => {
    const path = await file("batch.jsonl", `${lines.join("\n")}\n`);
    const result = await runSitrep(["analyze", path]);
    expect(result.status).toBe(EXIT.data);
    const { ids, errors } = check(result.stdout);
    expect(ids).toEqual(["a", "line 2", "c", "d", "e"]);
    expect(errors).toEqual(["jsonl-invalid-line", "jsonl-invalid-line", "html-no-article"]);
    expect(result.stderr).toMatch(/line 2/);
  });

  it("reads a batch from standard input with --input jsonl, options overriding fields", async () => {
    const result = await runSitrep(["analyze", "-", "--input", "jsonl", "--outlet", "Reuters"], { stdin: `${lines[0]}\n${lines[5]}` });
    expect(result.status).toBe(EXIT.ok);
    const analyses = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Analysis);
    expect(analyses.map((analysis) => [analysis.document.id, analysis.document.language, analysis.document.outlet])).toEqual([
      ["a", "en", "Reuters"],
      ["e", "fr", "Reuters"],
    ]);
    expect(analyses[0]?.document.metadata_from).toMatchObject({ published: "jsonl:published", outlet: "option:--outlet" });
  });
});
