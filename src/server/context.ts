/** What every route works with: built once when the server is created, shared by all requests. */
import { DEFAULT_FETCH_OPTIONS } from "../analyze/input.js";
import type { Analyser } from "../corpus/analyser.js";
import type { FetchOptions } from "../ingest/fetch-url.js";
import type { Stage } from "../pipeline/stage.js";
import type { OutletRegistry } from "../sources/outlets.js";
import type { CorpusStore } from "../store/store.js";

export interface ApiContext {
  store: CorpusStore;
  stages: readonly Stage[];
  /** Runs the stages in this thread: the server analyses a request's few documents, not a corpus. */
  analyser: Analyser;
  outlets: OutletRegistry;
  /** The largest request body, in bytes, of the routes that take documents. */
  maxBody: number;
}

/**
 * A URL in a request comes from whoever can reach the server: it is fetched
 * only from public addresses, never from the server's own network (the
 * fetcher's SSRF guard), whatever the caller's other settings.
 */
export const API_FETCH_OPTIONS: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, allowPrivate: false };
