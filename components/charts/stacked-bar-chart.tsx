"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesConfig } from "./chart-config";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";

export type ChartRow = { key: string } & Record<string, number | string>;

/**
 * Each series is drawn in its colour and, over it, a texture of its own (solid, hatched,
 * dotted, …), so that stacked series can be told apart without colour, in print and by
 * people who do not see the colours; the legend shows the same swatches, in dark text.
 */
const TEXTURES: string[] = [
  "", // solid
  "M0 8L8 0", // diagonal
  "M0 0L8 8", // the other diagonal
  "M0 8L8 0M0 0L8 8", // cross-hatch
  "M0 4H8", // horizontal
  "M4 0V8", // vertical
  "M0 4H8M4 0V8", // grid
  "M2 2h1v1h-1zM6 6h1v1h-1z", // dots
  "M0 2H8M0 6H8", // dense horizontal
  "M2 0V8M6 0V8", // dense vertical
  "M0 8L4 0L8 8", // zigzag
];

function Textures({ prefix, series }: { prefix: string; series: SeriesConfig[] }) {
  return (
    <svg width="0" height="0" aria-hidden="true" className="absolute">
      <defs>
        {series.map((s, index) => (
          <pattern key={s.key} id={`${prefix}-${index}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={s.colour} />
            {TEXTURES[index % TEXTURES.length] && <path d={TEXTURES[index % TEXTURES.length]} stroke="#fff" strokeWidth="1.5" fill="#fff" fillOpacity="0.9" />}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/**
 * A stacked bar chart with axis labels, a legend, tooltips and keyboard focus (Recharts'
 * accessibility layer: Tab to the chart, arrow keys move between bars).
 */
export function StackedBarChart({
  rows,
  series,
  categoryLabel,
  valueLabel,
  formatCategory = (key) => key,
  horizontal = false,
  height = 280,
}: {
  rows: ChartRow[];
  series: SeriesConfig[];
  categoryLabel: string;
  valueLabel: string;
  formatCategory?: (key: string) => string;
  horizontal?: boolean;
  height?: number;
}) {
  const prefix = `texture${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const fill = (key: string) => `url(#${prefix}-${series.findIndex((s) => s.key === key)})`;
  const used = series.filter((s) => rows.some((row) => Number(row[s.key] ?? 0) > 0));
  const t = useTranslations("charts");
  const f = useFormat();
  const data = rows.map((row) => ({ ...row, label: formatCategory(row.key) }));
  const category = { dataKey: "label", type: "category" as const, tick: { fontSize: 12, fill: "#334155" } };
  const value = { type: "number" as const, allowDecimals: false, tick: { fontSize: 12, fill: "#334155" }, tickFormatter: (v: number) => f.number(v) };
  return (
    <div>
      <Textures prefix={prefix} series={series} />
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800" aria-label={t("legend")}>
        {used.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={fill(s.key)} stroke="#475569" strokeWidth="0.5" />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <div style={{ height: horizontal ? Math.max(height, rows.length * 28 + 80) : height }} data-chart-rows={rows.length}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 28, left: 24 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            {horizontal ? (
              <>
                <XAxis {...value} label={{ value: valueLabel, position: "insideBottom", offset: -16, fontSize: 12, fill: "#334155" }} />
                <YAxis
                  {...category}
                  width={130}
                  label={{ value: categoryLabel, angle: -90, position: "insideLeft", offset: -16, fontSize: 12, fill: "#334155" }}
                />
              </>
            ) : (
              <>
                <XAxis {...category} label={{ value: categoryLabel, position: "insideBottom", offset: -16, fontSize: 12, fill: "#334155" }} />
                <YAxis
                  {...value}
                  width={72}
                  label={{ value: valueLabel, angle: -90, position: "insideLeft", offset: 0, dx: -8, fontSize: 12, fill: "#334155" }}
                />
              </>
            )}
            <Tooltip formatter={(v) => f.number(Number(v))} />
            {used.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="stack"
                fill={fill(s.key)}
                stroke={s.colour}
                strokeWidth={0.5}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
