/** Points on the Earth and the distance between them: one definition for the gazetteer, the resolver and the scores. */

/** Mean Earth radius (IUGG), the one geoparsing evaluations use. */
export const EARTH_RADIUS_KM = 6371.0088;

const RADIANS = Math.PI / 180;

export interface Point {
  lat: number;
  lon: number;
}

/** Great-circle distance by the haversine formula. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLon = (b.lon - a.lon) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
