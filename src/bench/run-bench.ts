/**
 * Throughput of the pipeline per stage on real articles, peak memory, and the
 * baseline side by side. Every document goes through `ingestDocument` and the
 * default stages exactly as `sitrep analyze` runs them.
 */
import { ingestDocument } from "../analyze/input.js";
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import { createDefaultStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { baselineTextStages } from "./baseline.js";
import type { Corpus } from "./corpora.js";

export interface BenchOptions {
  iterations: number;
  gazetteer: Gazetteer;
}

export interface StageMeasure {
  corpus: string;
  stage: string;
  documents: number;
  sentences: number;
  seconds: number;
  "docs/s": number;
  "sentences/s": number;
  "MB/s": number;
}

export interface BenchReport {
  node: string;
  iterations: number;
  stages: StageMeasure[];
  latency: { corpus: string; "p50 ms": number; "p95 ms": number; "max ms": number }[];
  memory: { "peak RSS MB": number; "heap used MB": number };
}

export async function runBench(corpora: readonly Corpus[], options: BenchOptions): Promise<BenchReport> {
  const stages = createDefaultStages({ gazetteer: options.gazetteer });
  const report: BenchReport = { node: process.version, iterations: options.iterations, stages: [], latency: [], memory: { "peak RSS MB": 0, "heap used MB": 0 } };

  for (const corpus of corpora) {
    const seconds = new Map<string, number>();
    const add = (stage: string, milliseconds: number): void => void seconds.set(stage, (seconds.get(stage) ?? 0) + milliseconds / 1000);
    const latencies: number[] = [];
    let sentences = 0;
    let bytes = 0;
    for (let iteration = -1; iteration < options.iterations; iteration++) {
      const measured = iteration >= 0; // the first pass warms the JIT and caches and is not counted
      for (const item of corpus.texts) {
        const started = performance.now();
        const doc = await ingestDocument({ text: item.text }, item.published ? { metadata: { published: item.published } } : {});
        const ingested = performance.now();
        // The places stage memoises gazetteer look-ups: its first pass, on a cold memo, is reported apart (its time
        // scaled to the measured passes, so that its docs/s compares with theirs).
        const result = runPipeline(stages, doc, { onStageDone: (stage, ms) => (measured ? add(stage, ms) : stage === "places" && add("places (first pass)", ms * options.iterations)) });
        if (!measured) continue;
        add("ingest", ingested - started);
        add("total", performance.now() - started);
        latencies.push(performance.now() - started);
        sentences += result.sentences.length;
        bytes += Buffer.byteLength(item.text);
      }
      if (measured) {
        const started = performance.now();
        for (const item of corpus.texts) baselineTextStages(item.text);
        add("baseline: franc + Intl.Segmenter", performance.now() - started);
      }
    }
    const documents = corpus.texts.length * options.iterations;
    for (const [stage, secs] of seconds) {
      report.stages.push({
        corpus: corpus.name,
        stage,
        documents,
        sentences,
        seconds: secs,
        "docs/s": documents / secs,
        "sentences/s": sentences / secs,
        "MB/s": bytes / 1e6 / secs,
      });
    }
    latencies.sort((a, b) => a - b);
    report.latency.push({ corpus: corpus.name, "p50 ms": quantile(latencies, 0.5), "p95 ms": quantile(latencies, 0.95), "max ms": latencies.at(-1) ?? 0 });
  }
  report.memory = { "peak RSS MB": process.resourceUsage().maxRSS / 1024, "heap used MB": process.memoryUsage().heapUsed / 1e6 };
  return report;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
