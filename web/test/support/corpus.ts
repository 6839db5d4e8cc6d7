/**
 * A small real corpus for the browser tests: reports in French, Arabic and
 * English analysed by the default pipeline on the embedded gazetteer (the one
 * the test run builds in SITREP_HOME), stored in a SQLite file of their own,
 * and served by the real HTTP server with the built web app.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { analyze } from "../../../src/analyze/analyze.js";
import type { DocumentMetadata } from "../../../src/analyze/input.js";
import type { Gazetteer } from "../../../src/gazetteer/gazetteer.js";
import { openGazetteer } from "../../../src/gazetteer/open.js";
import { createDefaultStages } from "../../../src/pipeline/default.js";
import { createServer } from "../../../src/server/index.js";
import { contentHash } from "../../../src/store/identity.js";
import { SqliteStore } from "../../../src/store/sqlite-store.js";
import type { CorpusStore } from "../../../src/store/store.js";

const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

export const WEB_ROOT = new URL("dist/web/", root).pathname;

export interface SeedDocument {
  name: string;
  text: string;
  metadata: DocumentMetadata;
}

/** The founding example, an Arabic report of the same battle, and English reports elsewhere and at other dates. */
export const BASE_DOCUMENTS: readonly SeedDocument[] = [
  {
    name: "qalamoun",
    text: read("examples/qalamoun-fr.txt"),
    metadata: { language: "fr", published: "2015-05-15", url: "https://french.almanar.com.lb/qalamoun", title: "Qalamoun : l'effondrement du front al-Nosra" },
  },
  { name: "arsal-ar", text: read("fixtures/ar-report.txt"), metadata: { language: "ar", published: "2015-05-16", url: "https://www.al-akhbar.com/arsal", title: "اشتباكات عنيفة في جرود عرسال" } },
  { name: "arsal-en", text: read("fixtures/en-report.txt"), metadata: { language: "en", published: "2015-05-12", url: "https://www.reuters.com/arsal" } },
  { name: "homs-reuters", text: "Syrian troops clashed with Nusra fighters near Homs on Wednesday, killing at least 12 people.", metadata: { language: "en", published: "2015-04-15", url: "https://www.reuters.com/world/homs-clashes" } },
  { name: "homs-aljazeera", text: "Clashes between the Syrian army and Nusra Front fighters near Homs on Wednesday left five people dead, activists said.", metadata: { language: "en", published: "2015-04-15", url: "https://www.aljazeera.com/news/homs" } },
  { name: "hama", text: "Five civilians were killed by gunmen in Hama on Monday.", metadata: { language: "en", published: "2015-03-03" } },
  { name: "beirut", text: "Protesters marched peacefully through Beirut on Friday.", metadata: { language: "en", published: "2015-06-07" } },
];

export interface TestApp {
  origin: string;
  app: FastifyInstance;
  store: CorpusStore;
  /** Stored document id by seed name. */
  documents: Map<string, string>;
  close(): Promise<void>;
}

/** Seeds a fresh corpus and serves it with the web app on 127.0.0.1, on a port of its own. */
export async function startTestApp(documents: readonly SeedDocument[]): Promise<TestApp> {
  if (!existsSync(join(WEB_ROOT, "index.html"))) throw new Error(`the browser tests need the built web app in ${WEB_ROOT}: run npm run build first (npm test does)`);
  const folder = mkdtempSync(join(tmpdir(), "sitrep-web-"));
  const store = new SqliteStore(join(folder, "corpus.sqlite"));
  let gazetteer: Gazetteer | null = null;
  try {
    await store.migrate();
    gazetteer = await openGazetteer();
    const stages = createDefaultStages({ gazetteer });
    const ids = new Map<string, string>();
    for (const document of documents) {
      const analysis = await analyze(document.text, { stages, metadata: document.metadata });
      const { id } = await store.putDocument(analysis, { url: document.metadata.url ?? null, contentHash: contentHash(analysis.document.text) });
      ids.set(document.name, id);
    }
    const app = await createServer({ store, stages, webRoot: WEB_ROOT });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const opened = gazetteer;
    return {
      origin: `http://127.0.0.1:${port}`,
      app,
      store,
      documents: ids,
      close: async () => {
        await app.close();
        await store.close();
        opened.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store.close();
    gazetteer?.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Screenshots for the README are written only when asked for: SITREP_SCREENSHOTS=1 npm test. */
export const SCREENSHOTS = process.env["SITREP_SCREENSHOTS"] === "1" ? new URL("docs/screenshots/", root).pathname : null;
