// The dashboard's grouped queries, as SQL (no user check here: lib/data/dashboard.ts runs
// them for a user). Kept apart so that the benchmark can time the very same statements.
import { Prisma } from "@/lib/generated/prisma/client";
import { twelveMonthsBefore, type View } from "@/lib/domain/view";
import type { Status } from "@/lib/domain/vocabulary";
import { readsProjection } from "@/lib/data/projections/presence-status-sql";
import { isoDate } from "@/lib/domain/partial-date";
import { and, EVENT_JOINS, eventConditions } from "./view-sql";
import { publishedEvent, statusEvent } from "@/lib/data/sql-fragments";

/**
 * Where a view's monthly figures can be read from: EventMonthTotal without filters,
 * CountryEventMonthTotal with only a country or a region (and a status, which both have),
 * or nowhere (null: grouped from the events): the projections have no organisation type,
 * constraint category or area.
 */
export function monthTotalsFor(view: View): "all" | "country" | null {
  if (view.type || view.category || view.pillar || view.area) return null;
  return view.region || view.country ? "country" : "all";
}

/** Whether the monthly figures are read from a projection (monthTotalsFor). */
export const readsMonthTotals = (view: View): boolean => monthTotalsFor(view) !== null;

/**
 * The last day a monthly chart counts, when the totals cannot simply be read to the end:
 * a view of a past date or with an end of range. null: every total counts (viewed as of
 * today, no event is dated later).
 */
export function monthlyCutoff(view: View, today = new Date()): Date | null {
  if (!view.to && readsProjection(view.asOf, today)) return null;
  return view.to && view.to < view.asOf ? view.to : view.asOf;
}

const firstOfMonth = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
const firstOfNextMonth = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1));

export interface MonthlyWindow {
  /** First day counted (null: from the beginning). */
  start: Date | null;
  /** Last day counted (null: to the end: viewed as of today, no event is dated later). */
  end: Date | null;
  /** Only events leading to one of these statuses. */
  statuses?: readonly Status[];
}

/**
 * A monthly series over a window of days: whole months from the EventMonthTotal totals,
 * plus the events of the partial months at either end (a few days of events instead of
 * every month's). `totals` selects (month, series, value, counted) from EventMonthTotal with
 * a WHERE clause; `events` selects the same four from AccessEvent e (occurredOn first) with
 * a WHERE clause. A month whose events counted nothing is left out.
 */
export function monthlyFromTotals(window: MonthlyWindow, parts: { totals: Prisma.Sql; events: Prisma.Sql }): Prisma.Sql {
  const split = splitWindow(window);
  const statusFilter = window.statuses ? Prisma.join(window.statuses.map((status) => Prisma.sql`${status}`)) : null;
  const events = (range: DayRange | null) =>
    range
      ? Prisma.sql`UNION ALL ${parts.events} ${and([...dayRangeConditions(range), ...(statusFilter ? [Prisma.sql`e."resultingStatus"::text IN (${statusFilter})`] : [])])}`
      : Prisma.empty;
  const totalConditions = [...split.wholeMonths, ...(statusFilter ? [Prisma.sql`"statusKey" IN (${statusFilter})`] : [])];
  return Prisma.sql`
    SELECT to_char(month, 'YYYY-MM') AS key, series, sum(value)::float8 AS value
    FROM (${parts.totals} ${and(totalConditions)} ${events(split.head)} ${events(split.tail)}) AS monthly (month, series, value, counted)
    GROUP BY 1, 2 HAVING sum(counted) > 0 ORDER BY 1`;
}

/** Days from `from` to `to` (`to` itself included or not). */
export interface DayRange {
  from: Date;
  to: Date;
  toInclusive: boolean;
}

export const dayRangeConditions = (range: DayRange, column = Prisma.sql`e."occurredOn"`) => [
  Prisma.sql`${column} >= ${isoDate(range.from)}::date`,
  range.toInclusive ? Prisma.sql`${column} <= ${isoDate(range.to)}::date` : Prisma.sql`${column} < ${isoDate(range.to)}::date`,
];

/**
 * A window of days as the whole months a monthly total covers (conditions on its `month`)
 * and the partial months at either end, to be read from the events.
 */
export function splitWindow({ start, end }: MonthlyWindow): { wholeMonths: Prisma.Sql[]; head: DayRange | null; tail: DayRange | null } {
  // Whole months: from the first month that starts on or after `start`, to the month before `end`'s.
  const wholeFrom = start && (start.getUTCDate() === 1 ? start : firstOfNextMonth(start));
  const wholeUntil = end && firstOfMonth(end);
  const wholeMonths = [
    ...(wholeFrom ? [Prisma.sql`month >= ${isoDate(wholeFrom)}::date`] : []),
    ...(wholeUntil ? [Prisma.sql`month < ${isoDate(wholeUntil)}::date`] : []),
  ];
  // The partial month at the start, up to the first whole month (or to the end's month, when both fall in one month)…
  const headUntil = wholeFrom && wholeUntil && wholeUntil < wholeFrom ? wholeUntil : wholeFrom;
  const head = start && headUntil && start < headUntil ? { from: start, to: headUntil, toInclusive: false } : null;
  // …and the end's own month, up to the end.
  const tailFrom = wholeUntil && (start && start > wholeUntil ? start : wholeUntil);
  const tail = end && tailFrom && tailFrom <= end ? { from: tailFrom, to: end, toInclusive: true } : null;
  return { wholeMonths, head, tail };
}

/** A chart's window: the view's date range, up to the view date. */
export const chartWindow = (view: View): MonthlyWindow => ({
  start: view.from ?? null,
  end: monthlyCutoff(view),
  statuses: view.status ? [view.status] : undefined,
});

/** The view's country or region as conditions on a country column (a projection's or the events'). */
const placeConditions = (view: View, column: Prisma.Sql): Prisma.Sql[] => [
  ...(view.country ? [Prisma.sql`${column} = ${view.country}`] : []),
  ...(view.region ? [Prisma.sql`${column} IN (SELECT iso3 FROM "Country" WHERE region = ${view.region})`] : []),
];

/** Which projection a view reads, with its place conditions (monthTotalsFor decides). */
function totalsOf(view: View): { table: Prisma.Sql; where: Prisma.Sql } {
  return monthTotalsFor(view) === "country"
    ? { table: Prisma.sql`"CountryEventMonthTotal"`, where: Prisma.join([Prisma.sql`TRUE`, ...placeConditions(view, Prisma.sql`"countryIso3"`)], " AND ") }
    : { table: Prisma.sql`"EventMonthTotal"`, where: Prisma.sql`TRUE` };
}

const peopleParts = (view: View) => {
  const { table, where } = totalsOf(view);
  return {
    totals: Prisma.sql`SELECT month, "statusKey" AS series, people::float8 AS value, "peopleEvents" AS counted FROM ${table} WHERE ${where} AND "statusKey" <> ''`,
    events: Prisma.sql`SELECT e."occurredOn", e."resultingStatus"::text, e."peopleAffected"::float8, 1 FROM "AccessEvent" e
    WHERE ${statusEvent("e")} AND e."peopleAffected" IS NOT NULL ${and(placeConditions(view, Prisma.sql`e."countryIso3"`))}`,
  };
};

const eventParts = (view: View) => {
  const { table, where } = totalsOf(view);
  return {
    totals: Prisma.sql`SELECT month, kind::text AS series, events::float8 AS value, events AS counted FROM ${table} WHERE ${where}`,
    events: Prisma.sql`SELECT e."occurredOn", e.kind::text, 1::float8, 1 FROM "AccessEvent" e
    WHERE ${publishedEvent("e")} ${and(placeConditions(view, Prisma.sql`e."countryIso3"`))}`,
  };
};

/**
 * The monthly figures grouped from the events, whatever the view: what a view the
 * projections cannot answer reads, and what tests compare the projections' answers with.
 */
export const FROM_EVENTS = {
  peopleLast12Months: (view: View) => {
    const statuses: Status[] = view.status ? [view.status] : ["EXPELLED", "RESTRICTED"];
    return Prisma.sql`
      SELECT coalesce(sum(e."peopleAffected"), 0)::float8 AS people
      FROM "AccessEvent" e ${EVENT_JOINS}
      ${eventConditions({ ...view, from: undefined, to: undefined }, [
        Prisma.sql`e."resultingStatus"::text IN (${Prisma.join(statuses)})`,
        Prisma.sql`e."occurredOn" > ${isoDate(twelveMonthsBefore(view.asOf))}::date`,
      ])}`;
  },
  peopleByMonth: (view: View) => Prisma.sql`
    SELECT to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS key, e."resultingStatus"::text AS series,
           sum(e."peopleAffected")::float8 AS value
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions(view, [Prisma.sql`e."resultingStatus" IS NOT NULL`, Prisma.sql`e."peopleAffected" IS NOT NULL`])}
    GROUP BY 1, 2 ORDER BY 1`,
  eventsByMonth: (view: View) => Prisma.sql`
    SELECT to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS key, e.kind::text AS series, count(*)::int AS value
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions(view)}
    GROUP BY 1, 2 ORDER BY 1`,
};

/** The view's filters on the StatusCountPeriod counters (alias t) and Country (c). */
const countFilters = (view: View): Prisma.Sql[] => [
  ...(view.region ? [Prisma.sql`c.region = ${view.region}`] : []),
  ...(view.type ? [Prisma.sql`t."organisationType" = ${view.type}::"OrganisationType"`] : []),
  ...(view.status ? [Prisma.sql`t.status = ${view.status}::"Status"`] : []),
  ...(view.country ? [Prisma.sql`c.iso3 = ${view.country}`] : []),
];

export const DASHBOARD_SQL = {
  /**
   * Presences per country and status, and per organisation type and status, as of the view
   * date, narrowed by its filters: every status figure, chart and the map are shaped from
   * these rows (summariseStatusCounts). Summed from the counters' history
   * (StatusCountPeriod): as of today its open rows (the current counts, from their own
   * index), earlier the rows whose period holds the day; grouped twice in one pass, so a
   * few hundred rows leave the database instead of one per counter (6,000 at a million events).
   */
  statusCounts: (view: View) => Prisma.sql`
    SELECT c.iso3, c."nameEn" AS name, t."organisationType"::text AS type, t.status::text AS status, sum(t.presences)::int AS n
    FROM "StatusCountPeriod" t JOIN "Country" c ON c.iso3 = t."countryIso3"
    WHERE ${readsProjection(view.asOf) ? Prisma.sql`t."validUntil" IS NULL` : Prisma.sql`daterange(t."validFrom", t."validUntil") @> ${isoDate(view.asOf)}::date`}
      ${and(countFilters(view))}
    GROUP BY GROUPING SETS ((c.iso3, c."nameEn", t.status), (t."organisationType", t.status))`,

  /**
   * People affected by events leading to expulsion or restriction in the 12 months up to
   * the view date (after the same day a year before). From a projection when the view
   * allows (monthTotalsFor): the whole months in between from the totals, the two partial
   * months at the ends from their events.
   */
  peopleLast12Months: (view: View) => {
    if (!readsMonthTotals(view)) return FROM_EVENTS.peopleLast12Months(view);
    const statuses: Status[] = view.status ? [view.status] : ["EXPELLED", "RESTRICTED"];
    const window = { start: new Date(twelveMonthsBefore(view.asOf).getTime() + 86_400_000), end: monthlyCutoff({ ...view, to: undefined }), statuses };
    return Prisma.sql`SELECT coalesce(sum(value), 0)::float8 AS people FROM (${monthlyFromTotals(window, peopleParts(view))}) AS monthly`;
  },

  /** Expects a view with its chart window applied (withChartWindow). */
  peopleByMonth: (view: View) => (readsMonthTotals(view) ? monthlyFromTotals(chartWindow(view), peopleParts(view)) : FROM_EVENTS.peopleByMonth(view)),

  /** Expects a view with its chart window applied (withChartWindow). */
  eventsByMonth: (view: View) => (readsMonthTotals(view) ? monthlyFromTotals(chartWindow(view), eventParts(view)) : FROM_EVENTS.eventsByMonth(view)),
};
