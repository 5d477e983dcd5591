"use client";

import { useId, useState, type ReactNode } from "react";
import type { SeriesConfig } from "./chart-config";
import type { ChartRow } from "./stacked-bar-chart";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";

/**
 * Frame of every chart: title, one-line description, and a toggle that shows the same
 * numbers as a table (for screen readers, printing and copying).
 */
export function ChartCard({
  title,
  description,
  rows,
  series,
  categoryLabel,
  formatCategory = (key) => key,
  emptyMessage,
  children,
}: {
  title: string;
  description: string;
  rows: ChartRow[];
  series: SeriesConfig[];
  categoryLabel: string;
  formatCategory?: (key: string) => string;
  emptyMessage: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("charts");
  const f = useFormat();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const used = series.filter((s) => rows.some((row) => Number(row[s.key] ?? 0) > 0));
  const empty = rows.length === 0 || used.length === 0;
  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="chart-card">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id={titleId} className="font-semibold text-slate-900">
            {title}
          </h2>
          <p className="text-sm text-slate-600">{description}</p>
        </div>
        {!empty && (
          <button
            type="button"
            onClick={() => setAsTable((v) => !v)}
            aria-pressed={asTable}
            className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
          >
            {asTable ? t("showChart") : t("showTable")}
          </button>
        )}
      </div>
      <div className="mt-3">
        {empty ? (
          <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{emptyMessage}</p>
        ) : asTable ? (
          // A capped box in a chart card: focusable, so that it scrolls by keyboard too.
          <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={t("numbers", { title })}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{title}</caption>
              <thead className="sticky top-0 bg-slate-100 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-2 py-1.5">
                    {categoryLabel}
                  </th>
                  {used.map((s) => (
                    <th key={s.key} scope="col" className="px-2 py-1.5 text-right">
                      {s.label}
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-1.5 text-right">
                    {t("total")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row" className="px-2 py-1 font-normal">
                      {formatCategory(row.key)}
                    </th>
                    {used.map((s) => (
                      <td key={s.key} className="px-2 py-1 text-right tabular-nums">
                        {f.number(Number(row[s.key] ?? 0))}
                      </td>
                    ))}
                    <td className="px-2 py-1 text-right font-medium tabular-nums">{f.number(used.reduce((sum, s) => sum + Number(row[s.key] ?? 0), 0))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          children
        )}
      </div>
    </section>
  );
}
