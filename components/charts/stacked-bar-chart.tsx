"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesConfig } from "./chart-config";
import { formatNumber } from "@/lib/domain/format";

export type ChartRow = { key: string } & Record<string, number | string>;

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
  const used = series.filter((s) => rows.some((row) => Number(row[s.key] ?? 0) > 0));
  const data = rows.map((row) => ({ ...row, label: formatCategory(row.key) }));
  const category = { dataKey: "label", type: "category" as const, tick: { fontSize: 12 } };
  const value = { type: "number" as const, allowDecimals: false, tick: { fontSize: 12 }, tickFormatter: (v: number) => formatNumber(v) };
  return (
    <div style={{ height: horizontal ? Math.max(height, rows.length * 28 + 80) : height }} data-chart-rows={rows.length}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 28, left: 24 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          {horizontal ? (
            <>
              <XAxis {...value} label={{ value: valueLabel, position: "insideBottom", offset: -16, fontSize: 12 }} />
              <YAxis {...category} width={130} label={{ value: categoryLabel, angle: -90, position: "insideLeft", offset: -16, fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis {...category} label={{ value: categoryLabel, position: "insideBottom", offset: -16, fontSize: 12 }} />
              <YAxis {...value} width={72} label={{ value: valueLabel, angle: -90, position: "insideLeft", offset: 0, dx: -8, fontSize: 12 }} />
            </>
          )}
          <Tooltip formatter={(v) => formatNumber(Number(v))} />
          <Legend verticalAlign="top" height={32} wrapperStyle={{ fontSize: 12 }} />
          {used.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
