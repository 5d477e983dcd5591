import "server-only";
// Country outlines for the map, projected once on the server from Natural Earth's 1:110m
// TopoJSON (world-atlas): the browser receives SVG paths only, no geodata library.
import { geoEqualEarth, geoPath } from "d3-geo";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface CountryShape {
  /** ISO alpha-3, or null for areas without an ISO code (e.g. N. Cyprus, Somaliland). */
  iso3: string | null;
  name: string;
  path: string;
}

let cached: CountryShape[] | undefined;

export function worldShapes(): CountryShape[] {
  if (cached) return cached;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const toPath = geoPath(projection);
  cached = collection.features
    .map((country) => ({
      iso3: country.id !== undefined ? (countries.numericToAlpha3(String(country.id)) ?? null) : null,
      name: country.properties?.name ?? "Unknown",
      path: toPath(country) ?? "",
    }))
    .filter((shape) => shape.path);
  return cached;
}
