"use client";

// A country's (or an area's) access level over time: one step per assessed period, each point
// labelled with its level, so that the chart reads without colour; the table beside it has the
// same numbers. A period with no level (too many information gaps) is a break in the line.
import dynamic from "next/dynamic";
import { useTranslations } from "use-intl";
import { useFormat } from "@/components/i18n/use-format";
import { isWholeMonth } from "@/lib/domain/assessments";

// Recharts loads after the page, in its own chunk (as the dashboard's charts do): the frame,
// its words and the table beside it do not wait for it.
const AccessLevelLine = dynamic(() => import("./access-level-line").then((m) => m.AccessLevelLine), {
  ssr: false,
  loading: () => <div className="h-full animate-pulse rounded bg-slate-100" />,
});

export interface LevelPoint {
  /** First day of the period (ISO), the x position. */
  from: string;
  to: string;
  level: number | null;
}

export function AccessLevelChart({ points }: { points: LevelPoint[] }) {
  const t = useTranslations("countryAssessments");
  const f = useFormat();
  const data = points.map((p) => ({ ...p, label: f.isoDate(p.from, isWholeMonth(p.from, p.to) ? "MONTH" : "DAY") }));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3" data-testid="access-level-chart">
      <figcaption className="text-sm font-semibold text-slate-900">{t("chartTitle")}</figcaption>
      <p className="text-xs text-slate-600">{t("chartDescription")}</p>
      <div className="mt-2 h-56" role="img" aria-label={t("chartLabel", { count: points.length })}>
        <AccessLevelLine data={data} seriesName={t("levelHeader")} />
      </div>
    </figure>
  );
}
