/**
 * Ingestion: inputs in, documents stored once each. Inputs stored before (by
 * input key or canonical URL) are skipped without analysis; the rest are
 * analysed several at a time and stored one by one, each document with its
 * events and clusters in one transaction. A run killed part-way leaves only
 * whole documents behind, and the next run stores the rest: nothing lost,
 * nothing twice.
 */
import type { FetchOptions } from "../ingest/fetch-url.js";
import type { IngestItem, IngestItemError } from "../ingest/targets.js";
import type { CorpusStore } from "../store/store.js";
import { contentHash } from "../store/identity.js";
import type { Analyser } from "./analyser.js";
import { inputKey } from "./input-key.js";

export type ItemStatus = "stored" | "duplicate" | "skipped" | "failed";

export interface ItemOutcome {
  label: string;
  status: ItemStatus;
  documentId: string | null;
  /** For a failed item: the error code and what went wrong. */
  error: { code: string; message: string } | null;
}

export type IngestCounts = Record<ItemStatus, number>;

export interface IngestOptions {
  store: CorpusStore;
  analyser: Analyser;
  /** Documents analysed at once: the analyser's threads, so that none waits for work. */
  concurrency: number;
  fetch: FetchOptions;
  maxBytes: number;
  /** Called as each input is read, before it is analysed: for a progress bar's total. */
  onSeen?: () => void;
  onOutcome?: (outcome: ItemOutcome) => void;
}

export async function ingestItems(items: AsyncIterable<IngestItem | IngestItemError>, options: IngestOptions): Promise<IngestCounts> {
  const counts: IngestCounts = { stored: 0, duplicate: 0, skipped: 0, failed: 0 };
  const running = new Set<Promise<void>>();
  const settle = (outcome: ItemOutcome) => {
    counts[outcome.status] += 1;
    options.onOutcome?.(outcome);
  };

  for await (const item of items) {
    options.onSeen?.();
    if ("error" in item) {
      settle({ label: item.label, status: "failed", documentId: null, error: { code: item.error.code, message: item.error.message } });
      continue;
    }
    const task = ingestOne(item, options).then(settle);
    running.add(task);
    void task.finally(() => running.delete(task));
    // Back-pressure: reading inputs waits while the analyser is busy, so a huge batch is never all in memory.
    while (running.size >= options.concurrency) await Promise.race(running);
  }
  await Promise.all(running);
  return counts;
}

async function ingestOne(item: IngestItem, options: IngestOptions): Promise<ItemOutcome> {
  const key = inputKey(item.input);
  const outcome = (status: ItemStatus, documentId: string | null = null, error: ItemOutcome["error"] = null): ItemOutcome => ({ label: item.label, status, documentId, error });
  try {
    if (await options.store.hasInput({ inputKey: key, url: item.url })) return outcome("skipped");
    const analysed = await options.analyser.analyse({ input: item.input, metadata: item.metadata, fetch: options.fetch, maxBytes: options.maxBytes });
    if (!analysed.ok) return outcome("failed", null, { code: analysed.code, message: analysed.message });
    const { analysis } = analysed;
    const url = analysis.document.url ?? item.url;
    const put = await options.store.putDocument(analysis, { url, contentHash: contentHash(analysis.document.text), inputKey: key });
    return outcome(put.inserted ? "stored" : "duplicate", put.id);
  } catch (error) {
    // The store failing (a constraint, a lost connection) must not stop the other documents; the run reports it and exits non-zero.
    return outcome("failed", null, { code: "store-failed", message: error instanceof Error ? error.message : String(error) });
  }
}
