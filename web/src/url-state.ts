/**
 * What the analyst is looking at, kept in the page's query string so that a
 * view can be shared by its URL: the filters (named as the API names them),
 * the open event and article, and the map's position.
 */

export interface Filters {
  from?: string;
  to?: string;
  type?: string;
  subType?: string;
  actor?: string;
  outlet?: string;
  alignment?: string;
  text?: string;
  minCorroboration?: number;
  includeRejected?: boolean;
}

export interface MapPosition {
  lon: number;
  lat: number;
  zoom: number;
}

export interface View {
  /** Id of the event (cluster) whose panel is open. */
  event?: string;
  /** Id of the document whose article view is open. */
  doc?: string;
  /** Id, within that document's analysis, of the event whose evidence is emphasised. */
  docEvent?: string;
  map?: MapPosition;
}

export interface AppState {
  filters: Filters;
  view: View;
}

const TEXT_FILTERS = ["type", "subType", "actor", "outlet", "alignment", "text"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function readState(search: string): AppState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  const text = (name: string): string | undefined => {
    const value = params.get(name)?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  for (const name of TEXT_FILTERS) {
    const value = text(name);
    if (value !== undefined) filters[name] = value;
  }
  for (const name of ["from", "to"] as const) {
    const value = text(name);
    if (value !== undefined && isIsoDate(value)) filters[name] = value;
  }
  const minCorroboration = Number(text("minCorroboration"));
  if (Number.isInteger(minCorroboration) && minCorroboration > 0) filters.minCorroboration = minCorroboration;
  if (params.get("includeRejected") === "true") filters.includeRejected = true;

  const view: View = {};
  const event = text("event");
  if (event !== undefined) view.event = event;
  const doc = text("doc");
  if (doc !== undefined) view.doc = doc;
  const docEvent = text("docEvent");
  if (docEvent !== undefined && doc !== undefined) view.docEvent = docEvent;
  const map = readMapPosition(text("map"));
  if (map !== null) view.map = map;
  return { filters, view };
}

function readMapPosition(value: string | undefined): MapPosition | null {
  if (value === undefined) return null;
  const [lon, lat, zoom] = value.split(",").map(Number);
  if (lon === undefined || lat === undefined || zoom === undefined) return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || !Number.isFinite(zoom)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 22) return null;
  return { lon, lat, zoom };
}

/** The filters as the API's query parameters. */
export function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = filters[name];
    if (value !== undefined) params.set(name, value);
  }
  if (filters.from !== undefined) params.set("from", filters.from);
  if (filters.to !== undefined) params.set("to", filters.to);
  if (filters.minCorroboration !== undefined) params.set("minCorroboration", String(filters.minCorroboration));
  if (filters.includeRejected === true) params.set("includeRejected", "true");
  return params;
}

/** The page's query string for a state: the filters, then the view. */
export function writeState(state: AppState): string {
  const params = filterParams(state.filters);
  const { view } = state;
  if (view.event !== undefined) params.set("event", view.event);
  if (view.doc !== undefined) params.set("doc", view.doc);
  if (view.docEvent !== undefined) params.set("docEvent", view.docEvent);
  if (view.map !== undefined) params.set("map", `${view.map.lon.toFixed(4)},${view.map.lat.toFixed(4)},${view.map.zoom.toFixed(2)}`);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return filterParams(a).toString() === filterParams(b).toString();
}

/** The filters without the date range: the timeline shows every date, with the range as its selection. */
export function withoutDates(filters: Filters): Filters {
  const { from: _from, to: _to, ...rest } = filters;
  return rest;
}
