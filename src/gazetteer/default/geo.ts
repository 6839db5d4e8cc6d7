/**
 * The little geometry the default gazetteer needs beyond distances
 * (src/model/geo.ts): percentiles, and the centroid and area of a lon/lat polygon.
 */
import type { Point } from "../../model/geo.js";

const RADIANS = Math.PI / 180;

/** The value below which `fraction` of the values fall (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

/** A GeoJSON polygon: an outer ring of [lon, lat] positions, then its holes. */
export type Rings = readonly (readonly (readonly number[])[])[];

/**
 * Area-weighted centroid of a polygon with holes, by the shoelace formula on
 * lon/lat, whatever the rings' orientation. `area` is in square degrees
 * shrunk by the cosine of the centroid's latitude, so that polygons at
 * different latitudes compare by their true size.
 */
export function polygonCentroid(rings: Rings): Point & { area: number } {
  let area = 0;
  let sumLon = 0;
  let sumLat = 0;
  for (const [index, ring] of rings.entries()) {
    const shape = ringShape(ring);
    const sign = index === 0 ? 1 : -1; // holes take their area and moment away from the outer ring
    area += sign * shape.area;
    sumLon += sign * shape.area * shape.lon;
    sumLat += sign * shape.area * shape.lat;
  }
  if (area === 0) {
    const [lon = 0, lat = 0] = rings[0]?.[0] ?? [];
    return { lat, lon, area: 0 };
  }
  const lat = sumLat / area;
  return { lat, lon: sumLon / area, area: area * Math.cos(lat * RADIANS) };
}

function ringShape(ring: readonly (readonly number[])[]): Point & { area: number } {
  let twiceArea = 0;
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[(i + 1) % ring.length] ?? [];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    lon += (x0 + x1) * cross;
    lat += (y0 + y1) * cross;
  }
  if (twiceArea === 0) return { lat: 0, lon: 0, area: 0 };
  return { lon: lon / (3 * twiceArea), lat: lat / (3 * twiceArea), area: Math.abs(twiceArea) / 2 };
}
