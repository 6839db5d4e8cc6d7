/**
 * Ingestion beyond one machine: inputs become jobs in a queue kept in the
 * PostgreSQL corpus database by pg-boss, and any number of `sitrep worker`
 * processes, on any number of machines, take them one at a time (pg-boss
 * hands each job to one worker, with SKIP LOCKED), analyse and store them.
 * The store's identities keep documents unique even when a crashed worker's
 * job is retried elsewhere.
 */
import PgBoss from "pg-boss";
import type { AnalyzeInput, DocumentMetadata } from "../analyze/input.js";
import type { FetchOptions } from "../ingest/fetch-url.js";
import type { IngestItem, IngestItemError } from "../ingest/targets.js";
import type { CorpusStore } from "../store/store.js";
import type { Analyser } from "./analyser.js";
import { ingestItems, type IngestCounts, type ItemOutcome } from "./ingest.js";
import { inputKey } from "./input-key.js";

export const ANALYSE_QUEUE = "sitrep-analyse";
/** pg-boss keeps its tables in a schema of its own, beside the corpus'. */
const QUEUE_SCHEMA = "sitrep_queue";

/** A job's data is JSON: bytes travel as base64. */
type QueuedInput = Exclude<AnalyzeInput, string | { bytes: Uint8Array }> | { bytesBase64: string; format?: "text" | "html" | "auto"; label?: string };

interface QueuedItem {
  label: string;
  url: string | null;
  metadata: DocumentMetadata;
  input: QueuedInput;
}

function toQueued(item: IngestItem): QueuedItem {
  const { input } = item;
  let queued: QueuedInput;
  if (typeof input === "string") queued = { text: input };
  else if ("bytes" in input) {
    const { bytes, ...rest } = input;
    queued = { ...rest, bytesBase64: Buffer.from(bytes).toString("base64") };
  } else queued = input;
  return { label: item.label, url: item.url, metadata: item.metadata, input: queued };
}

function fromQueued(queued: QueuedItem): IngestItem {
  const { input } = queued;
  const restored: AnalyzeInput = "bytesBase64" in input ? { bytes: new Uint8Array(Buffer.from(input.bytesBase64, "base64")), ...(input.format ? { format: input.format } : {}), ...(input.label ? { label: input.label } : {}) } : input;
  return { label: queued.label, url: queued.url, metadata: queued.metadata, input: restored };
}

export async function openQueue(connectionString: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: QUEUE_SCHEMA, max: 4 });
  const started = await boss.start();
  // The "short" policy keeps one waiting job per singleton key: an input queued twice before a worker takes it is one job.
  await started.createQueue(ANALYSE_QUEUE, { name: ANALYSE_QUEUE, policy: "short", retryLimit: 2, expireInSeconds: 15 * 60 });
  return started;
}

export interface EnqueueCounts {
  queued: number;
  /** Inputs already stored, or already waiting in the queue. */
  skipped: number;
  failed: number;
}

/** Puts each input not stored yet in the queue; an input already queued is not queued twice (its input key is the job's singleton key). */
export async function enqueueItems(boss: PgBoss, store: CorpusStore, items: AsyncIterable<IngestItem | IngestItemError>, onOutcome?: (outcome: ItemOutcome) => void): Promise<EnqueueCounts> {
  const counts: EnqueueCounts = { queued: 0, skipped: 0, failed: 0 };
  for await (const item of items) {
    if ("error" in item) {
      counts.failed += 1;
      onOutcome?.({ label: item.label, status: "failed", documentId: null, error: { code: item.error.code, message: item.error.message } });
      continue;
    }
    const key = inputKey(item.input);
    const id = (await store.hasInput({ inputKey: key, url: item.url })) ? null : await boss.send(ANALYSE_QUEUE, toQueued(item), { singletonKey: key });
    if (id === null) counts.skipped += 1;
    else counts.queued += 1;
  }
  return counts;
}

export interface WorkerOptions {
  store: CorpusStore;
  analyser: Analyser;
  concurrency: number;
  fetch: FetchOptions;
  maxBytes: number;
  /** Stop once the queue is empty and every taken job is done, instead of waiting for more. */
  drain: boolean;
  signal?: AbortSignal;
  onOutcome?: (outcome: ItemOutcome) => void;
}

/** How often a draining worker looks whether the queue is empty. */
const DRAIN_CHECK_MS = 500;

/** Takes jobs until stopped (or, draining, until none is left), storing each document as `sitrep ingest` would. */
export async function runQueueWorker(boss: PgBoss, options: WorkerOptions): Promise<IngestCounts> {
  const counts: IngestCounts = { stored: 0, duplicate: 0, skipped: 0, failed: 0 };
  let busy = 0;
  let workerId = "";
  workerId = await boss.work<QueuedItem>(ANALYSE_QUEUE, { batchSize: options.concurrency * 2, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    busy += 1;
    try {
      // Item failures are outcomes, not job failures: a retry would not make a bad document good.
      const done = await ingestItems(fromJobs(jobs), options);
      for (const status of Object.keys(done) as (keyof IngestCounts)[]) counts[status] += done[status];
    } finally {
      busy -= 1;
    }
    // pg-boss waits a polling interval after every batch, even a full one; while there is work, fetch again at once.
    if (jobs.length > 0) boss.notifyWorker(workerId);
  });
  await new Promise<void>((resolve) => {
    const finish = () => {
      clearInterval(timer);
      resolve();
    };
    const timer = setInterval(() => {
      if (options.signal?.aborted) return finish();
      if (!options.drain || busy > 0) return;
      void Promise.all([boss.getQueueSize(ANALYSE_QUEUE), boss.getQueueSize(ANALYSE_QUEUE, { before: "completed" })]).then(([waiting, unfinished]) => {
        if (waiting === 0 && unfinished === 0 && busy === 0) finish();
      });
    }, DRAIN_CHECK_MS);
    options.signal?.addEventListener("abort", finish, { once: true });
  });
  await boss.offWork(ANALYSE_QUEUE);
  return counts;
}

async function* fromJobs(jobs: readonly PgBoss.Job<QueuedItem>[]): AsyncGenerator<IngestItem> {
  for (const job of jobs) yield fromQueued(job.data);
}
