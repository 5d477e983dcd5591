"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type MouseEvent } from "react";
import { STATUS_COLOURS } from "@/components/charts/chart-config";
import { useTranslations } from "use-intl";
import { STATUSES, type Status } from "@/lib/domain/vocabulary";
import { useFormat } from "@/components/i18n/use-format";
import { CONSTRAINT_SHADES, shadeFill, ShadeTextures, useShadeLabel } from "./constraint-shades";
import { ACCESS_LEVEL_LABELS, ACCESS_LEVELS, accessLevelText, type AccessLevel } from "@/lib/domain/assessments";

export interface MapShape {
  /** The outline's id in the outlines file. */
  id: string;
  iso3: string | null;
  name: string;
}
export type MapEntry = { iso3: string; name: string; worst: Status | null } & Record<Status, number>;

const NO_DATA = "#e2e8f0";

/** Each status has a colour and a pattern, so the map reads without colour too. */
function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-OPERATING`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={STATUS_COLOURS.OPERATING} />
        <circle cx="3" cy="3" r="1" fill="white" fillOpacity="0.7" />
      </pattern>
      <pattern id={`${prefix}-RESTRICTED`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={STATUS_COLOURS.RESTRICTED} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="white" strokeWidth="2" strokeOpacity="0.7" />
      </pattern>
      <pattern id={`${prefix}-EXPELLED`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={STATUS_COLOURS.EXPELLED} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="white" strokeWidth="1.5" strokeOpacity="0.7" />
        <line x1="0" y1="3" x2="6" y2="3" stroke="white" strokeWidth="1.5" strokeOpacity="0.7" />
      </pattern>
    </defs>
  );
}

function describe(entry: MapEntry, labels: Record<Status, string>, locale: string): string {
  const parts = STATUSES.filter((s) => entry[s] > 0).map((s) => `${entry[s]} ${labels[s].toLocaleLowerCase(locale)}`);
  return `${entry.name}: ${parts.join(", ")}`;
}

interface WorldMapProps {
  shapes: MapShape[];
  /** The SVG file that holds every outline, by id (each country is a <use> of one). */
  outlinesUrl: string;
  entries: MapEntry[];
  width: number;
  height: number;
  query: string;
  /** Access-constraint events per country (ISO3), the map's second layer. */
  constraints: Record<string, number>;
  /** Each country's latest published access level (0–5), the map's third layer; absent where none is published. */
  levels: Record<string, number>;
}

type Layer = "status" | "constraints" | "levels";

/** The six access levels, white (0, outlined, unlike the grey of "no assessment") to dark; the legend, the table view and each country's title give the number too. */
const LEVEL_FILLS = ["#ffffff", "#e9d5ff", "#c4b5fd", "#8b5cf6", "#6d28d9", "#3b0764"];

export function WorldMap({ shapes, outlinesUrl, entries, width, height, query, constraints, levels }: WorldMapProps) {
  const t = useTranslations("map");
  const { labels, locale } = useFormat();
  const shadeLabel = useShadeLabel();
  const [layer, setLayer] = useState<Layer>("status");
  const router = useRouter();
  const prefix = useId().replace(/:/g, "");
  const [hover, setHover] = useState<{ entry: MapEntry; x: number; y: number } | null>(null);
  const [asTable, setAsTable] = useState(false);
  const [focused, setFocused] = useState<string | null>(null);
  const byIso = new Map(entries.map((e) => [e.iso3, e]));

  const open = (event: MouseEvent, iso3: string) => {
    event.preventDefault();
    router.push(`/countries/${iso3}${query}`);
  };

  return (
    <section aria-labelledby={`${prefix}-title`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="world-map">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id={`${prefix}-title`} className="font-semibold text-slate-900">
            {layer === "status" ? t("titleStatus") : layer === "constraints" ? t("titleConstraints") : t("titleLevels")}
          </h2>
          <p className="text-sm text-slate-600">
            {layer === "status" ? t("descriptionStatus") : layer === "constraints" ? t("descriptionConstraints") : t("descriptionLevels")}
          </p>
          <div className="mt-2 inline-flex rounded-md border border-slate-300 text-xs font-medium" role="group" aria-label={t("layers")}>
            {(["status", "constraints", "levels"] as const).map((l) => (
              <button
                key={l}
                type="button"
                aria-pressed={layer === l}
                onClick={() => setLayer(l)}
                className="px-2.5 py-1 text-slate-700 first:rounded-l-md last:rounded-r-md hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white"
              >
                {l === "status" ? t("layerStatus") : l === "constraints" ? t("layerConstraints") : t("layerLevels")}
              </button>
            ))}
          </div>
        </div>
        <button
          type="button"
          onClick={() => setAsTable((v) => !v)}
          aria-pressed={asTable}
          className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
        >
          {asTable ? t("showMap") : t("showTable")}
        </button>
      </div>
      {layer === "levels" ? (
        <ul className="mt-3 flex flex-wrap gap-4 text-sm text-slate-700" aria-label={t("legend")}>
          {ACCESS_LEVELS.map((level) => (
            <li key={level} className="flex items-center gap-1.5">
              <svg width="18" height="12" aria-hidden>
                <rect width="18" height="12" fill={LEVEL_FILLS[level]} stroke="#64748b" strokeWidth="0.8" />
              </svg>
              {accessLevelText(level, locale)}
            </li>
          ))}
          <li className="flex items-center gap-1.5">
            <svg width="18" height="12" aria-hidden>
              <rect width="18" height="12" fill={NO_DATA} />
            </svg>
            {t("noAssessment")}
          </li>
        </ul>
      ) : layer === "constraints" ? (
        <ul className="mt-3 flex flex-wrap gap-4 text-sm text-slate-700" aria-label={t("legend")}>
          {CONSTRAINT_SHADES.map((shade) => (
            <li key={shade.label} className="flex items-center gap-1.5">
              <svg width="18" height="12" aria-hidden>
                <rect width="18" height="12" fill={shade.min === 0 ? NO_DATA : shadeFill(`${prefix}-c`, shade.min)} stroke="#64748b" strokeWidth="0.8" />
              </svg>
              {shadeLabel(shade)}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="mt-3 flex flex-wrap gap-4 text-sm text-slate-700" aria-label={t("legend")}>
          {STATUSES.map((status) => (
            <li key={status} className="flex items-center gap-1.5">
              <svg width="18" height="12" aria-hidden>
                <Patterns prefix={`${prefix}-legend`} />
                <rect width="18" height="12" fill={`url(#${prefix}-legend-${status})`} />
              </svg>
              {t("mostSevere", { status: labels.status[status] })}
            </li>
          ))}
          <li className="flex items-center gap-1.5">
            <svg width="18" height="12" aria-hidden>
              <rect width="18" height="12" fill={NO_DATA} />
            </svg>
            {t("noOrganisation")}
          </li>
        </ul>
      )}
      {asTable ? (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead className="bg-slate-100 text-xs text-slate-600">
            <tr>
              <th className="px-2 py-1.5">{t("country")}</th>
              <th className="px-2 py-1.5">{t("worst")}</th>
              {STATUSES.map((s) => (
                <th key={s} className="px-2 py-1.5 text-right">
                  {labels.status[s]}
                </th>
              ))}
              <th className="px-2 py-1.5 text-right">{t("constraintEvents")}</th>
              <th className="px-2 py-1.5 text-right">{t("accessLevel")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.length === 0 && (
              <tr>
                <td colSpan={7} className="px-2 py-4 text-center text-slate-500">
                  {t("noCountry")}
                </td>
              </tr>
            )}
            {entries.map((e) => (
              <tr key={e.iso3}>
                <th scope="row" className="px-2 py-1 font-normal">
                  <a className="text-status-operating underline" href={`/countries/${e.iso3}${query}`}>
                    {e.name}
                  </a>
                </th>
                <td className="px-2 py-1">{e.worst ? labels.status[e.worst] : "—"}</td>
                {STATUSES.map((s) => (
                  <td key={s} className="px-2 py-1 text-right tabular-nums">
                    {e[s]}
                  </td>
                ))}
                <td className="px-2 py-1 text-right tabular-nums">{constraints[e.iso3] ?? 0}</td>
                <td className="px-2 py-1 text-right tabular-nums">{levels[e.iso3] ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="relative mt-3">
          <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="group" aria-label={t("ariaLabel")}>
            <Patterns prefix={prefix} />
            <ShadeTextures prefix={`${prefix}-c`} />
            {layer === "levels" &&
              shapes.map((shape) => {
                const level = shape.iso3 ? levels[shape.iso3] : undefined;
                const outline = `${outlinesUrl}#${shape.id}`;
                if (level === undefined || !shape.iso3) {
                  return (
                    <g key={shape.id}>
                      <title>{t("countryNoAssessment", { country: shape.name })}</title>
                      <use href={outline} fill={NO_DATA} stroke="white" strokeWidth={0.5} />
                    </g>
                  );
                }
                const iso3 = shape.iso3;
                const text = t("countryLevel", { country: shape.name, level, label: ACCESS_LEVEL_LABELS[locale][level as AccessLevel] });
                return (
                  <a
                    key={shape.id}
                    href={`/countries/${iso3}${query}#assessment`}
                    aria-label={text}
                    onClick={(event) => open(event, iso3)}
                    onFocus={() => setFocused(outline)}
                    onBlur={() => setFocused(null)}
                    className="outline-none"
                    data-iso3={iso3}
                    data-level={level}
                  >
                    <title>{text}</title>
                    <use href={outline} fill={LEVEL_FILLS[level]} stroke="#1e293b" strokeWidth={0.6} className="hover:opacity-80" />
                  </a>
                );
              })}
            {layer === "constraints" &&
              shapes.map((shape) => {
                const events = shape.iso3 ? (constraints[shape.iso3] ?? 0) : 0;
                const outline = `${outlinesUrl}#${shape.id}`;
                const text = t("countryConstraints", { country: shape.name, count: events });
                if (events === 0 || !shape.iso3) {
                  return (
                    <g key={shape.id}>
                      <title>{text}</title>
                      <use href={outline} fill={NO_DATA} stroke="white" strokeWidth={0.5} />
                    </g>
                  );
                }
                const iso3 = shape.iso3;
                return (
                  <a
                    key={shape.id}
                    href={`/countries/${iso3}${query}`}
                    aria-label={text}
                    onClick={(event) => open(event, iso3)}
                    onFocus={() => setFocused(outline)}
                    onBlur={() => setFocused(null)}
                    className="outline-none"
                    data-iso3={iso3}
                    data-constraints={events}
                  >
                    <title>{text}</title>
                    <use href={outline} fill={shadeFill(`${prefix}-c`, events)} stroke="#1e293b" strokeWidth={0.6} className="hover:opacity-80" />
                  </a>
                );
              })}
            {layer === "status" &&
              shapes.map((shape) => {
                const entry = shape.iso3 ? byIso.get(shape.iso3) : undefined;
                const outline = `${outlinesUrl}#${shape.id}`;
                if (!entry?.worst) {
                  return (
                    <g key={shape.id}>
                      {/* One string: React renders a <title> with several children as an empty one on the server. */}
                      <title>{t("countryNoOrganisation", { country: shape.name })}</title>
                      <use href={outline} fill={NO_DATA} stroke="white" strokeWidth={0.5} />
                    </g>
                  );
                }
                return (
                  <a
                    key={entry.iso3}
                    href={`/countries/${entry.iso3}${query}`}
                    aria-label={describe(entry, labels.status, locale)}
                    onClick={(event) => open(event, entry.iso3)}
                    onMouseMove={(event) => {
                      const box = (event.currentTarget as unknown as SVGElement).ownerSVGElement!.getBoundingClientRect();
                      setHover({ entry, x: event.clientX - box.left, y: event.clientY - box.top });
                    }}
                    onMouseLeave={() => setHover(null)}
                    onFocus={() => {
                      setHover(null);
                      setFocused(outline);
                    }}
                    onBlur={() => setFocused(null)}
                    className="outline-none"
                    data-iso3={entry.iso3}
                    data-status={entry.worst}
                  >
                    <use href={outline} fill={`url(#${prefix}-${entry.worst})`} stroke="#1e293b" strokeWidth={0.6} className="hover:opacity-80" />
                  </a>
                );
              })}
            {/* The focused country's ring, drawn last so that no neighbour covers it: dark outside, white inside. */}
            {focused && (
              <g pointerEvents="none" data-testid="map-focus">
                <use href={focused} fill="none" stroke="#0f172a" strokeWidth={3.5} />
                <use href={focused} fill="none" stroke="#fff" strokeWidth={1.2} />
              </g>
            )}
          </svg>
          {hover && (
            <div
              role="tooltip"
              className="pointer-events-none absolute z-10 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-md"
              style={{ left: hover.x + 12, top: hover.y + 12 }}
            >
              <p className="font-medium">{hover.entry.name}</p>
              {STATUSES.map((s) => (
                <p key={s} className="tabular-nums">
                  {labels.status[s]}: {hover.entry[s]}
                </p>
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
