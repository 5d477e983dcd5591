import "server-only";
import { cache } from "react";
import { readDb, readPool } from "./read-routing";
import {
  monthlyWindow,
  mostSevereStatus,
  pivot,
  type MonthlySeries,
  rankByRestriction,
  summariseStatusCounts,
  type CountryStatusCounts,
  type SeriesRow,
  type StatusCountRow,
  type StatusSummary,
} from "@/lib/domain/aggregations";
import { withChartWindow, type View } from "@/lib/domain/view";
import { EVENT_KINDS, STATUSES, type Status } from "@/lib/domain/vocabulary";
import { authorize, type Actor } from "@/lib/domain/actor";
import { DASHBOARD_SQL } from "./dashboard-sql";

// Every figure here is computed in PostgreSQL with grouped queries (or read from the
// projections they keep), as of the view date.

export interface HeadlineFigures {
  presencesByStatus: Record<Status, number>;
  countriesWithExpulsion: number;
  /** People affected by events leading to expulsion or restriction in the 12 months up to the view date. */
  peopleAffectedLast12Months: number;
}

// The status figures, the by-country and by-type charts and the map are all shaped from one
// grouped query per request (React's cache lasts one server request, keyed by the view
// object the page passes to each of them).
const statusSummary = cache(async (actor: Actor | null, view: View): Promise<StatusSummary> =>
  summariseStatusCounts(await readDb(actor).$queryRaw<StatusCountRow[]>(DASHBOARD_SQL.statusCounts(view))),
);

export async function headlineFigures(actor: Actor | null, view: View): Promise<HeadlineFigures> {
  authorize(actor, "read");
  const [summary, people] = await Promise.all([
    statusSummary(actor, view),
    readDb(actor).$queryRaw<{ people: number | null }[]>(DASHBOARD_SQL.peopleLast12Months(view)),
  ]);
  return {
    presencesByStatus: summary.presencesByStatus,
    countriesWithExpulsion: summary.countriesByStatus.EXPELLED,
    peopleAffectedLast12Months: people[0]?.people ?? 0,
  };
}

/** People affected per month, stacked by the status the events led to (default window: see withChartWindow). */
export async function peopleAffectedByMonth(actor: Actor | null, requested: View): Promise<MonthlySeries> {
  authorize(actor, "read");
  const rows = await readDb(actor).$queryRaw<{ key: string; series: string; value: number }[]>(DASHBOARD_SQL.peopleByMonth(withChartWindow(requested)));
  return monthlyWindow(pivot(rows, STATUSES), STATUSES, requested);
}

/** Events per month by kind (default window: see withChartWindow). */
export async function eventsByMonthAndKind(actor: Actor | null, requested: View): Promise<MonthlySeries> {
  authorize(actor, "read");
  const rows = await readDb(actor).$queryRaw<{ key: string; series: string; value: number }[]>(DASHBOARD_SQL.eventsByMonth(withChartWindow(requested)));
  return monthlyWindow(pivot(rows, EVENT_KINDS), EVENT_KINDS, requested);
}

export type CountryStatusRow = CountryStatusCounts;

/** Presences by status per country, the countries with most restrictions first. */
export async function statusByCountry(actor: Actor | null, view: View, limit = 15): Promise<CountryStatusRow[]> {
  authorize(actor, "read");
  return rankByRestriction((await statusSummary(actor, view)).byCountry).slice(0, limit);
}

/** Presences by organisation type and status. */
export async function statusByOrganisationType(actor: Actor | null, view: View): Promise<SeriesRow[]> {
  authorize(actor, "read");
  return (await statusSummary(actor, view)).byType;
}

export type MapCountry = { iso3: string; name: string; worst: Status | null } & Record<Status, number>;

/** Per country: counts by status and the most severe status, for the map. */
export async function mapData(actor: Actor | null, view: View): Promise<MapCountry[]> {
  const rows = await statusByCountry(actor, view, 1000);
  return rows.map((row) => ({ ...row, worst: mostSevereStatus(row) }));
}

export async function listRegions(actor: Actor | null): Promise<string[]> {
  authorize(actor, "read");
  const { rows } = await readPool(actor).query<{ region: string }>(`SELECT DISTINCT region FROM "Country" ORDER BY region`);
  return rows.map((r) => r.region);
}
