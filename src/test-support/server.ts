/**
 * A server over a small real corpus, for the server's tests: three reports
 * analysed by the real pipeline on the test gazetteer (two outlets' reports
 * of one clash, which merge, and a bombing in the same city that day),
 * stored in a SQLite file of their own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createDefaultStages } from "../pipeline/default.js";
import { contentHash } from "../store/identity.js";
import { SqliteStore } from "../store/sqlite-store.js";
import type { CorpusStore } from "../store/store.js";
import { createServer, type ServerOptions } from "../server/server.js";
import { createTestGazetteer } from "./gazetteer.js";
import { analyseForStore } from "./store-contract.js";

export const REPORTS = [
  { text: "Syrian troops clashed with Nusra fighters near Homs on Wednesday, killing at least 12 people.", url: "https://www.reuters.com/world/homs-clashes" },
  { text: "Clashes between the Syrian army and Nusra Front fighters near Homs on Wednesday left five people dead, activists said.", url: "https://www.aljazeera.com/news/homs" },
  { text: "A car bomb exploded in a crowded market in Homs on Wednesday, killing seven civilians.", url: "https://www.bbc.com/news/homs-bomb" },
] as const;

export const stages = createDefaultStages({ gazetteer: createTestGazetteer() });

export interface TestServer {
  app: FastifyInstance;
  store: CorpusStore;
  /** The ids of the stored documents, in the order of `REPORTS`. */
  documents: string[];
  close(): Promise<void>;
}

export async function openTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), "sitrep-server-"));
  const store = new SqliteStore(join(folder, "corpus.sqlite"));
  await store.migrate();
  const documents: string[] = [];
  for (const report of REPORTS) {
    const analysis = await analyseForStore(report.text, "2015-05-15", report.url);
    documents.push((await store.putDocument(analysis, { url: report.url, contentHash: contentHash(analysis.document.text) })).id);
  }
  const app = await createServer({ store, stages, webRoot: join(folder, "no-web-app"), ...options });
  return {
    app,
    store,
    documents,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
