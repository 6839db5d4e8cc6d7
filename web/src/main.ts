/**
 * The analyst's app: filters → map, timeline and event list; an event's
 * panel; an article's annotated text. Everything the analyst is looking at
 * lives in the URL (see url-state.ts), so the back button and a shared link
 * both restore it.
 */
import "./styles.css";
import { ApiError, fetchDocument, fetchEvent, fetchEvents, fetchMap, fetchOutlets, fetchStats, fetchTimeline, type CorpusEvent } from "./api.js";
import { renderArticle } from "./article/article-view.js";
import { renderEventList } from "./event-list.js";
import { renderEventPanel } from "./event-panel.js";
import { renderExportLinks } from "./export-links.js";
import { createFiltersForm } from "./filters-form.js";
import { createEventMap } from "./map/event-map.js";
import { renderLegend } from "./map/legend.js";
import { createSettings } from "./settings.js";
import { createTimeline } from "./timeline.js";
import { readState, sameFilters, withoutDates, writeState, type AppState, type Filters, type View } from "./url-state.js";

const LIST_LIMIT = 200;

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`index.html: expected #${id} to be a ${type.name}, found ${found === null ? "nothing" : found.tagName}`);
  return found;
}

const ui = {
  error: element("error", HTMLParagraphElement),
  stats: element("stats", HTMLParagraphElement),
  filters: element("filters", HTMLFormElement),
  exportLinks: element("export-links", HTMLUListElement),
  eventsCount: element("events-count", HTMLParagraphElement),
  eventList: element("event-list", HTMLOListElement),
  map: element("map", HTMLDivElement),
  mapNote: element("map-note", HTMLParagraphElement),
  legend: element("legend", HTMLDetailsElement),
  timeline: element("timeline", HTMLDivElement),
  timelineRange: element("timeline-range", HTMLParagraphElement),
  timelineClear: element("timeline-clear", HTMLButtonElement),
  panel: element("event-panel", HTMLElement),
  article: element("article", HTMLElement),
  reviewer: element("reviewer", HTMLInputElement),
  token: element("token", HTMLInputElement),
};

let state: AppState = readState(location.search);

type ErrorSource = "filters" | "event" | "article" | "map" | "outlets";
const errors = new Map<ErrorSource, string>();

/** Shows what went wrong, one line per part of the app, until that part works again. */
function showError(source: ErrorSource, error: unknown): void {
  errors.set(source, error instanceof ApiError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error));
  ui.error.textContent = [...errors.values()].join(" — ");
  ui.error.hidden = false;
}

function clearError(source: ErrorSource): void {
  if (!errors.delete(source)) return;
  ui.error.textContent = [...errors.values()].join(" — ");
  ui.error.hidden = errors.size === 0;
}

/** Records the state in the URL: a new history entry for what the analyst did, a replaced one for map moves. */
function commit(next: AppState, mode: "push" | "replace"): void {
  state = next;
  const url = `${location.pathname}${writeState(state)}`;
  if (mode === "push") history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

const settings = createSettings(ui.reviewer, ui.token);
const form = createFiltersForm(ui.filters, (filters) => setFilters(filters));
const timeline = createTimeline({
  container: ui.timeline,
  onBrush: (range) => {
    const { from: _from, to: _to, ...rest } = state.filters;
    setFilters({ ...rest, ...(range?.from === undefined ? {} : { from: range.from }), ...(range?.to === undefined ? {} : { to: range.to }) });
  },
});
const eventMap = createEventMap({
  container: ui.map,
  position: state.view.map,
  onSelect: (id) => openEvent(id),
  onMove: (position) => commit({ ...state, view: { ...state.view, map: position } }, "replace"),
  onError: (message) => showError("map", message),
});
renderLegend(ui.legend);
ui.timelineClear.addEventListener("click", () => setFilters(withoutDates(state.filters)));

function setFilters(filters: Filters): void {
  if (sameFilters(filters, state.filters)) return;
  commit({ ...state, filters }, "push");
  void refresh(false);
}

let refreshing = 0;
let fitted = state.view.map !== undefined;

/** Loads what the filters select into the map, the timeline, the list and the export links. */
async function refresh(fit: boolean): Promise<void> {
  const current = ++refreshing;
  const { filters } = state;
  form.show(filters);
  renderExportLinks(ui.exportLinks, filters);
  ui.timelineRange.textContent = filters.from === undefined && filters.to === undefined ? "All dates" : `${filters.from ?? "…"} to ${filters.to ?? "…"}`;
  ui.timelineClear.hidden = filters.from === undefined && filters.to === undefined;
  try {
    const [map, buckets, page] = await Promise.all([fetchMap(filters), fetchTimeline(withoutDates(filters), "day"), fetchEvents(filters, LIST_LIMIT)]);
    if (current !== refreshing) return;
    clearError("filters");
    eventMap.setPoints(map.points, fit || !fitted);
    ui.mapNote.hidden = !map.truncated;
    ui.mapNote.textContent = map.truncated ? `The map shows the latest ${map.points.length.toLocaleString()} events; narrow the filters to see the others.` : "";
    fitted = true;
    timeline.render(buckets, { ...(filters.from === undefined ? {} : { from: filters.from }), ...(filters.to === undefined ? {} : { to: filters.to }) });
    showList(page.events);
  } catch (error) {
    if (current === refreshing) showError("filters", error);
  }
}

let listed: readonly CorpusEvent[] = [];
function showList(events: readonly CorpusEvent[]): void {
  listed = events;
  ui.eventsCount.textContent = events.length === 0 ? "No events under these filters." : events.length >= LIST_LIMIT ? `The first ${events.length} events; narrow the filters to see the rest.` : `${events.length} event(s).`;
  renderEventList(ui.eventList, events, state.view.event, (id) => openEvent(id));
}

async function showEvent(id: string, focus: boolean): Promise<void> {
  try {
    const event = await fetchEvent(id);
    if (state.view.event !== id) return;
    ui.panel.hidden = false;
    renderEventPanel(ui.panel, event, {
      settings,
      onClose: () => closeEvent(),
      onOpenArticle: (documentId, eventId) => openArticle(documentId, eventId),
      onReviewed: () => {
        void showEvent(id, false);
        void refresh(false);
      },
      onShowOnMap: (place) => eventMap.show(place.lon, place.lat),
    });
    const place = event.summary.place;
    eventMap.select(place);
    if (place !== null && focus) eventMap.reveal(place.lon, place.lat);
    if (focus) document.getElementById("event-heading")?.focus();
    clearError("event");
  } catch (error) {
    showError("event", error);
  }
}

function openEvent(id: string): void {
  commit({ ...state, view: withView(state.view, { event: id }) }, "push");
  renderEventList(ui.eventList, listed, id, (next) => openEvent(next));
  void showEvent(id, true);
}

function closeEvent(): void {
  const { event: _event, ...view } = state.view;
  commit({ ...state, view }, "push");
  ui.panel.hidden = true;
  ui.panel.replaceChildren();
  clearError("event");
  eventMap.select(null);
  renderEventList(ui.eventList, listed, undefined, (next) => openEvent(next));
}

function withView(view: View, change: Partial<Record<"event" | "doc" | "docEvent", string | undefined>>): View {
  const next: View = { ...view };
  for (const [key, value] of Object.entries(change) as ["event" | "doc" | "docEvent", string | undefined][]) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

async function showArticle(documentId: string, eventId: string | undefined, focus: boolean): Promise<void> {
  try {
    const view = await fetchDocument(documentId);
    if (state.view.doc !== documentId) return;
    ui.article.hidden = false;
    renderArticle(ui.article, view, eventId, {
      onClose: () => closeArticle(),
      onOpenEvent: (clusterId) => {
        closeArticle();
        openEvent(clusterId);
      },
      onFocusEvent: (next) => openArticle(documentId, next),
    });
    if (focus) document.getElementById("article-heading")?.focus({ preventScroll: true });
    clearError("article");
  } catch (error) {
    showError("article", error);
  }
}

function openArticle(documentId: string, eventId: string | undefined): void {
  commit({ ...state, view: withView(state.view, { doc: documentId, docEvent: eventId }) }, "push");
  void showArticle(documentId, eventId, true);
}

function closeArticle(): void {
  commit({ ...state, view: withView(state.view, { doc: undefined, docEvent: undefined }) }, "push");
  ui.article.hidden = true;
  ui.article.replaceChildren();
  clearError("article");
  document.getElementById("event-heading")?.focus();
}

/** Shows whatever the state says: on load, and when the analyst goes back or forward. */
function showView(): void {
  if (state.view.event === undefined) {
    ui.panel.hidden = true;
    eventMap.select(null);
  } else void showEvent(state.view.event, false);
  if (state.view.doc === undefined) ui.article.hidden = true;
  else void showArticle(state.view.doc, state.view.docEvent, false);
}

window.addEventListener("popstate", () => {
  const previous = state.filters;
  state = readState(location.search);
  if (!sameFilters(previous, state.filters)) void refresh(false);
  showView();
});

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  if (!ui.article.hidden) closeArticle();
  else if (!ui.panel.hidden) closeEvent();
});

void fetchStats()
  .then((stats) => {
    const parts = Object.entries(stats)
      .filter((entry): entry is [string, number] => typeof entry[1] === "number")
      .map(([name, value]) => `${value.toLocaleString()} ${name}`);
    ui.stats.textContent = parts.join(" · ");
  })
  .catch(() => undefined);
void fetchOutlets()
  .then((outlets) => form.setOutlets(outlets))
  .catch((error: unknown) => showError("outlets", error));
void refresh(false);
showView();
