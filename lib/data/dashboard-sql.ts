// The dashboard's grouped queries, as SQL (no user check here: lib/data/dashboard.ts runs
// them for a user). Kept apart so that the benchmark can time the very same statements.
import { Prisma } from "@/lib/generated/prisma/client";
import { twelveMonthsBefore, type View } from "@/lib/domain/view";
import { readsProjection } from "./presence-status-sql";
import { EVENT_JOINS, eventConditions, scopedPresences } from "./view-sql";

/**
 * Whether the monthly charts can be read from the EventMonthTotal projection: viewed as of
 * today (no event is dated later), with whole months from the start of `from`, no end of
 * range, and no region, country or organisation-type filter (the projection has none).
 */
export function readsMonthTotals(view: View, today = new Date()): boolean {
  return readsProjection(view.asOf, today) && !view.to && !view.region && !view.country && !view.type && (!view.from || view.from.getUTCDate() === 1);
}

const totalsConditions = (view: View, extra: Prisma.Sql[] = []) => {
  const parts = [...extra];
  if (view.from) parts.push(Prisma.sql`month >= ${view.from}::date`);
  if (view.status) parts.push(Prisma.sql`"statusKey" = ${view.status}`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
};

export const DASHBOARD_SQL = {
  statusTotals: (view: View) => Prisma.sql`
    WITH ${scopedPresences(view)}
    SELECT status, count(*)::int AS presences, count(DISTINCT iso3)::int AS countries
    FROM scoped GROUP BY status`,

  peopleLast12Months: (view: View) => Prisma.sql`
    SELECT sum(e."peopleAffected")::float8 AS people
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions({ ...view, from: undefined, to: undefined }, [
      Prisma.sql`e."resultingStatus" IN ('EXPELLED', 'RESTRICTED')`,
      Prisma.sql`e."occurredOn" > ${twelveMonthsBefore(view.asOf)}::date`,
    ])}`,

  /** Expects a view with its chart window applied (withChartWindow). */
  peopleByMonth: (view: View) => readsMonthTotals(view) ? Prisma.sql`
    SELECT to_char(month, 'YYYY-MM') AS key, "statusKey" AS series, sum(people)::float8 AS value
    FROM "EventMonthTotal" ${totalsConditions(view, [Prisma.sql`"statusKey" <> ''`])}
    GROUP BY 1, 2 HAVING sum("peopleEvents") > 0 ORDER BY 1` : Prisma.sql`
    SELECT to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS key, e."resultingStatus"::text AS series,
           sum(e."peopleAffected")::float8 AS value
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions(view, [Prisma.sql`e."resultingStatus" IS NOT NULL`, Prisma.sql`e."peopleAffected" IS NOT NULL`])}
    GROUP BY 1, 2 ORDER BY 1`,

  /** Expects a view with its chart window applied (withChartWindow). */
  eventsByMonth: (view: View) => readsMonthTotals(view) ? Prisma.sql`
    SELECT to_char(month, 'YYYY-MM') AS key, kind::text AS series, sum(events)::int AS value
    FROM "EventMonthTotal" ${totalsConditions(view)}
    GROUP BY 1, 2 HAVING sum(events) > 0 ORDER BY 1` : Prisma.sql`
    SELECT to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS key, e.kind::text AS series, count(*)::int AS value
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions(view)}
    GROUP BY 1, 2 ORDER BY 1`,

  statusByCountry: (view: View) => Prisma.sql`
    WITH ${scopedPresences(view)}
    SELECT iso3, country_name AS name, status, count(*)::int AS n FROM scoped GROUP BY 1, 2, 3`,

  statusByType: (view: View) => Prisma.sql`
    WITH ${scopedPresences(view)}
    SELECT type AS key, status AS series, count(*)::int AS value FROM scoped GROUP BY 1, 2`,
};
