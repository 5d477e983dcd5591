// The dashboard's grouped queries, as SQL (no user check here: lib/data/dashboard.ts runs
// them for a user). Kept apart so that the benchmark can time the very same statements.
import { Prisma } from "@/lib/generated/prisma/client";
import { twelveMonthsBefore, type View } from "@/lib/domain/view";
import { readsProjection } from "./presence-status-sql";
import { isoDate } from "@/lib/domain/partial-date";
import { and, EVENT_JOINS, eventConditions } from "./view-sql";

/**
 * Whether the monthly charts can be read from the EventMonthTotal projection: no region,
 * country or organisation-type filter (the projection has none), and a range that starts
 * on the first of a month (or no start).
 */
export function readsMonthTotals(view: View): boolean {
  return !view.region && !view.country && !view.type && (!view.from || view.from.getUTCDate() === 1);
}

/**
 * The last day a monthly chart counts, when the totals cannot simply be read to the end:
 * a view of a past date or with an end of range. null: every total counts (viewed as of
 * today, no event is dated later).
 */
export function monthlyCutoff(view: View, today = new Date()): Date | null {
  if (!view.to && readsProjection(view.asOf, today)) return null;
  return view.to && view.to < view.asOf ? view.to : view.asOf;
}

/**
 * A monthly chart from the totals of whole months, plus the events of the cutoff's own
 * month up to the cutoff day (a few days of events instead of every month's). `totals`
 * selects (month, series, value, counted) from EventMonthTotal with a WHERE clause; `events`
 * selects the same four from AccessEvent e (occurredOn first) with a WHERE clause.
 */
function monthlyFromTotals(view: View, parts: { totals: Prisma.Sql; events: Prisma.Sql }): Prisma.Sql {
  const cutoff = monthlyCutoff(view);
  const totalConditions: Prisma.Sql[] = [];
  const eventConditions: Prisma.Sql[] = [];
  if (view.from) {
    totalConditions.push(Prisma.sql`month >= ${view.from}::date`);
    eventConditions.push(Prisma.sql`e."occurredOn" >= ${view.from}::date`);
  }
  if (view.status) {
    totalConditions.push(Prisma.sql`"statusKey" = ${view.status}`);
    eventConditions.push(Prisma.sql`e."resultingStatus" = ${view.status}::"Status"`);
  }
  let partialMonth = Prisma.empty;
  if (cutoff) {
    totalConditions.push(Prisma.sql`month < date_trunc('month', ${cutoff}::date)`);
    partialMonth = Prisma.sql`UNION ALL ${parts.events} ${and([
      ...eventConditions,
      Prisma.sql`e."occurredOn" >= date_trunc('month', ${cutoff}::date)`,
      Prisma.sql`e."occurredOn" <= ${cutoff}::date`,
    ])}`;
  }
  return Prisma.sql`
    SELECT to_char(month, 'YYYY-MM') AS key, series, sum(value)::float8 AS value
    FROM (${parts.totals} ${and(totalConditions)} ${partialMonth}) AS monthly (month, series, value, counted)
    GROUP BY 1, 2 HAVING sum(counted) > 0 ORDER BY 1`;
}

/** The view's filters on the StatusCountPeriod counters (alias t) and Country (c). */
const countFilters = (view: View): Prisma.Sql[] => [
  ...(view.region ? [Prisma.sql`c.region = ${view.region}`] : []),
  ...(view.type ? [Prisma.sql`t."organisationType" = ${view.type}::"OrganisationType"`] : []),
  ...(view.status ? [Prisma.sql`t.status = ${view.status}::"Status"`] : []),
  ...(view.country ? [Prisma.sql`c.iso3 = ${view.country}`] : []),
];

export const DASHBOARD_SQL = {
  /**
   * Presences per country, organisation type and status as of the view date, narrowed by
   * its filters: every status figure, chart and the map are shaped from these rows
   * (summariseStatusCounts). Read from the counters' history (StatusCountPeriod), one row
   * per counter, today as on any earlier day.
   */
  statusCounts: (view: View) => Prisma.sql`
    SELECT c.iso3, c."nameEn" AS name, t."organisationType"::text AS type, t.status::text AS status, t.presences AS n
    FROM "StatusCountPeriod" t JOIN "Country" c ON c.iso3 = t."countryIso3"
    WHERE daterange(t."validFrom", t."validUntil") @> ${isoDate(view.asOf)}::date ${and(countFilters(view))}`,

  /**
   * People affected by events leading to expulsion or restriction in the 12 months up to
   * the view date (after the same day a year before). Without region, country or type
   * filters: the whole months in between from the totals, the two partial months at the
   * ends from their events.
   */
  peopleLast12Months: (view: View) => {
    const after = twelveMonthsBefore(view.asOf);
    const statuses = view.status ? Prisma.sql`(${view.status})` : Prisma.sql`('EXPELLED', 'RESTRICTED')`;
    if (!readsMonthTotals({ ...view, from: undefined })) return Prisma.sql`
      SELECT coalesce(sum(e."peopleAffected"), 0)::float8 AS people
      FROM "AccessEvent" e ${EVENT_JOINS}
      ${eventConditions({ ...view, from: undefined, to: undefined }, [
        Prisma.sql`e."resultingStatus"::text IN ${statuses}`,
        Prisma.sql`e."occurredOn" > ${after}::date`,
      ])}`;
    const events = (range: Prisma.Sql) => Prisma.sql`
      SELECT e."peopleAffected"::float8 FROM "AccessEvent" e
      WHERE e."reviewState" = 'PUBLISHED' AND e."resultingStatus"::text IN ${statuses} AND e."peopleAffected" IS NOT NULL AND ${range}`;
    return Prisma.sql`
      SELECT coalesce(sum(people), 0)::float8 AS people FROM (
        SELECT people::float8 FROM "EventMonthTotal"
        WHERE "statusKey" IN ${statuses} AND month > date_trunc('month', ${after}::date) AND month < date_trunc('month', ${view.asOf}::date)
        UNION ALL ${events(Prisma.sql`e."occurredOn" > ${after}::date AND e."occurredOn" < date_trunc('month', ${after}::date) + interval '1 month'`)}
        UNION ALL ${events(Prisma.sql`e."occurredOn" >= date_trunc('month', ${view.asOf}::date) AND e."occurredOn" <= ${view.asOf}::date`)}
      ) AS window_people (people)`;
  },

  /** Expects a view with its chart window applied (withChartWindow). */
  peopleByMonth: (view: View) => readsMonthTotals(view) ? monthlyFromTotals(view, {
    totals: Prisma.sql`SELECT month, "statusKey" AS series, people::float8 AS value, "peopleEvents" AS counted FROM "EventMonthTotal" WHERE "statusKey" <> ''`,
    events: Prisma.sql`SELECT e."occurredOn", e."resultingStatus"::text, e."peopleAffected"::float8, 1 FROM "AccessEvent" e
      WHERE e."reviewState" = 'PUBLISHED' AND e."resultingStatus" IS NOT NULL AND e."peopleAffected" IS NOT NULL`,
  }) : Prisma.sql`
    SELECT to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS key, e."resultingStatus"::text AS series,
           sum(e."peopleAffected")::float8 AS value
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions(view, [Prisma.sql`e."resultingStatus" IS NOT NULL`, Prisma.sql`e."peopleAffected" IS NOT NULL`])}
    GROUP BY 1, 2 ORDER BY 1`,

  /** Expects a view with its chart window applied (withChartWindow). */
  eventsByMonth: (view: View) => readsMonthTotals(view) ? monthlyFromTotals(view, {
    totals: Prisma.sql`SELECT month, kind::text AS series, events::float8 AS value, events AS counted FROM "EventMonthTotal" WHERE TRUE`,
    events: Prisma.sql`SELECT e."occurredOn", e.kind::text, 1::float8, 1 FROM "AccessEvent" e WHERE e."reviewState" = 'PUBLISHED'`,
  }) : Prisma.sql`
    SELECT to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS key, e.kind::text AS series, count(*)::int AS value
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions(view)}
    GROUP BY 1, 2 ORDER BY 1`,
};
