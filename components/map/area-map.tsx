// A country's first-level areas shaded by the number of access-constraint events placed in
// them. Each shade has a texture and each area with events carries its number, so the map
// reads without colour; every area is a link to its events, and the same figures are a table.
import type { AreaShapes } from "@/lib/map/area-shapes";
import { formatNumber } from "@/lib/domain/format";
import { CONSTRAINT_SHADES, shadeFill, ShadeTextures } from "./constraint-shades";

export interface AreaMapArea {
  code: string;
  name: string;
  events: number;
  href: string;
}

export function AreaMap({ shapes, areas, countryName, period }: { shapes: AreaShapes | null; areas: AreaMapArea[]; countryName: string; period: string }) {
  const prefix = "area-texture";
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const drawn = new Set(shapes?.shapes.map((s) => s.code));
  const undrawn = areas.filter((a) => !drawn.has(a.code));
  return (
    <section aria-labelledby="area-map-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="area-map">
      <h3 id="area-map-title" className="font-semibold text-slate-900">
        Constraints by area
      </h3>
      <p className="text-sm text-slate-600">
        Access-constraint events placed in each first-level area of {countryName}, {period}. An event in several areas counts in each. Select an area for its
        events.
      </p>
      {shapes ? (
        <>
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend: constraint events per area">
            {CONSTRAINT_SHADES.map((bucket) => (
              <li key={bucket.label} className="flex items-center gap-1.5">
                {/* The map's own textures (ids are the document's): the legend cannot drift from the map. */}
                <svg width="16" height="12" aria-hidden="true">
                  <rect width="16" height="12" fill={shadeFill(prefix, bucket.min)} stroke="#64748b" strokeWidth="0.8" />
                </svg>
                {bucket.label}
              </li>
            ))}
          </ul>
          <svg
            viewBox={`0 0 ${shapes.width} ${shapes.height}`}
            className="mt-2 h-auto w-full max-w-3xl"
            role="group"
            aria-label={`Map of ${countryName}'s areas; the same figures are in the table below`}
          >
            <ShadeTextures prefix={prefix} />
            {shapes.shapes.map((shape) => {
              const area = byCode.get(shape.code);
              if (!area) return null;
              const label = `${area.name} (${area.code}): ${area.events === 0 ? "no" : formatNumber(area.events)} constraint event${area.events === 1 ? "" : "s"}`;
              return (
                <a key={shape.code} href={area.href} aria-label={label} className="area-link">
                  <title>{label}</title>
                  <path
                    d={shape.path}
                    fill={shadeFill(prefix, area.events)}
                    stroke="#475569"
                    strokeWidth="0.8"
                    data-area={shape.code}
                    data-events={area.events}
                  />
                </a>
              );
            })}
            {/* Numbers on top of every shape, with a halo, so no area hides another's label. */}
            {shapes.shapes.map((shape) => {
              const area = byCode.get(shape.code);
              if (!area || area.events === 0) return null;
              return (
                <text
                  key={shape.code}
                  x={shape.label[0]}
                  y={shape.label[1]}
                  textAnchor="middle"
                  dominantBaseline="central"
                  className="pointer-events-none fill-slate-900 text-[17px] font-semibold"
                  stroke="white"
                  strokeWidth="3"
                  paintOrder="stroke"
                  aria-hidden="true"
                >
                  {formatNumber(area.events)}
                </text>
              );
            })}
          </svg>
        </>
      ) : (
        <p className="mt-3 text-sm text-slate-600">No boundaries ship for {countryName}&apos;s areas; the table below has the figures.</p>
      )}
      {undrawn.length > 0 && shapes && (
        <p className="mt-1 text-xs text-slate-600">
          Not on the map (no boundary under its current ISO code in Natural Earth): {undrawn.map((a) => a.name).join(", ")}.
        </p>
      )}
      <details className="mt-3" open={!shapes}>
        <summary className="cursor-pointer text-sm font-medium text-slate-800">The figures as a table</summary>
        <table className="mt-2 w-full max-w-xl text-sm">
          <caption className="sr-only">Constraint events per area of {countryName}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                Area
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                ISO 3166-2
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Constraint events
              </th>
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.code} className="border-b border-slate-100">
                <td className="py-1 pr-3">
                  <a href={area.href} className="underline">
                    {area.name}
                  </a>
                </td>
                <td className="py-1 pr-3 font-mono text-xs">{area.code}</td>
                <td className="py-1 text-right tabular-nums">{formatNumber(area.events)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
