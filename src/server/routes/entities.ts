import type { FastifyInstance } from "fastify";
import type { OutletRegistry } from "../../sources/outlets.js";
import type { OutletCount } from "../../store/store.js";
import type { ApiContext } from "../context.js";
import { responses } from "../schemas.js";

const LIST_QUERY = {
  type: "object",
  additionalProperties: false,
  properties: {
    q: { type: "string", minLength: 1, maxLength: 200, description: "An id, or part of a name or of the words the documents use (case-insensitive)." },
    limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
  },
} as const;

const COUNTS = {
  id: { type: "string" },
  name: { type: "string" },
  mentions: { type: "integer", description: "Mentions resolved to it." },
  documents: { type: "integer", description: "Documents that mention it." },
} as const;

const list = (key: string, properties: Record<string, unknown>) =>
  ({ description: `The ${key} with their counts.`, type: "object", required: [key], properties: { [key]: { type: "array", items: { type: "object", required: Object.keys(properties), properties } } } }) as const;

interface ListQuery {
  q?: string;
  limit: number;
}

export function registerEntityRoutes(app: FastifyInstance, { store, outlets }: ApiContext): void {
  app.get<{ Querystring: ListQuery }>(
    "/actors",
    {
      schema: {
        summary: "Actors the corpus mentions, those in most events first",
        tags: ["corpus"],
        querystring: LIST_QUERY,
        response: responses({ 200: list("actors", { ...COUNTS, events: { type: "integer", description: "Events with the actor on either side." } }) }, [400, 403]),
      },
    },
    async (request) => ({ actors: await store.listActors(request.query) }),
  );

  app.get<{ Querystring: ListQuery }>(
    "/places",
    {
      schema: {
        summary: "Places the corpus mentions (resolved in the gazetteer), the most mentioned first",
        tags: ["corpus"],
        querystring: LIST_QUERY,
        response: responses({ 200: list("places", { ...COUNTS, id: { type: "string", description: "<gazetteer>:<id>, e.g. geonames:170063." } }) }, [400, 403]),
      },
    },
    async (request) => ({ places: await store.listPlaces(request.query) }),
  );

  app.get(
    "/outlets",
    {
      schema: {
        summary: "Outlets that published the corpus' events, with what the outlet registry knows of them",
        tags: ["corpus"],
        response: responses(
          {
            200: list("outlets", {
              id: { type: "string", description: "Registry id; domain:<host> or name:<name> for an outlet the registry does not know." },
              name: { type: "string" },
              country: { type: ["string", "null"], description: "ISO 3166-1 alpha-2." },
              alignment: { type: ["string", "null"], description: "state-owned, party-affiliated, armed-group-affiliated, independent, wire, public-service or unknown." },
              reports: { type: "integer", description: "Event reports it published." },
              documents: { type: "integer" },
              events: { type: "integer", description: "Events it reported." },
            }),
          },
          [403],
        ),
      },
    },
    async () => ({ outlets: (await store.listOutlets()).map((count) => describeOutlet(count, outlets)) }),
  );
}

function describeOutlet(count: OutletCount, outlets: OutletRegistry) {
  const known = outlets.get(count.id);
  return {
    ...count,
    // An outlet missing from the registry is named after the host or name its id was made from.
    name: known?.name ?? count.id.replace(/^(domain|name):/, ""),
    country: known === undefined || known.country === "" ? null : known.country,
    alignment: known?.alignment ?? null,
  };
}
