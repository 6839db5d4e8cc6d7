/**
 * The HTTP API under load: the server over the corpus bench's generated
 * corpus, hammered by autocannon on the requests a map view makes, for a
 * fixed time each.
 * autocannon runs on a worker thread, so that the load it makes does not take
 * the server's own thread.
 */
import autocannon from "autocannon";
import type { Stage } from "../pipeline/stage.js";
import { createServer } from "../server/index.js";
import type { CorpusStore } from "../store/store.js";

export interface ApiBenchOptions {
  /** A store holding the corpus to serve (the corpus bench's generated one). */
  store: CorpusStore;
  stages: readonly Stage[];
  /** Seconds of load per request (10 by default). */
  seconds?: number;
  /** Concurrent connections (10 by default). */
  connections?: number;
}

export interface ApiMeasure {
  request: string;
  "requests/s": number;
  "p50 ms": number;
  "p99 ms": number;
  "MB/s": number;
  errors: number;
}

/** The first page of events, a map's points (all of them, a thousand, one region over a month), and the timeline. */
const REQUESTS = ["/api/events?limit=100", "/api/map", "/api/map?limit=1000", "/api/map?bbox=36,34,37.5,36.5&from=2024-03-01&to=2024-03-31", "/api/timeline?bucket=week"] as const;

export async function runApiBench(options: ApiBenchOptions): Promise<ApiMeasure[]> {
  const { store } = options;
  const app = await createServer({ store, stages: options.stages });
  try {
    const base = await app.listen({ host: "127.0.0.1", port: 0 });
    const requests: ApiMeasure[] = [];
    for (const request of REQUESTS) {
      const result = await autocannon({ url: `${base}${request}`, connections: options.connections ?? 10, duration: options.seconds ?? 10, workers: 1 });
      requests.push({
        request: `GET ${request}`,
        "requests/s": result.requests.average,
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        "MB/s": result.throughput.average / 1e6,
        errors: result.errors + result.non2xx + result.timeouts,
      });
    }
    return requests;
  } finally {
    await app.close();
  }
}
