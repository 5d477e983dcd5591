import "server-only";
// A country's first-level areas as SVG paths, projected on the server from the shipped
// boundaries (lib/map/areas/boundaries.json, Natural Earth via `npm run build:areas`): a page
// carries one country's paths, never the 1 MB file.
import { geoCentroid, geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import boundaries from "@/lib/map/areas/boundaries.json" with { type: "json" };

export const AREA_MAP_WIDTH = 640;
export const AREA_MAP_MAX_HEIGHT = 460;

export interface AreaShape {
  code: string;
  path: string;
  /** Where its label goes (the centroid, projected). */
  label: [number, number];
}

export interface AreaShapes {
  width: number;
  height: number;
  shapes: AreaShape[];
}

const topology = boundaries as unknown as Topology<{ areas: GeometryCollection }>;
const cache = new Map<string, AreaShapes | null>();

/** The areas of the country with this ISO alpha-2 prefix, fitted to the map's width; null when none has a boundary. */
export function areaShapes(iso2: string): AreaShapes | null {
  const cached = cache.get(iso2);
  if (cached !== undefined) return cached;
  const geometries = topology.objects.areas.geometries.filter((g) => String(g.id).startsWith(`${iso2}-`));
  if (geometries.length === 0) {
    cache.set(iso2, null);
    return null;
  }
  const collection = feature(topology, { type: "GeometryCollection", geometries });
  // Mercator keeps a country's shape familiar at this scale; the height follows the country's own proportions.
  const probe = geoMercator().fitWidth(AREA_MAP_WIDTH, collection);
  const [[, y0], [, y1]] = geoPath(probe).bounds(collection);
  const height = Math.min(AREA_MAP_MAX_HEIGHT, Math.max(200, Math.ceil(y1 - y0)));
  const projection = geoMercator().fitExtent(
    [
      [4, 4],
      [AREA_MAP_WIDTH - 4, height - 4],
    ],
    collection,
  );
  const toPath = geoPath(projection).digits(1);
  const shapes = collection.features.flatMap((area) => {
    const path = toPath(area);
    const [x, y] = projection(geoCentroid(area)) ?? [0, 0];
    return path ? [{ code: String(area.id), path, label: [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as [number, number] }] : [];
  });
  const result = { width: AREA_MAP_WIDTH, height, shapes };
  cache.set(iso2, result);
  return result;
}
