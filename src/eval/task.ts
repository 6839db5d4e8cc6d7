/** One evaluation: reads a gold data set in its original format and scores a capability on it. */
export interface EvalTask {
  name: string;
  description: string;
  run(dataDir: string, options?: EvalRunOptions): Promise<EvalOutcome>;
}

/** What `sitrep eval` passes on from its command line; a task ignores what does not apply to it. */
export interface EvalRunOptions {
  /** Score at most this many documents of each data set, for quick runs. */
  limit?: number;
  /** A gold file or folder to score on instead of the data sets found under the data folder. */
  gold?: string;
  /** Told after each document; never changes the result. */
  onProgress?: (progress: EvalProgress) => void;
}

export interface EvalProgress {
  task: string;
  dataset: string;
  done: number;
  total: number;
}

export type EvalOutcome = EvalResult | { skipped: string };

export interface EvalResult {
  /** Headline metrics, one row per data set or class. */
  rows: EvalRow[];
  /** Column order for the table; every row has these keys. */
  columns: string[];
  notes: string[];
  /** Per-document findings for the JSON report, so a developer can inspect what was missed; not printed in the table. */
  details?: Record<string, unknown>;
}

export type EvalRow = Record<string, string | number>;
