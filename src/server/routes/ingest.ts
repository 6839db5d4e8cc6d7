import type { FastifyInstance } from "fastify";
import { DEFAULT_MAX_BYTES } from "../../analyze/input.js";
import { ingestItems, type ItemOutcome } from "../../corpus/ingest.js";
import type { IngestItem } from "../../ingest/targets.js";
import { API_FETCH_OPTIONS, type ApiContext } from "../context.js";
import { documentInput, type DocumentBody } from "../document-input.js";
import { DOCUMENT_INPUT_SCHEMA, responses } from "../schemas.js";

/** Documents of one request: enough for a batch, few enough that the request ends while its client waits. */
export const MAX_INGEST_DOCUMENTS = 100;
/** Documents in flight at once: analysis runs in this thread, but fetching URLs overlaps. */
const CONCURRENCY = 4;

const RESULT_SCHEMA = {
  type: "object",
  required: ["status", "documentId", "error"],
  properties: {
    status: { type: "string", enum: ["stored", "duplicate", "skipped", "failed"], description: "stored: new; duplicate: the same text or URL was stored before; skipped: this input was ingested before; failed: see error." },
    documentId: { type: ["string", "null"] },
    error: { type: ["object", "null"], required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } },
  },
} as const;

export function registerIngestRoute(app: FastifyInstance, context: ApiContext): void {
  app.post<{ Body: { documents: DocumentBody[] } }>(
    "/ingest",
    {
      bodyLimit: context.maxBody,
      schema: {
        summary: "Analyse documents and store them in the corpus, each once",
        tags: ["documents"],
        security: [{ bearer: [] }],
        body: {
          type: "object",
          additionalProperties: false,
          required: ["documents"],
          properties: { documents: { type: "array", minItems: 1, maxItems: MAX_INGEST_DOCUMENTS, items: DOCUMENT_INPUT_SCHEMA } },
        },
        response: responses(
          { 200: { description: "What became of each document.", type: "object", required: ["results"], properties: { results: { type: "array", items: RESULT_SCHEMA, description: "One per document, in request order." } } } },
          [400, 401, 403, 413, 415],
        ),
      },
    },
    async (request) => {
      // Every document is checked before any is analysed: a malformed request stores nothing.
      const items: IngestItem[] = request.body.documents.map((body, index) => {
        const { input, metadata, url } = documentInput(body, `documents[${index}]`);
        return { label: `documents[${index}]`, input, metadata, url };
      });
      const position = new Map(items.map((item, index) => [item.label, index]));
      const results: Pick<ItemOutcome, "status" | "documentId" | "error">[] = [];
      async function* each(): AsyncGenerator<IngestItem> {
        yield* items;
      }
      await ingestItems(each(), {
        store: context.store,
        analyser: context.analyser,
        concurrency: CONCURRENCY,
        fetch: API_FETCH_OPTIONS,
        maxBytes: DEFAULT_MAX_BYTES,
        onOutcome: ({ label, status, documentId, error }) => {
          results[position.get(label) as number] = { status, documentId, error };
        },
      });
      return { results };
    },
  );
}
