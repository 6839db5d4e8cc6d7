import type { Analysis } from "../model/analysis.js";

/**
 * Walks every object in an analysis, whatever layer it sits in, and reports
 * each one with numeric start/end whose slice of document.text differs from
 * its `text`. Independent of the pipeline's own check on purpose.
 */
export function sliceProblems(analysis: Analysis): string[] {
  const text = analysis.document.text;
  const problems: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.start === "number" && typeof record.end === "number") {
      if (record.start < 0 || record.end < record.start || record.end > text.length) problems.push(`${path}: out of bounds`);
      else if (typeof record.text === "string" && text.slice(record.start, record.end) !== record.text) problems.push(`${path}: slice differs from text`);
    }
    for (const [key, child] of Object.entries(record)) if (!(path === "" && key === "document")) visit(child, `${path}.${key}`);
  };
  visit(analysis, "");
  return problems;
}

/** Number of objects in the analysis that carry a span, so a test can tell it checked something. */
export function countSpans(analysis: Analysis): number {
  let count = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.start === "number" && typeof record.end === "number") count++;
    Object.values(record).forEach(visit);
  };
  visit({ ...analysis, document: null });
  return count;
}
