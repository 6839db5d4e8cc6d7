/**
 * The contract every stage follows: `createXStage(options)` resolves its
 * options once and returns `function x(doc, ctx) → doc`, named after the
 * stage. A stage adds standoff layers and messages; it never changes
 * `document.text`.
 */
import type { Doc } from "../model/document.js";

export interface Context {
  /** Called after each stage, for benchmarks and progress; never changes the result. */
  readonly onStageDone?: (stage: string, milliseconds: number, doc: Doc) => void;
}

export type Stage = (doc: Doc, ctx: Context) => Doc;

export function runPipeline(stages: readonly Stage[], doc: Doc, ctx: Context = {}): Doc {
  let current = doc;
  for (const stage of stages) {
    if (!stage.name) throw new Error("runPipeline: every stage must be a named function, found an anonymous one");
    const started = performance.now();
    const result = stage(current, ctx);
    current = { ...result, stages: [...result.stages, stage.name] };
    ctx.onStageDone?.(stage.name, performance.now() - started, current);
  }
  return current;
}
