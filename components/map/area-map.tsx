// A country's first-level areas shaded by the number of access-constraint events placed in
// them. Each shade has a texture and each area with events carries its number, so the map
// reads without colour; every area is a link to its events, and the same figures are a table.
import type { AreaShapes } from "@/lib/map/area-shapes";
import { getFormat, getTranslations } from "@/lib/i18n/server";
import { CONSTRAINT_SHADES, shadeFill, ShadeTextures } from "./constraint-shades";

export interface AreaMapArea {
  code: string;
  name: string;
  events: number;
  href: string;
}

export async function AreaMap({
  shapes,
  areas,
  countryName,
  period,
}: {
  shapes: AreaShapes | null;
  areas: AreaMapArea[];
  countryName: string;
  period: string;
}) {
  const [t, tm, f] = [await getTranslations("constraints"), await getTranslations("map"), await getFormat()];
  const prefix = "area-texture";
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const drawn = new Set(shapes?.shapes.map((s) => s.code));
  const undrawn = areas.filter((a) => !drawn.has(a.code));
  return (
    <section aria-labelledby="area-map-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="area-map">
      <h3 id="area-map-title" className="font-semibold text-slate-900">
        {t("areaTitle")}
      </h3>
      <p className="text-sm text-slate-600">{t("areaDescription", { country: countryName, period })}</p>
      {shapes ? (
        <>
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("areaLegend")}>
            {CONSTRAINT_SHADES.map((bucket) => (
              <li key={bucket.label} className="flex items-center gap-1.5">
                {/* The map's own textures (ids are the document's): the legend cannot drift from the map. */}
                <svg width="16" height="12" aria-hidden="true">
                  <rect width="16" height="12" fill={shadeFill(prefix, bucket.min)} stroke="#64748b" strokeWidth="0.8" />
                </svg>
                {bucket.min === 0 ? tm("shadeNone") : bucket.min === 10 ? tm("shadeTenOrMore") : bucket.label}
              </li>
            ))}
          </ul>
          <svg
            viewBox={`0 0 ${shapes.width} ${shapes.height}`}
            className="mt-2 h-auto w-full max-w-3xl"
            role="group"
            aria-label={t("areaMapLabel", { country: countryName })}
          >
            <ShadeTextures prefix={prefix} />
            {shapes.shapes.map((shape) => {
              const area = byCode.get(shape.code);
              if (!area) return null;
              const label = t("areaLabel", { area: area.name, code: area.code, count: area.events });
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
                  {f.number(area.events)}
                </text>
              );
            })}
          </svg>
        </>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t("noBoundaries", { country: countryName })}</p>
      )}
      {undrawn.length > 0 && shapes && <p className="mt-1 text-xs text-slate-600">{t("notOnMap", { areas: undrawn.map((a) => a.name).join(", ") })}</p>}
      <details className="mt-3" open={!shapes}>
        <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("asTable")}</summary>
        <table className="mt-2 w-full max-w-xl text-sm">
          <caption className="sr-only">{t("areaCaption", { country: countryName })}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("area")}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                ISO 3166-2
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("constraintEvents")}
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
                <td className="py-1 text-right tabular-nums">{f.number(area.events)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
