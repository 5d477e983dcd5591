import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { mostSevereStatus, pivot, rankByRestriction, type SeriesRow } from "@/lib/domain/aggregations";
import { withChartWindow, type View } from "@/lib/domain/view";
import { EVENT_KINDS, ORGANISATION_TYPES, STATUSES, type Status } from "@/lib/domain/vocabulary";
import { authorize, type Actor } from "./actor";
import { DASHBOARD_SQL } from "./dashboard-sql";

// Every figure here is computed in PostgreSQL with grouped queries, as of the view date.

export interface HeadlineFigures {
  presencesByStatus: Record<Status, number>;
  countriesWithExpulsion: number;
  /** People affected by events leading to expulsion or restriction in the 12 months up to the view date. */
  peopleAffectedLast12Months: number;
}

export async function headlineFigures(actor: Actor | null, view: View): Promise<HeadlineFigures> {
  authorize(actor, "read");
  const [statusRows, people] = await Promise.all([
    db().$queryRaw<{ status: Status; presences: number; countries: number }[]>(DASHBOARD_SQL.statusTotals(view)),
    db().$queryRaw<{ people: number | null }[]>(DASHBOARD_SQL.peopleLast12Months(view)),
  ]);
  const presencesByStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const row of statusRows) presencesByStatus[row.status] = row.presences;
  return {
    presencesByStatus,
    countriesWithExpulsion: statusRows.find((r) => r.status === "EXPELLED")?.countries ?? 0,
    peopleAffectedLast12Months: people[0]?.people ?? 0,
  };
}

/** People affected per month, stacked by the status the events led to (default window: see withChartWindow). */
export async function peopleAffectedByMonth(actor: Actor | null, requested: View): Promise<SeriesRow[]> {
  authorize(actor, "read");
  const view = withChartWindow(requested);
  const rows = await db().$queryRaw<{ key: string; series: string; value: number }[]>(DASHBOARD_SQL.peopleByMonth(view));
  return pivot(rows, STATUSES, { continuousMonths: true });
}

/** Events per month by kind (default window: see withChartWindow). */
export async function eventsByMonthAndKind(actor: Actor | null, requested: View): Promise<SeriesRow[]> {
  authorize(actor, "read");
  const view = withChartWindow(requested);
  const rows = await db().$queryRaw<{ key: string; series: string; value: number }[]>(DASHBOARD_SQL.eventsByMonth(view));
  return pivot(rows, EVENT_KINDS, { continuousMonths: true });
}

// The chart and the map need the same counts: one query per request (React's cache is per
// request on the server, keyed by the view object the page passes to both).
const countryStatusCounts = cache((view: View) =>
  db().$queryRaw<{ iso3: string; name: string; status: Status; n: number }[]>(DASHBOARD_SQL.statusByCountry(view)),
);

export type CountryStatusRow = { iso3: string; name: string } & Record<Status, number>;

/** Presences by status per country, the countries with most restrictions first. */
export async function statusByCountry(actor: Actor | null, view: View, limit = 15): Promise<CountryStatusRow[]> {
  authorize(actor, "read");
  const rows = await countryStatusCounts(view);
  const byCountry = new Map<string, CountryStatusRow>();
  for (const row of rows) {
    const entry = byCountry.get(row.iso3) ?? { iso3: row.iso3, name: row.name, OPERATING: 0, RESTRICTED: 0, EXPELLED: 0 };
    entry[row.status] = row.n;
    byCountry.set(row.iso3, entry);
  }
  return rankByRestriction([...byCountry.values()]).slice(0, limit);
}

/** Presences by organisation type and status. */
export async function statusByOrganisationType(actor: Actor | null, view: View): Promise<SeriesRow[]> {
  authorize(actor, "read");
  const rows = await db().$queryRaw<{ key: string; series: string; value: number }[]>(DASHBOARD_SQL.statusByType(view));
  const present = new Set(rows.map((r) => r.key));
  return pivot(rows, STATUSES, { keyOrder: ORGANISATION_TYPES.filter((t) => present.has(t)) });
}

export type MapCountry = { iso3: string; name: string; worst: Status | null } & Record<Status, number>;

/** Per country: counts by status and the most severe status, for the map. */
export async function mapData(actor: Actor | null, view: View): Promise<MapCountry[]> {
  const rows = await statusByCountry(actor, view, 1000);
  return rows.map((row) => ({ ...row, worst: mostSevereStatus(row) }));
}

export async function listRegions(actor: Actor | null): Promise<string[]> {
  authorize(actor, "read");
  const rows = await db().country.findMany({ distinct: ["region"], select: { region: true }, orderBy: { region: "asc" } });
  return rows.map((r) => r.region);
}
