/** One evaluation: reads a gold data set in its original format and scores a capability on it. */
export interface EvalTask {
  name: string;
  description: string;
  run(dataDir: string): Promise<EvalOutcome>;
}

export type EvalOutcome = EvalResult | { skipped: string };

export interface EvalResult {
  /** Headline metrics, one row per data set or class. */
  rows: EvalRow[];
  /** Column order for the table; every row has these keys. */
  columns: string[];
  notes: string[];
}

export type EvalRow = Record<string, string | number>;
