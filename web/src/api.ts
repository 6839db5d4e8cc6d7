/**
 * The HTTP API the app reads and writes (same origin, prefix /api). Types of
 * the corpus and of analyses come from the server's own sources, so the app
 * and the server cannot drift apart silently.
 */
import type { CorpusEvent, OutletFacts, ActorFacts, ReviewAction, MapPoint, MemberEvidence, TimelineCount } from "../../src/corpus/types.js";
import type { Analysis } from "../../src/model/analysis.js";
import { filterParams, type Filters } from "./url-state.js";

export type { CorpusEvent, Analysis, MapPoint };
export type TimelineBucket = TimelineCount;
export type EventEvidence = MemberEvidence;

export type EventDetail = CorpusEvent & { evidence: EventEvidence[] };

export interface DocumentView {
  analysis: Analysis;
  /** The merged event (cluster) each of the analysis' events belongs to, in the analysis' order. */
  events: { eventId: string; clusterId: string | null }[];
}

export interface ReviewBody {
  action: ReviewAction;
  reviewer: string;
  changes?: Record<string, unknown>;
  comment?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin", ...init, headers: { accept: "application/json", ...init.headers } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body["error"]) ? body["error"] : {};
    throw new ApiError(response.status, typeof error["code"] === "string" ? error["code"] : `http-${response.status}`, typeof error["message"] === "string" ? error["message"] : `${path} answered ${response.status} ${response.statusText}`);
  }
  if (body === null) throw new ApiError(response.status, "bad-response", `${path} did not answer JSON`);
  return body as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const withQuery = (path: string, params: URLSearchParams) => {
  const query = params.toString();
  return query === "" ? path : `${path}?${query}`;
};

const id = (value: string) => encodeURIComponent(value);

export async function fetchEvents(filters: Filters, limit: number, offset = 0): Promise<{ events: CorpusEvent[]; limit: number; offset: number }> {
  const params = filterParams(filters);
  params.set("limit", String(limit));
  params.set("offset", String(offset));
  return request(withQuery("/api/events", params));
}

export async function fetchMap(filters: Filters): Promise<{ points: MapPoint[]; truncated: boolean }> {
  const body = await request<{ points: MapPoint[]; truncated?: boolean }>(withQuery("/api/map", filterParams(filters)));
  return { points: body.points, truncated: body.truncated === true };
}

export async function fetchTimeline(filters: Filters, bucket: "day" | "week" | "month"): Promise<TimelineBucket[]> {
  const params = filterParams(filters);
  params.set("bucket", bucket);
  return (await request<{ buckets: TimelineBucket[] }>(withQuery("/api/timeline", params))).buckets;
}

export function fetchEvent(eventId: string): Promise<EventDetail> {
  return request(`/api/events/${id(eventId)}`);
}

export function fetchDocument(documentId: string): Promise<DocumentView> {
  return request(`/api/documents/${id(documentId)}`);
}

/** The list an endpoint answers, whether bare or wrapped in an object under one key. */
function listIn<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  if (isRecord(body) && Array.isArray(body[key])) return body[key] as T[];
  return [];
}

export async function fetchActors(query: string): Promise<ActorFacts[]> {
  return listIn<ActorFacts>(await request<unknown>(withQuery("/api/actors", new URLSearchParams({ q: query }))), "actors");
}

export async function fetchOutlets(): Promise<OutletFacts[]> {
  return listIn<OutletFacts>(await request<unknown>("/api/outlets"), "outlets");
}

export function fetchStats(): Promise<Record<string, unknown>> {
  return request("/api/stats");
}

export function postReview(eventId: string, body: ReviewBody, token: string | null): Promise<unknown> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null && token !== "") headers["authorization"] = `Bearer ${token}`;
  return request(`/api/events/${id(eventId)}/review`, { method: "POST", headers, body: JSON.stringify(body) });
}

export const EXPORT_FORMATS = [
  { format: "acled-csv", label: "ACLED CSV" },
  { format: "geojson", label: "GeoJSON" },
  { format: "plover-jsonl", label: "PLOVER JSONL" },
  { format: "jsonl", label: "JSONL" },
] as const;

export function exportParams(format: string, filters: Filters): URLSearchParams {
  const params = filterParams(filters);
  params.set("format", format);
  return params;
}
