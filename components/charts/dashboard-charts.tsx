"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import type { MonthlySeries } from "@/lib/domain/aggregations";
import { ChartCard } from "./chart-card";
import { EVENT_KIND_SERIES, monthLabel, ORGANISATION_TYPE_NAMES, PILLAR_SERIES, STATUS_SERIES } from "./chart-config";
import type { ChartRow } from "./stacked-bar-chart";

// Recharts loads after the page (its own chunk), so that the first load stays small;
// the frame, the description and the table view do not wait for it.
const StackedBarChart = dynamic(() => import("./stacked-bar-chart").then((m) => m.StackedBarChart), {
  ssr: false,
  loading: () => <div className="h-[280px] animate-pulse rounded bg-slate-100" role="status" aria-label="Loading chart" />,
});

/** Which months a monthly chart covers, in words. */
function monthsCovered(series: MonthlySeries): string {
  const span = `${monthLabel(series.first)} to ${monthLabel(series.last)}`;
  if (series.ranged) return `${span} (the date range set)`;
  const hasData = series.rows.some((row) => Object.entries(row).some(([key, value]) => key !== "key" && Number(value) > 0));
  return hasData ? `${span}: from the first event in view (at most ten years back) to the view date` : `${span}`;
}

/** What an empty monthly chart says, and the wider window it offers. */
function EmptyMonths({ what, series, widerHref }: { what: string; series: MonthlySeries; widerHref: string }) {
  return (
    <>
      {series.ranged
        ? `No ${what} from ${monthLabel(series.first)} to ${monthLabel(series.last)} (the date range set).`
        : `No ${what} in the ten years to ${monthLabel(series.last)}.`}{" "}
      <Link href={widerHref} className="font-medium text-slate-800 underline">
        Show all dates
      </Link>
    </>
  );
}

export function PeopleAffectedChart({ series, widerHref }: { series: MonthlySeries; widerHref: string }) {
  const { rows } = series;
  return (
    <ChartCard
      title="People affected over time"
      description={`People affected by events each month, stacked by the status the events led to; ${monthsCovered(series)}.`}
      rows={rows}
      series={STATUS_SERIES}
      categoryLabel="Month"
      formatCategory={monthLabel}
      emptyMessage={<EmptyMonths what="event with a figure for people affected" series={series} widerHref={widerHref} />}
    >
      <StackedBarChart rows={rows} series={STATUS_SERIES} categoryLabel="Month" valueLabel="People affected" formatCategory={monthLabel} />
    </ChartCard>
  );
}

export function StatusByCountryChart({ rows }: { rows: ({ iso3: string; name: string } & Record<string, number | string>)[] }) {
  const data: ChartRow[] = rows.map((row) => ({ ...row, key: row.name }));
  return (
    <ChartCard
      title="Organisations by status per country"
      description="Organisations present in each country by their status; countries with most restrictions first."
      rows={data}
      series={STATUS_SERIES}
      categoryLabel="Country"
      emptyMessage="No organisation matches this view."
    >
      <StackedBarChart rows={data} series={STATUS_SERIES} categoryLabel="Country" valueLabel="Organisations" horizontal />
    </ChartCard>
  );
}

export function EventsByKindChart({ series, widerHref }: { series: MonthlySeries; widerHref: string }) {
  const { rows } = series;
  return (
    <ChartCard
      title="Events per month by kind"
      description={`Recorded events each month, by what happened; ${monthsCovered(series)}.`}
      rows={rows}
      series={EVENT_KIND_SERIES}
      categoryLabel="Month"
      formatCategory={monthLabel}
      emptyMessage={<EmptyMonths what="event" series={series} widerHref={widerHref} />}
    >
      <StackedBarChart rows={rows} series={EVENT_KIND_SERIES} categoryLabel="Month" valueLabel="Events" formatCategory={monthLabel} />
    </ChartCard>
  );
}

export function ConstraintsByPillarChart({ series, widerHref }: { series: MonthlySeries; widerHref: string }) {
  const { rows } = series;
  return (
    <ChartCard
      title="Access constraints per month by pillar"
      description={`Constraint events each month under ACAPS's three pillars, each counted once however many organisations it concerns; ${monthsCovered(series)}.`}
      rows={rows}
      series={PILLAR_SERIES}
      categoryLabel="Month"
      formatCategory={monthLabel}
      emptyMessage={<EmptyMonths what="access constraint" series={series} widerHref={widerHref} />}
    >
      <StackedBarChart rows={rows} series={PILLAR_SERIES} categoryLabel="Month" valueLabel="Constraints" formatCategory={monthLabel} />
    </ChartCard>
  );
}

export function StatusByTypeChart({ rows }: { rows: ChartRow[] }) {
  const typeName = (key: string) => ORGANISATION_TYPE_NAMES[key] ?? key;
  return (
    <ChartCard
      title="Organisations by type and status"
      description="Organisations of each type by their status in the countries where they are present."
      rows={rows}
      series={STATUS_SERIES}
      categoryLabel="Organisation type"
      formatCategory={typeName}
      emptyMessage="No organisation matches this view."
    >
      <StackedBarChart rows={rows} series={STATUS_SERIES} categoryLabel="Organisation type" valueLabel="Organisations" formatCategory={typeName} horizontal />
    </ChartCard>
  );
}
