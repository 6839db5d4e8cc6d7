/**
 * The offline basemap: Natural Earth's countries (world-atlas, 1:50m) shipped
 * with the app as one TopoJSON asset and turned into GeoJSON in the browser.
 * No tile server, no glyphs, no sprites: nothing is fetched from elsewhere.
 */
import type { FeatureCollection, MultiLineString } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlasUrl from "world-atlas/countries-50m.json?url";

export interface Basemap {
  countries: FeatureCollection;
  /** Land borders between two countries, each once. */
  borders: MultiLineString;
  /** Coastlines and borders at the edge of the data. */
  coasts: MultiLineString;
}

export async function loadBasemap(): Promise<Basemap> {
  const response = await fetch(atlasUrl);
  if (!response.ok) throw new Error(`the basemap ${atlasUrl} answered ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  const countries = topology.objects.countries;
  if (countries === undefined) throw new Error(`the basemap ${atlasUrl} has no "countries" object`);
  return {
    countries: feature(topology, countries),
    borders: mesh(topology, countries, (a, b) => a !== b),
    coasts: mesh(topology, countries, (a, b) => a === b),
  };
}
