// The SQL of the constraint figures (lib/data/constraints.ts), apart so that the benchmark
// runs the very statements the pages run. A constraint counts once: the events a
// country-level constraint wrote for each presence (parentEventId) are not counted again.
import { Prisma } from "@/lib/generated/prisma/client";
import { categoriesOf, PILLARS, type Pillar } from "@/lib/domain/constraints";
import type { View } from "@/lib/domain/view";
import { eventFilterConditions, publishedEvent } from "./sql-fragments";
import { chartWindow, dayRangeConditions, monthlyCutoff, splitWindow, type DayRange } from "./dashboard-sql";
import { EVENT_JOINS, eventConditions } from "./view-sql";

/** A constraint counted once: a category, and not a part written for one presence. */
const constraintEvent = [Prisma.sql`e.category IS NOT NULL`, Prisma.sql`e."parentEventId" IS NULL`];

/** The pillar of a category column, in SQL (lib/domain/constraints.ts holds the mapping). */
const pillarOf = (column: string) => {
  const when = (p: Pillar) =>
    `WHEN ${column}::text IN (${categoriesOf(p)
      .map((c) => `'${c}'`)
      .join(", ")}) THEN '${p}'`;
  return Prisma.raw(`CASE ${PILLARS.map(when).join(" ")} END`);
};

const countryWhere = (iso3: string, view: Pick<View, "asOf" | "from" | "to">) =>
  Prisma.join([...eventFilterConditions({ asOf: view.asOf, from: view.from, to: view.to, country: iso3 }), ...constraintEvent], " AND ");

/** A country's constraint view as a View (the window rules take one). */
const countryView = (iso3: string, view: Pick<View, "asOf" | "from" | "to">): View => ({
  asOf: view.asOf,
  asOfExplicit: true,
  from: view.from,
  to: view.to,
  country: iso3,
});

/** The constraint figures grouped from the events: what views with an area read, and what the totals are checked against. */
export const CONSTRAINT_FROM_EVENTS = {
  byCategory: (iso3: string, view: Pick<View, "asOf" | "from" | "to">) => Prisma.sql`
    SELECT e.category::text AS category, count(*)::int AS events,
           (array_agg(e.id ORDER BY e."occurredOn" DESC, e.id DESC))[1] AS latest,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "EventArea" ea WHERE ea."eventId" = e.id))::int AS located
    FROM "AccessEvent" e WHERE ${countryWhere(iso3, view)} GROUP BY 1`,
  byArea: (iso3: string, view: Pick<View, "asOf" | "from" | "to">) => Prisma.sql`
    SELECT ea."areaCode" AS code, count(*)::int AS events
    FROM "EventArea" ea JOIN "AccessEvent" e ON e.id = ea."eventId" WHERE ${countryWhere(iso3, view)} GROUP BY 1`,
  /** Also what a view with an area reads (the totals have no area). */
  byMonthAndPillar: (view: View) => Prisma.sql`
    SELECT to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS key, ${pillarOf("e.category")} AS series, count(*)::int AS value
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions({ ...view, type: undefined, status: undefined }, constraintEvent)}
    GROUP BY 1, 2 ORDER BY 1`,
  byCountry: (view: View) => Prisma.sql`
    SELECT e."countryIso3" AS iso3, count(*)::int AS events
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions({ ...view, type: undefined, status: undefined }, constraintEvent)}
    GROUP BY 1`,
};

export const CONSTRAINT_SQL = {
  /**
   * Per category of a country: events, the latest one's id, and how many are placed in an
   * area. The counts from ConstraintMonthTotal (whole months; the partial months at the ends
   * from the events), the latest through the (country, category, date) index: nine short
   * lookups instead of reading every event of the country.
   */
  byCategory: (iso3: string, view: Pick<View, "asOf" | "from" | "to">) => {
    const counted = fromTotals(countryView(iso3, view), {
      totals: Prisma.sql`t.category`,
      events: Prisma.sql`e.category`,
      totalMeasures: Prisma.sql`sum(t.events), sum(t.located)`,
      eventMeasures: Prisma.sql`count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "EventArea" ea WHERE ea."eventId" = e.id))`,
    });
    return Prisma.sql`
    SELECT x.category::text AS category, sum(x.n)::int AS events, sum(x.located)::int AS located,
           (SELECT e.id FROM "AccessEvent" e WHERE ${countryWhere(iso3, view)} AND e.category = x.category
            ORDER BY e."occurredOn" DESC, e.id DESC LIMIT 1) AS latest
    FROM (${counted}) x (category, n, located) GROUP BY x.category HAVING sum(x.n) > 0`;
  },
  /** Per area of a country: its constraint events, from ConstraintAreaMonthTotal (the partial months at the ends from the events). */
  byArea: (iso3: string, view: Pick<View, "asOf" | "from" | "to">) => {
    const { wholeMonths, head, tail } = splitWindow(chartWindow(countryView(iso3, view)));
    const events = (range: DayRange | null) =>
      range
        ? Prisma.sql`UNION ALL SELECT ea."areaCode", count(*) FROM "EventArea" ea JOIN "AccessEvent" e ON e.id = ea."eventId"
          WHERE ${countryWhere(iso3, view)} AND ${Prisma.join(dayRangeConditions(range), " AND ")} GROUP BY 1`
        : Prisma.empty;
    return Prisma.sql`
    SELECT x.code, sum(x.n)::int AS events FROM (
      SELECT t."areaCode", sum(t.events) FROM "ConstraintAreaMonthTotal" t WHERE ${Prisma.join([Prisma.sql`t."countryIso3" = ${iso3}`, ...wholeMonths], " AND ")} GROUP BY 1
      ${events(head)} ${events(tail)}) x (code, n)
    GROUP BY 1 HAVING sum(x.n) > 0`;
  },
  /**
   * Per month and pillar, in the view (organisation type and status are presence filters: a
   * constraint of a country has neither). Whole months from the totals (all countries
   * together without a country or region: ConstraintCategoryMonthTotal), the partial months
   * at the ends from the events; the events alone when an area is chosen (the totals have no
   * area).
   */
  byMonthAndPillar: (view: View) => {
    if (view.area) return CONSTRAINT_FROM_EVENTS.byMonthAndPillar(view);
    // Grouped by month and category first, then named: a few thousand totals rows, a few hundred groups.
    const counted = fromTotals(view, {
      totals: Prisma.sql`t.month, t.category`,
      events: Prisma.sql`date_trunc('month', e."occurredOn")::date, e.category`,
      table: view.country || view.region ? Prisma.sql`"ConstraintMonthTotal"` : Prisma.sql`"ConstraintCategoryMonthTotal"`,
    });
    return Prisma.sql`
    SELECT to_char(x.month, 'YYYY-MM') AS key, ${pillarOf("x.category")} AS series, sum(x.n)::int AS value
    FROM (${counted}) x (month, category, n) GROUP BY 1, 2 HAVING sum(x.n) > 0 ORDER BY 1`;
  },
  /**
   * Per country, in the view (its date range, up to its date), from the same totals; as of
   * today without a date range, every month counts: ConstraintCountryTotal has their sums.
   */
  byCountry: (view: View) => {
    if (view.area) return CONSTRAINT_FROM_EVENTS.byCountry(view);
    if (!view.from && monthlyCutoff(view) === null) {
      return Prisma.sql`SELECT t."countryIso3" AS iso3, sum(t.events)::int AS events FROM "ConstraintCountryTotal" t
        WHERE ${Prisma.join([Prisma.sql`TRUE`, ...totalFilters(view, "t")], " AND ")} GROUP BY 1 HAVING sum(t.events) > 0`;
    }
    const counted = fromTotals(view, { totals: Prisma.sql`t."countryIso3"`, events: Prisma.sql`e."countryIso3"` });
    return Prisma.sql`SELECT x.iso3, sum(x.n)::int AS events FROM (${counted}) x (iso3, n) GROUP BY 1 HAVING sum(x.n) > 0`;
  },
};

/** The view's country, region, category and pillar on a table of constraint events or totals (alias). */
const totalFilters = (view: View, alias: string) => [
  ...(view.country ? [Prisma.sql`${Prisma.raw(alias)}."countryIso3" = ${view.country}`] : []),
  ...(view.region ? [Prisma.sql`${Prisma.raw(alias)}."countryIso3" IN (SELECT iso3 FROM "Country" WHERE region = ${view.region})`] : []),
  ...(view.category ? [Prisma.sql`${Prisma.raw(alias)}.category = ${view.category}::"ConstraintCategory"`] : []),
  ...(view.pillar ? [Prisma.sql`${Prisma.raw(alias)}.category = ANY(${categoriesOf(view.pillar)}::"ConstraintCategory"[])`] : []),
];

/**
 * Constraint events grouped by `keys`, over the view's window (its date range, up to its date):
 * whole months from ConstraintMonthTotal, the partial months at the ends from the events, with
 * the view's country, region, category and pillar. Rows: the keys, then the count (or the
 * measures given, the same in both).
 */
function fromTotals(
  view: View,
  keys: { totals: Prisma.Sql; events: Prisma.Sql; totalMeasures?: Prisma.Sql; eventMeasures?: Prisma.Sql; table?: Prisma.Sql },
): Prisma.Sql {
  const measures = { totals: keys.totalMeasures ?? Prisma.sql`sum(t.events)`, events: keys.eventMeasures ?? Prisma.sql`count(*)` };
  const { wholeMonths, head, tail } = splitWindow(chartWindow({ ...view, status: undefined }));
  const filters = (alias: string) => totalFilters(view, alias);
  const where = (parts: Prisma.Sql[]) => Prisma.join([Prisma.sql`TRUE`, ...parts], " AND ");
  const events = (range: DayRange | null) =>
    range
      ? Prisma.sql`UNION ALL SELECT ${keys.events}, ${measures.events} FROM "AccessEvent" e
        WHERE ${where([publishedEvent("e"), ...constraintEvent, ...filters("e"), ...dayRangeConditions(range)])} GROUP BY ${keys.events}`
      : Prisma.empty;
  return Prisma.sql`SELECT ${keys.totals}, ${measures.totals} FROM ${keys.table ?? Prisma.sql`"ConstraintMonthTotal"`} t WHERE ${where([...wholeMonths, ...filters("t")])} GROUP BY ${keys.totals}
    ${events(head)} ${events(tail)}`;
}
