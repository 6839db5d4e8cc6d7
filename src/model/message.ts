/**
 * Findings about the data are messages attached to the analysis, never log
 * lines. Each has a literal `code`; add new codes to `MessageCode`.
 */
import type { Span } from "./span.js";

export type MessageCode =
  | "input-encoding-detected"
  | "input-control-characters"
  | "html-metadata-missing"
  | "language-undetermined"
  | "language-unsupported"
  | "language-overridden"
  | "segment-unclosed-quote"
  | "place-unresolved"
  | "place-natural-feature-approximated"
  | "place-ambiguous"
  | "time-unanchored"
  | "event-undated"
  | "actor-unresolved"
  | "publisher-identified"
  | "publisher-unknown";

export type Severity = "info" | "warning" | "error";

export interface Message {
  code: MessageCode;
  severity: Severity;
  /** What is wrong or notable, in words a reader of the analysis understands. */
  reason: string;
  stage: string;
  rule: string | null;
  start: number | null;
  end: number | null;
}

export interface MessageInit {
  code: MessageCode;
  severity: Severity;
  reason: string;
  stage: string;
  rule?: string;
  span?: Span;
}

export function createMessage(init: MessageInit): Message {
  return {
    code: init.code,
    severity: init.severity,
    reason: init.reason,
    stage: init.stage,
    rule: init.rule ?? null,
    start: init.span?.start ?? null,
    end: init.span?.end ?? null,
  };
}
