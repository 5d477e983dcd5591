import "server-only";
// Country outlines for the map, projected once on the server from Natural Earth's 1:110m
// TopoJSON (world-atlas). The outlines are one static SVG file (served by
// app/map/world-outlines.svg, cached by the browser); the map on each page refers to each
// outline by id with <use>, so a page carries names and colours, not 166 kB of path data.
import { createHash } from "node:crypto";
import { geoEqualEarth, geoPath } from "d3-geo";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
/** The height of the world without Antarctica at MAP_WIDTH in the Equal Earth projection (checked by a unit test). */
export const MAP_HEIGHT = 422;
/** Antarctica (ISO 3166 numeric 010): no organisation works there, and it took a tenth of the map's height. */
const LEFT_OUT = new Set(["010"]);
export const WORLD_OUTLINES_PATH = "/map/world-outlines.svg";

export interface CountryShape {
  /** The outline's id in the outlines file. */
  id: string;
  /** ISO alpha-3, or null for areas without an ISO code (e.g. N. Cyprus, Somaliland). */
  iso3: string | null;
  name: string;
}

interface Outlines {
  shapes: CountryShape[];
  svg: string;
  /** The outlines file's address, versioned by its content (so it can be cached for good). */
  url: string;
}

let cached: Outlines | undefined;

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function outlines(): Outlines {
  if (cached) return cached;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const everything = feature(topology, topology.objects.countries);
  const collection = { ...everything, features: everything.features.filter((country) => !LEFT_OUT.has(String(country.id))) };
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const toPath = geoPath(projection);
  const projected = collection.features
    .map((country, index) => {
      const iso3 = country.id !== undefined ? (countries.numericToAlpha3(String(country.id)) ?? null) : null;
      return { id: iso3 ? `c-${iso3}` : `c-x${index}`, iso3, name: country.properties?.name ?? "Unknown", path: toPath(country) ?? "" };
    })
    .filter((shape) => shape.path);
  // No fill or stroke on the outlines: each <use> on the page sets them.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}">${projected
    .map((shape) => `<path id="${shape.id}" d="${shape.path}"><title>${escapeXml(shape.name)}</title></path>`)
    .join("")}</svg>`;
  const version = createHash("sha256").update(svg).digest("hex").slice(0, 12);
  cached = { shapes: projected.map(({ id, iso3, name }) => ({ id, iso3, name })), svg, url: `${WORLD_OUTLINES_PATH}?v=${version}` };
  return cached;
}

export const worldShapes = (): CountryShape[] => outlines().shapes;
export const worldOutlinesSvg = (): string => outlines().svg;
export const worldOutlinesUrl = (): string => outlines().url;
