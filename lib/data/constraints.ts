import "server-only";
// Access constraints as figures: per ACAPS indicator and per area of a country (the evidence
// behind a severity score), and per pillar by month. A constraint counts once: the events a
// country-level constraint wrote for each presence (parentEventId) are not counted again.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import { monthlyWindow, pivot, type MonthlySeries } from "@/lib/domain/aggregations";
import { CATEGORIES, PILLARS, categoriesOf, type Category } from "@/lib/domain/constraints";
import { isoDate, withChartWindow, type View } from "@/lib/domain/view";
import type { DatePrecision } from "@/lib/domain/vocabulary";
import { eventFilterConditions } from "./sql-fragments";
import { EVENT_JOINS, eventConditions } from "./view-sql";

/** A constraint counted once: a category, and not a part written for one presence. */
const constraintEvent = [Prisma.sql`e.category IS NOT NULL`, Prisma.sql`e."parentEventId" IS NULL`];

const pillarOf = Prisma.sql`CASE ${Prisma.join(
  PILLARS.map((p) => Prisma.sql`WHEN e.category::text IN (${Prisma.join(categoriesOf(p))}) THEN ${Prisma.raw(`'${p}'`)}`),
  " ",
)} END`;

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
  const where = Prisma.join([...eventFilterConditions({ asOf: view.asOf, from: view.from, to: view.to, country: iso3 }), ...constraintEvent], " AND ");
  const [categories, areas] = await Promise.all([
    db().$queryRaw<{ category: Category; events: number; latest: number; located: number }[]>(Prisma.sql`
      SELECT e.category::text AS category, count(*)::int AS events,
             (array_agg(e.id ORDER BY e."occurredOn" DESC, e.id DESC))[1] AS latest,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "EventArea" ea WHERE ea."eventId" = e.id))::int AS located
      FROM "AccessEvent" e WHERE ${where} GROUP BY 1`),
    db().$queryRaw<{ code: string; events: number }[]>(Prisma.sql`
      SELECT ea."areaCode" AS code, count(*)::int AS events
      FROM "EventArea" ea JOIN "AccessEvent" e ON e.id = ea."eventId" WHERE ${where} GROUP BY 1`),
  ]);
  const latestIds = categories.map((c) => c.latest);
  const latest = new Map(
    (await db().accessEvent.findMany({ where: { id: { in: latestIds } }, select: { id: true, occurredOn: true, datePrecision: true, summary: true } })).map(
      (e) => [e.id, { id: e.id, occurredOn: isoDate(e.occurredOn), datePrecision: e.datePrecision, summary: e.summary }],
    ),
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
  const view = withChartWindow(requested);
  // Organisation type and status are presence filters: a constraint of a country has neither.
  const rows = await db().$queryRaw<{ key: string; series: string; value: number }[]>(Prisma.sql`
    SELECT to_char(date_trunc('month', e."occurredOn"), 'YYYY-MM') AS key, ${pillarOf} AS series, count(*)::int AS value
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions({ ...view, type: undefined, status: undefined }, constraintEvent)}
    GROUP BY 1, 2 ORDER BY 1`);
  return monthlyWindow(pivot(rows, PILLARS), PILLARS, requested);
}

/** Constraint events per country as of the view date (the world map's second layer). */
export async function constraintsByCountry(actor: Actor | null, view: View): Promise<Record<string, number>> {
  authorize(actor, "read");
  const rows = await db().$queryRaw<{ iso3: string; events: number }[]>(Prisma.sql`
    SELECT e."countryIso3" AS iso3, count(*)::int AS events
    FROM "AccessEvent" e ${EVENT_JOINS}
    ${eventConditions({ ...view, type: undefined, status: undefined }, constraintEvent)}
    GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [r.iso3, r.events]));
}
