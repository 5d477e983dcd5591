"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useTranslations } from "use-intl";
import type { MonthlySeries } from "@/lib/domain/aggregations";
import { useFormat } from "@/components/i18n/use-format";
import { ChartCard } from "./chart-card";
import { eventKindSeries, monthLabel, pillarSeries, statusSeries } from "./chart-config";
import type { ChartRow } from "./stacked-bar-chart";

// Recharts loads after the page (its own chunk), so that the first load stays small;
// the frame, the description and the table view do not wait for it.
const StackedBarChart = dynamic(() => import("./stacked-bar-chart").then((m) => m.StackedBarChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});

function ChartLoading() {
  const t = useTranslations("charts");
  return <div className="h-[280px] animate-pulse rounded bg-slate-100" role="status" aria-label={t("loading")} />;
}

/** The words and month names of the monthly charts, in the page's language. */
function useMonths() {
  const t = useTranslations("charts");
  const { locale } = useFormat();
  const month = (key: string) => monthLabel(key, locale);
  /** Which months a monthly chart covers, in words. */
  const covered = (series: MonthlySeries) => {
    const span = { first: month(series.first), last: month(series.last) };
    if (series.ranged) return t("spanRanged", span);
    const hasData = series.rows.some((row) => Object.entries(row).some(([key, value]) => key !== "key" && Number(value) > 0));
    return hasData ? t("spanFromData", span) : t("span", span);
  };
  return { t, locale, month, covered };
}

/** What an empty monthly chart says, and the wider window it offers. */
function EmptyMonths({ what, series, widerHref }: { what: "whatPeople" | "whatEvent" | "whatConstraint"; series: MonthlySeries; widerHref: string }) {
  const { t, month } = useMonths();
  const values = { what: t(what), first: month(series.first), last: month(series.last) };
  return (
    <>
      {series.ranged ? t("emptyRanged", values) : t("emptyTenYears", values)}{" "}
      <Link href={widerHref} className="font-medium text-slate-800 underline">
        {t("showAllDates")}
      </Link>
    </>
  );
}

export function PeopleAffectedChart({ series, widerHref }: { series: MonthlySeries; widerHref: string }) {
  const { t, locale, month, covered } = useMonths();
  const { rows } = series;
  const statuses = statusSeries(locale);
  return (
    <ChartCard
      title={t("peopleTitle")}
      description={t("peopleDescription", { months: covered(series) })}
      rows={rows}
      series={statuses}
      categoryLabel={t("month")}
      formatCategory={month}
      emptyMessage={<EmptyMonths what="whatPeople" series={series} widerHref={widerHref} />}
    >
      <StackedBarChart rows={rows} series={statuses} categoryLabel={t("month")} valueLabel={t("peopleAffected")} formatCategory={month} />
    </ChartCard>
  );
}

export function StatusByCountryChart({ rows }: { rows: ({ iso3: string; name: string } & Record<string, number | string>)[] }) {
  const { t, locale } = useMonths();
  const data: ChartRow[] = rows.map((row) => ({ ...row, key: row.name }));
  const statuses = statusSeries(locale);
  return (
    <ChartCard
      title={t("byCountryTitle")}
      description={t("byCountryDescription")}
      rows={data}
      series={statuses}
      categoryLabel={t("country")}
      emptyMessage={t("noOrganisation")}
    >
      <StackedBarChart rows={data} series={statuses} categoryLabel={t("country")} valueLabel={t("organisations")} horizontal />
    </ChartCard>
  );
}

export function EventsByKindChart({ series, widerHref }: { series: MonthlySeries; widerHref: string }) {
  const { t, locale, month, covered } = useMonths();
  const { rows } = series;
  const kinds = eventKindSeries(locale);
  return (
    <ChartCard
      title={t("byKindTitle")}
      description={t("byKindDescription", { months: covered(series) })}
      rows={rows}
      series={kinds}
      categoryLabel={t("month")}
      formatCategory={month}
      emptyMessage={<EmptyMonths what="whatEvent" series={series} widerHref={widerHref} />}
    >
      <StackedBarChart rows={rows} series={kinds} categoryLabel={t("month")} valueLabel={t("events")} formatCategory={month} />
    </ChartCard>
  );
}

export function ConstraintsByPillarChart({ series, widerHref }: { series: MonthlySeries; widerHref: string }) {
  const { t, locale, month, covered } = useMonths();
  const { rows } = series;
  const pillars = pillarSeries(locale);
  return (
    <ChartCard
      title={t("byPillarTitle")}
      description={t("byPillarDescription", { months: covered(series) })}
      rows={rows}
      series={pillars}
      categoryLabel={t("month")}
      formatCategory={month}
      emptyMessage={<EmptyMonths what="whatConstraint" series={series} widerHref={widerHref} />}
    >
      <StackedBarChart rows={rows} series={pillars} categoryLabel={t("month")} valueLabel={t("constraints")} formatCategory={month} />
    </ChartCard>
  );
}

export function StatusByTypeChart({ rows }: { rows: ChartRow[] }) {
  const { t, locale } = useMonths();
  const { labels } = useFormat();
  const typeName = (key: string) => (labels.organisationType as Record<string, string>)[key] ?? key;
  const statuses = statusSeries(locale);
  return (
    <ChartCard
      title={t("byTypeTitle")}
      description={t("byTypeDescription")}
      rows={rows}
      series={statuses}
      categoryLabel={t("organisationType")}
      formatCategory={typeName}
      emptyMessage={t("noOrganisation")}
    >
      <StackedBarChart
        rows={rows}
        series={statuses}
        categoryLabel={t("organisationType")}
        valueLabel={t("organisations")}
        formatCategory={typeName}
        horizontal
      />
    </ChartCard>
  );
}
