/**
 * The events on the offline map: clustered by zoom, coloured by event type,
 * one click to open an event or to zoom into a cluster. The map is a view of
 * the filtered events; the event list beside it offers the same events to the
 * keyboard.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { LngLatBounds, Map as MapLibre, NavigationControl, Popup, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { MapPoint } from "../api.js";
import { h } from "../dom.js";
import type { MapPosition } from "../url-state.js";
import { loadBasemap } from "./basemap.js";
import { createClusterLabels } from "./cluster-labels.js";
import { CLUSTER_LAYER, EVENTS_SOURCE, POINT_LAYER, SELECTED_SOURCE, mapStyle } from "./style.js";

// The worker is a file of the app's own, so that `worker-src 'self'` admits it.
setWorkerUrl(workerUrl);

export interface EventMapOptions {
  container: HTMLElement;
  position: MapPosition | undefined;
  onSelect: (eventId: string) => void;
  onMove: (position: MapPosition) => void;
  onError: (message: string) => void;
}

export interface EventMap {
  /** Shows these events; `fit` moves the map to them. */
  setPoints(points: readonly MapPoint[], fit: boolean): void;
  /** Rings the open event's place (null: no event open, or one without a place). */
  select(at: { lon: number; lat: number } | null): void;
  /** Centres the map on a place, zooming in to its neighbourhood. */
  show(lon: number, lat: number): void;
  /** Pans to a place only if it is out of view. */
  reveal(lon: number, lat: number): void;
}

interface PointProperties {
  id: string;
  eventType: string;
  subEventType: string;
  date: string;
  reports: number;
  independentOutlets: number;
  status: string;
}

function toFeatures(points: readonly MapPoint[]): FeatureCollection<Point, PointProperties> {
  const features: Feature<Point, PointProperties>[] = [];
  for (const point of points) {
    if (!Number.isFinite(point.lon) || !Number.isFinite(point.lat)) continue;
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [point.lon, point.lat] },
      properties: {
        id: point.id,
        eventType: point.eventType ?? "",
        subEventType: point.subEventType ?? "",
        date: point.date ?? "",
        reports: point.reports,
        independentOutlets: point.independentOutlets,
        status: point.status ?? "",
      },
    });
  }
  return { type: "FeatureCollection", features };
}

function hasWebGl(): boolean {
  const canvas = document.createElement("canvas");
  return canvas.getContext("webgl2") !== null || canvas.getContext("webgl") !== null;
}

export function createEventMap(options: EventMapOptions): EventMap {
  const { container } = options;
  if (!hasWebGl()) {
    container.append(h("p", { class: "map-unavailable" }, "The map needs WebGL, which this browser does not offer. The event list and timeline work without it."));
    container.dataset["ready"] = "unavailable";
    return { setPoints: () => undefined, select: () => undefined, show: () => undefined, reveal: () => undefined };
  }

  const map = new MapLibre({
    container,
    style: mapStyle(),
    center: options.position === undefined ? [36.5, 34] : [options.position.lon, options.position.lat],
    zoom: options.position?.zoom ?? 4,
    attributionControl: { compact: true, customAttribution: "Basemap: Natural Earth (world-atlas)" },
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
  });
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new ScaleControl({}), "bottom-left");
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  // For the browser tests and the console: the map as MapLibre sees it.
  Object.defineProperty(window, "sitrepMap", { value: map, configurable: true });

  const loaded = new Promise<void>((resolve) => map.once("load", () => resolve()));
  let pending: { points: FeatureCollection<Point, PointProperties>; fit: boolean } | null = null;
  let generation = 0;

  void loaded.then(async () => {
    try {
      const basemap = await loadBasemap();
      (map.getSource("countries") as GeoJSONSource).setData(basemap.countries);
      (map.getSource("borders") as GeoJSONSource).setData(basemap.borders);
      (map.getSource("coasts") as GeoJSONSource).setData(basemap.coasts);
    } catch (error) {
      options.onError(`The basemap could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  createClusterLabels(map, EVENTS_SOURCE);

  const apply = () => {
    if (pending === null || !map.isStyleLoaded()) return;
    const { points, fit } = pending;
    pending = null;
    const current = ++generation;
    container.dataset["ready"] = "false";
    (map.getSource(EVENTS_SOURCE) as GeoJSONSource).setData(points);
    if (fit && points.features.length > 0) {
      const bounds = new LngLatBounds();
      for (const feature of points.features) bounds.extend(feature.geometry.coordinates as [number, number]);
      map.fitBounds(bounds, { padding: 60, maxZoom: 8, duration: 0 });
    }
    map.once("idle", () => {
      if (current !== generation) return;
      container.dataset["ready"] = "true";
      container.dataset["points"] = String(points.features.length);
    });
    map.triggerRepaint();
  };
  void loaded.then(apply);

  map.on("click", CLUSTER_LAYER, (event: MapLayerMouseEvent) => {
    const feature = event.features?.[0];
    const clusterId = feature?.properties?.["cluster_id"];
    if (feature === undefined || typeof clusterId !== "number" || feature.geometry.type !== "Point") return;
    const center = feature.geometry.coordinates as [number, number];
    void (map.getSource(EVENTS_SOURCE) as GeoJSONSource).getClusterExpansionZoom(clusterId).then((zoom) => map.easeTo({ center, zoom }));
  });
  map.on("click", POINT_LAYER, (event: MapLayerMouseEvent) => {
    const id = event.features?.[0]?.properties?.["id"];
    if (typeof id === "string") options.onSelect(id);
  });

  const popup = new Popup({ closeButton: false, closeOnClick: false, className: "event-popup", offset: 10 });
  for (const layer of [CLUSTER_LAYER, POINT_LAYER]) {
    map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
    map.on("mouseleave", layer, () => {
      map.getCanvas().style.cursor = "";
      popup.remove();
    });
  }
  map.on("mousemove", POINT_LAYER, (event: MapLayerMouseEvent) => {
    const feature = event.features?.[0];
    if (feature === undefined || feature.geometry.type !== "Point") return;
    const properties = feature.properties as Partial<PointProperties>;
    const content = h(
      "div",
      {},
      h("strong", {}, properties.eventType || "Outside ACLED's types"),
      properties.subEventType ? h("div", {}, properties.subEventType) : null,
      h("div", {}, `${properties.date || "undated"} · ${properties.reports ?? 0} report(s), ${properties.independentOutlets ?? 0} independent outlet(s)`),
      properties.status ? h("div", {}, `Review: ${properties.status}`) : null,
    );
    popup.setLngLat(feature.geometry.coordinates as [number, number]).setDOMContent(content).addTo(map);
  });

  map.on("moveend", () => {
    const center = map.getCenter();
    options.onMove({ lon: center.lng, lat: center.lat, zoom: map.getZoom() });
  });
  map.on("error", (event) => options.onError(`Map: ${event.error.message}`));

  return {
    setPoints(points, fit) {
      pending = { points: toFeatures(points), fit };
      apply();
    },
    select(at) {
      void loaded.then(() =>
        (map.getSource(SELECTED_SOURCE) as GeoJSONSource).setData({
          type: "FeatureCollection",
          features: at === null ? [] : [{ type: "Feature", geometry: { type: "Point", coordinates: [at.lon, at.lat] }, properties: {} }],
        }),
      );
    },
    show(lon, lat) {
      void loaded.then(() => map.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 8) }));
    },
    reveal(lon, lat) {
      void loaded.then(() => {
        if (!map.getBounds().contains([lon, lat])) map.easeTo({ center: [lon, lat] });
      });
    },
  };
}
