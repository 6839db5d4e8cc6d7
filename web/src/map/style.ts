/**
 * The map's style: a sea-coloured background, country fills and borders from
 * the offline basemap, and the events layers. No `glyphs` and no `sprite`,
 * so there are no text labels on the canvas: cluster counts are DOM elements
 * (see `cluster-labels.ts`).
 */
import type { FeatureCollection } from "geojson";
import type { ExpressionSpecification, StyleSpecification } from "maplibre-gl";
import { EVENT_TYPES, OTHER_COLOUR } from "../event-types.js";

const empty = (): FeatureCollection => ({ type: "FeatureCollection", features: [] });

export const EVENTS_SOURCE = "events";
export const CLUSTER_LAYER = "event-clusters";
export const POINT_LAYER = "event-points";
export const SELECTED_LAYER = "event-selected";
/** The open event's place, outside the clustered source so that it shows at every zoom. */
export const SELECTED_SOURCE = "selected-event";

// ["match", input, label1, colour1, label2, colour2, …, fallback]: the spec's tuple type cannot express the variadic pairs.
const typeColour = ["match", ["get", "eventType"], ...EVENT_TYPES.flatMap((entry) => [entry.type, entry.colour]), OTHER_COLOUR] as unknown as ExpressionSpecification;

export function mapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: "geojson", data: empty() },
      borders: { type: "geojson", data: empty() },
      coasts: { type: "geojson", data: empty() },
      [EVENTS_SOURCE]: { type: "geojson", data: empty(), cluster: true, clusterRadius: 40, clusterMaxZoom: 11 },
      [SELECTED_SOURCE]: { type: "geojson", data: empty() },
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": "#c9dbe6" } },
      { id: "countries", type: "fill", source: "countries", paint: { "fill-color": "#f4f2ec" } },
      { id: "coasts", type: "line", source: "coasts", paint: { "line-color": "#9fb3bf", "line-width": 0.8 } },
      { id: "borders", type: "line", source: "borders", paint: { "line-color": "#8c8779", "line-width": ["interpolate", ["linear"], ["zoom"], 2, 0.6, 8, 1.6], "line-dasharray": [3, 1.5] } },
      {
        id: CLUSTER_LAYER,
        type: "circle",
        source: EVENTS_SOURCE,
        filter: ["has", "point_count"],
        paint: {
          "circle-color": "#263238",
          "circle-opacity": 0.85,
          "circle-radius": ["interpolate", ["linear"], ["get", "point_count"], 2, 13, 10, 17, 50, 23, 250, 30],
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 2,
        },
      },
      {
        id: POINT_LAYER,
        type: "circle",
        source: EVENTS_SOURCE,
        filter: ["!", ["has", "point_count"]],
        paint: {
          "circle-color": typeColour,
          // Larger when more outlets carry the event.
          "circle-radius": ["interpolate", ["linear"], ["get", "independentOutlets"], 0, 6, 1, 7, 5, 12],
          "circle-opacity": ["case", ["==", ["get", "status"], "rejected"], 0.35, 0.9],
          "circle-stroke-color": ["case", ["==", ["get", "status"], "confirmed"], "#1b5e20", ["==", ["get", "status"], "corrected"], "#0d47a1", "#ffffff"],
          "circle-stroke-width": ["case", ["==", ["get", "status"], ""], 1.5, 3],
        },
      },
      {
        id: SELECTED_LAYER,
        type: "circle",
        source: SELECTED_SOURCE,
        paint: { "circle-color": "rgba(0,0,0,0)", "circle-radius": 16, "circle-stroke-color": "#ffab00", "circle-stroke-width": 4 },
      },
    ],
  };
}
