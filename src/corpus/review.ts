/**
 * Reviewers' decisions on a cluster: confirm it, correct fields of its
 * summary, or reject it. Decisions are kept in full (who, when, what changed)
 * and applied in order over the machine's summary whenever it is read, so a
 * correction still wins after new reports join the cluster.
 */
import { SitrepError } from "../model/errors.js";
import type { ClusterSummary, CorpusEvent, ReviewAction, ReviewDecision } from "./types.js";

/** Summary fields a reviewer may replace, with a check of the value's shape. */
const CORRECTABLE: Readonly<Record<string, (value: unknown) => boolean>> = {
  eventType: isNullableString,
  subEventType: isNullableString,
  scope: (value) => typeof value === "string" && value !== "",
  ploverType: isNullableString,
  ploverMode: isNullableString,
  modality: (value) => value === "asserted" || value === "negated" || value === "future" || value === "hypothetical" || value === "reported",
  dateValue: (value) => value === null || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)),
  timePrecision: isPrecision,
  geoPrecision: isPrecision,
  place: (value) => value === null || (isRecord(value) && typeof value["name"] === "string" && isCoordinate(value["lat"], 90) && isCoordinate(value["lon"], 180)),
  actor1: isActorList,
  actor2: isActorList,
  fatalities: (value) => Array.isArray(value) && value.every((claim) => isRecord(claim) && isCount(claim["low"]) && isCount(claim["high"]) && (claim["low"] as number) <= (claim["high"] as number)),
  notes: (value) => typeof value === "string",
};

export const CORRECTABLE_FIELDS: readonly string[] = Object.keys(CORRECTABLE);

export interface ReviewInput {
  clusterId: string;
  action: ReviewAction;
  reviewer: string;
  /** For "correct": the new value of each corrected field. */
  changes?: Record<string, unknown>;
  comment?: string | null;
}

/** Checks a review before it is stored; the message says what is wrong, for the CLI and the API alike. */
export function checkReviewInput(input: ReviewInput): void {
  if (input.reviewer.trim() === "") throw new SitrepError("review-invalid", "a review needs a reviewer's name");
  const fields = Object.keys(input.changes ?? {});
  if (input.action === "correct" && fields.length === 0) throw new SitrepError("review-invalid", `a correction needs at least one field to change (one of ${CORRECTABLE_FIELDS.join(", ")})`);
  if (input.action !== "correct" && fields.length > 0) throw new SitrepError("review-invalid", `only a correction changes fields; "${input.action}" takes none`);
  for (const field of fields) {
    const valid = CORRECTABLE[field];
    if (valid === undefined) throw new SitrepError("review-invalid", `"${field}" cannot be corrected; correctable fields are ${CORRECTABLE_FIELDS.join(", ")}`);
    if (!valid(input.changes?.[field])) throw new SitrepError("review-invalid", `the new value of "${field}" has the wrong shape: ${JSON.stringify(input.changes?.[field])}`);
  }
}

/** The decision to store: each change with the value it replaces in the summary as it reads now. */
export function reviewDecision(input: ReviewInput, current: ClusterSummary, id: string, at: string): ReviewDecision {
  checkReviewInput(input);
  const currentFields = current as unknown as Record<string, unknown>;
  return {
    id,
    clusterId: input.clusterId,
    action: input.action,
    reviewer: input.reviewer.trim(),
    at,
    changes: Object.entries(input.changes ?? {}).map(([field, to]) => ({ field, from: currentFields[field] ?? null, to })),
    comment: input.comment ?? null,
  };
}

const STATUS: Record<ReviewAction, "confirmed" | "corrected" | "rejected"> = { confirm: "confirmed", correct: "corrected", reject: "rejected" };

/** The summary with every correction applied in order, and the status the latest decision gives. */
export function applyReviews(summary: ClusterSummary, decisions: readonly ReviewDecision[]): { summary: ClusterSummary; review: CorpusEvent["review"] } {
  if (decisions.length === 0) return { summary, review: null };
  const corrected: Record<string, unknown> = { ...summary };
  for (const decision of decisions) {
    for (const change of decision.changes) corrected[change.field] = change.to;
  }
  const latest = decisions[decisions.length - 1] as ReviewDecision;
  return { summary: corrected as unknown as ClusterSummary, review: { status: STATUS[latest.action], decisions: [...decisions] } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNullableString(value: unknown): boolean {
  return value === null || (typeof value === "string" && value !== "");
}

function isPrecision(value: unknown): boolean {
  return value === null || value === 1 || value === 2 || value === 3;
}

function isCount(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isCoordinate(value: unknown, limit: number): boolean {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= limit;
}

function isActorList(value: unknown): boolean {
  return Array.isArray(value) && value.every((actor) => isRecord(actor) && typeof actor["id"] === "string" && typeof actor["name"] === "string" && Number.isInteger(actor["inter"]));
}
