import "server-only";
// Access constraints as figures: per ACAPS indicator and per area of a country (the evidence
// behind a severity score), per pillar by month, and per country. The SQL is in
// constraints-sql.ts.
import { readDb } from "./read-routing";
import { authorize, type Actor } from "@/lib/domain/actor";
import { monthlyWindow, pivot, type MonthlySeries } from "@/lib/domain/aggregations";
import { CATEGORIES, PILLARS, type Category } from "@/lib/domain/constraints";
import { isoDate, withChartWindow, type View } from "@/lib/domain/view";
import type { DatePrecision } from "@/lib/domain/vocabulary";
import { CONSTRAINT_SQL } from "./constraints-sql";
export interface IndicatorRow {
  category: Category;
  events: number;
  latest: { id: number; occurredOn: string; datePrecision: DatePrecision; summary: string } | null;
}

export interface CountryConstraints {
  /** The nine indicators in ACAPS's order, each with its events in the period and the latest one. */
  indicators: IndicatorRow[];
  /** Constraint events per area (ISO 3166-2 code); areas without any are left out. */
  byArea: Record<string, number>;
  /** Constraint events not placed in any area (country-wide). */
  countryWide: number;
  total: number;
}

/** A country's constraints as of the view date, within its date range if it has one. */
export async function countryConstraints(actor: Actor | null, iso3: string, view: Pick<View, "asOf" | "from" | "to">): Promise<CountryConstraints> {
  authorize(actor, "read");
  const [categories, areas] = await Promise.all([
    readDb(actor).$queryRaw<{ category: Category; events: number; latest: number; located: number }[]>(CONSTRAINT_SQL.byCategory(iso3, view)),
    readDb(actor).$queryRaw<{ code: string; events: number }[]>(CONSTRAINT_SQL.byArea(iso3, view)),
  ]);
  const latestIds = categories.map((c) => c.latest);
  const latest = new Map(
    (
      await readDb(actor).accessEvent.findMany({ where: { id: { in: latestIds } }, select: { id: true, occurredOn: true, datePrecision: true, summary: true } })
    ).map((e) => [e.id, { id: e.id, occurredOn: isoDate(e.occurredOn), datePrecision: e.datePrecision, summary: e.summary }]),
  );
  const byCategory = new Map(categories.map((c) => [c.category, c]));
  const total = categories.reduce((sum, c) => sum + c.events, 0);
  return {
    indicators: CATEGORIES.map((category) => {
      const row = byCategory.get(category);
      return { category, events: row?.events ?? 0, latest: row ? (latest.get(row.latest) ?? null) : null };
    }),
    byArea: Object.fromEntries(areas.map((a) => [a.code, a.events])),
    countryWide: total - categories.reduce((sum, c) => sum + c.located, 0),
    total,
  };
}

/** Constraint events per month by pillar (the chart window of withChartWindow; the view's country and region apply). */
export async function constraintsByMonthAndPillar(actor: Actor | null, requested: View): Promise<MonthlySeries> {
  authorize(actor, "read");
  const rows = await readDb(actor).$queryRaw<{ key: string; series: string; value: number }[]>(CONSTRAINT_SQL.byMonthAndPillar(withChartWindow(requested)));
  return monthlyWindow(pivot(rows, PILLARS), PILLARS, requested);
}

/** Constraint events per country as of the view date (the world map's second layer). */
export async function constraintsByCountry(actor: Actor | null, view: View): Promise<Record<string, number>> {
  authorize(actor, "read");
  const rows = await readDb(actor).$queryRaw<{ iso3: string; events: number }[]>(CONSTRAINT_SQL.byCountry(view));
  return Object.fromEntries(rows.map((r) => [r.iso3, r.events]));
}
