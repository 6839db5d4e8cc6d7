/**
 * Cluster counts as DOM elements over the map: the style has no glyphs (they
 * would have to come from a font server), so numbers cannot be drawn on the
 * canvas. Labels are kept for the clusters currently in the source's tiles
 * and repositioned by MapLibre's markers.
 */
import { Marker, type Map as MapLibre } from "maplibre-gl";
import { h } from "../dom.js";

export function createClusterLabels(map: MapLibre, source: string): void {
  const labels = new Map<number, Marker>();
  let scheduled = false;

  const update = () => {
    scheduled = false;
    if (!map.isSourceLoaded(source)) return;
    const seen = new Set<number>();
    for (const feature of map.querySourceFeatures(source, { filter: ["has", "point_count"] })) {
      const id = feature.properties["cluster_id"];
      const count = feature.properties["point_count"];
      if (typeof id !== "number" || typeof count !== "number" || feature.geometry.type !== "Point" || seen.has(id)) continue;
      seen.add(id);
      const at = feature.geometry.coordinates as [number, number];
      const existing = labels.get(id);
      if (existing !== undefined) {
        // Cluster ids are reused when the data changes: refresh the count too.
        existing.setLngLat(at);
        existing.getElement().textContent = String(count);
        continue;
      }
      const element = h("div", { class: "cluster-count", attrs: { "aria-hidden": "true" } }, String(count));
      labels.set(id, new Marker({ element }).setLngLat(at).addTo(map));
    }
    for (const [id, marker] of labels) {
      if (seen.has(id)) continue;
      marker.remove();
      labels.delete(id);
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(update);
  };
  map.on("sourcedata", (event) => {
    if (event.sourceId === source) schedule();
  });
  map.on("moveend", schedule);
  map.on("zoomend", schedule);
}
