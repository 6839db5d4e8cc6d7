import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "../../export/index.js";
import type { ApiContext } from "../context.js";
import { clusterFilterOf, type FilterQuery } from "../filters.js";
import { FILTER_PROPERTIES, responses } from "../schemas.js";

const FILES: Readonly<Record<ExportFormat, { type: string; name: string }>> = {
  "acled-csv": { type: "text/csv; charset=utf-8", name: "sitrep-events.csv" },
  geojson: { type: "application/geo+json", name: "sitrep-events.geojson" },
  "plover-jsonl": { type: "application/x-ndjson", name: "sitrep-events.plover.jsonl" },
  jsonl: { type: "application/x-ndjson", name: "sitrep-events.jsonl" },
};

const download = (type: string) => ({ [type.split(";")[0] as string]: { schema: { type: "string" } } });

export function registerExportRoute(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: FilterQuery & { format: ExportFormat } }>(
    "/export",
    {
      schema: {
        summary: "Download the events (reviewers' corrections applied) as ACLED-style CSV, GeoJSON, PLOVER JSONL or JSONL",
        tags: ["events"],
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["format"],
          properties: { ...FILTER_PROPERTIES, format: { type: "string", enum: EXPORT_FORMATS } },
        },
        response: responses(
          { 200: { description: "The file, streamed: every matching event in id order.", content: Object.assign({}, ...Object.values(FILES).map((file) => download(file.type))) } },
          [400, 403],
        ),
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const filter = clusterFilterOf(filters);
      const out = new PassThrough();
      // The events are read page by page as the client takes the file, so an export of any size holds little in memory.
      exportEvents(format, store.streamClusters(filter), out).then(
        () => out.end(),
        (error: unknown) => {
          request.log.error({ err: error }, "export failed");
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
      const file = FILES[format];
      return reply.type(file.type).header("content-disposition", `attachment; filename="${file.name}"`).send(out);
    },
  );
}
