// Keeps the monthly projections in step with the events: called in the transaction of every
// event write with the event as it was and as it is now. Only published events count. It
// checks no user: it only adjusts derived rows for a write already allowed.
//
// EventMonthTotal (month, kind, status) feeds the overview's charts; CountryEventMonthTotal,
// the same per country, a country's or a region's; ConstraintMonthTotal (month, country,
// category, with how many are placed in an area), ConstraintCategoryMonthTotal (month,
// category: all countries), ConstraintCountryTotal (country, category: all months) and
// ConstraintAreaMonthTotal (month, area) the constraint figures. An event's areas are written with it and never change afterwards,
// so they are read from EventArea here (they exist by the time an event is counted).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { isoDate } from "@/lib/domain/partial-date";
import type { EventKind, ReviewState, Status } from "@/lib/domain/vocabulary";
import type { Category } from "@/lib/domain/constraints";
import { publishedEvent } from "@/lib/data/sql-fragments";

export interface CountedEvent {
  id: number;
  occurredOn: Date;
  kind: EventKind;
  resultingStatus: Status | null;
  peopleAffected: number | null;
  reviewState: ReviewState;
  countryIso3: string;
  category: Category | null;
  parentEventId: number | null;
}

/** Whether an event counts as one access constraint (lib/data/constraints-sql.ts says the same in SQL). */
const isConstraint = (event: CountedEvent) => event.category !== null && event.parentEventId === null;

const monthOf = (event: CountedEvent) => `${isoDate(event.occurredOn).slice(0, 7)}-01`;

export async function recountEvent(tx: Tx, before: CountedEvent | null, after: CountedEvent | null): Promise<void> {
  const counted = [...(before ? [{ event: before, sign: -1 as const }] : []), ...(after ? [{ event: after, sign: 1 as const }] : [])].filter(
    ({ event }) => event.reviewState === "PUBLISHED",
  );
  for (const { event, sign } of counted) await countEvents(tx, [event], sign);
}

/**
 * Many events at once (an import's batch, its undo with sign -1, or one event's before and
 * after): what each adds (or removes), summed per month and key first, one statement per
 * projection. Events not published are skipped.
 */
export async function countEvents(tx: Tx, events: CountedEvent[], sign: 1 | -1 = 1): Promise<void> {
  const counted = events.filter((event) => event.reviewState === "PUBLISHED");
  if (!counted.length) return;
  const monthly = new Map<
    string,
    { month: string; countryIso3: string; kind: EventKind; statusKey: string; events: number; peopleEvents: number; people: number }
  >();
  for (const event of counted) {
    const month = monthOf(event);
    const statusKey = event.resultingStatus ?? "";
    const key = `${month}|${event.countryIso3}|${event.kind}|${statusKey}`;
    const total = monthly.get(key) ?? { month, countryIso3: event.countryIso3, kind: event.kind, statusKey, events: 0, peopleEvents: 0, people: 0 };
    total.events += sign;
    if (event.peopleAffected !== null) {
      total.peopleEvents += sign;
      total.people += sign * event.peopleAffected;
    }
    monthly.set(key, total);
  }
  const m = [...monthly.values()];
  const perCountry = Prisma.sql`
    SELECT * FROM unnest(${m.map((t) => t.countryIso3)}::varchar[], ${m.map((t) => t.month)}::date[], ${m.map((t) => t.kind)}::"EventKind"[],
                         ${m.map((t) => t.statusKey)}::text[], ${m.map((t) => t.events)}::int[], ${m.map((t) => t.peopleEvents)}::int[],
                         ${m.map((t) => t.people)}::bigint[]) AS t ("countryIso3", month, kind, "statusKey", events, "peopleEvents", people)`;
  await tx.$executeRaw`
    INSERT INTO "CountryEventMonthTotal" ("countryIso3", month, kind, "statusKey", events, "peopleEvents", people) ${perCountry}
    ON CONFLICT ("countryIso3", month, kind, "statusKey") DO UPDATE SET
      events = "CountryEventMonthTotal".events + EXCLUDED.events,
      "peopleEvents" = "CountryEventMonthTotal"."peopleEvents" + EXCLUDED."peopleEvents",
      people = "CountryEventMonthTotal".people + EXCLUDED.people`;
  await tx.$executeRaw`
    INSERT INTO "EventMonthTotal" (month, kind, "statusKey", events, "peopleEvents", people)
    SELECT month, kind, "statusKey", sum(events), sum("peopleEvents"), sum(people) FROM (${perCountry}) x GROUP BY 1, 2, 3
    ON CONFLICT (month, kind, "statusKey") DO UPDATE SET
      events = "EventMonthTotal".events + EXCLUDED.events,
      "peopleEvents" = "EventMonthTotal"."peopleEvents" + EXCLUDED."peopleEvents",
      people = "EventMonthTotal".people + EXCLUDED.people`;

  const c = counted.filter(isConstraint);
  if (!c.length) return;
  const constraints = Prisma.sql`
    SELECT * FROM unnest(${c.map((e) => e.id)}::int[], ${c.map(monthOf)}::date[], ${c.map((e) => e.countryIso3)}::varchar[],
                         ${c.map((e) => e.category)}::"ConstraintCategory"[]) AS counted (id, month, "countryIso3", category)`;
  await tx.$executeRaw`
    INSERT INTO "ConstraintMonthTotal" (month, "countryIso3", category, events, located)
    SELECT month, "countryIso3", category, ${sign} * count(*), ${sign} * count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "EventArea" ea WHERE ea."eventId" = counted.id))
    FROM (${constraints}) counted GROUP BY 1, 2, 3
    ON CONFLICT (month, "countryIso3", category) DO UPDATE SET
      events = "ConstraintMonthTotal".events + EXCLUDED.events, located = "ConstraintMonthTotal".located + EXCLUDED.located`;
  await tx.$executeRaw`
    INSERT INTO "ConstraintCategoryMonthTotal" (month, category, events)
    SELECT month, category, ${sign} * count(*) FROM (${constraints}) counted GROUP BY 1, 2
    ON CONFLICT (month, category) DO UPDATE SET events = "ConstraintCategoryMonthTotal".events + EXCLUDED.events`;
  await tx.$executeRaw`
    INSERT INTO "ConstraintCountryTotal" ("countryIso3", category, events)
    SELECT "countryIso3", category, ${sign} * count(*) FROM (${constraints}) counted GROUP BY 1, 2
    ON CONFLICT ("countryIso3", category) DO UPDATE SET events = "ConstraintCountryTotal".events + EXCLUDED.events`;
  await tx.$executeRaw`
    INSERT INTO "ConstraintAreaMonthTotal" ("countryIso3", month, "areaCode", events)
    SELECT counted."countryIso3", counted.month, ea."areaCode", ${sign} * count(*)
    FROM (${constraints}) counted JOIN "EventArea" ea ON ea."eventId" = counted.id GROUP BY 1, 2, 3
    ON CONFLICT ("countryIso3", month, "areaCode") DO UPDATE SET events = "ConstraintAreaMonthTotal".events + EXCLUDED.events`;
}

const constraintEvent = (alias: string) =>
  Prisma.sql`${publishedEvent(alias)} AND ${Prisma.raw(alias)}.category IS NOT NULL AND ${Prisma.raw(alias)}."parentEventId" IS NULL`;

/**
 * Every monthly projection recounted from the events: emptied, then filled in one statement
 * each (bulk loads, the migrations that made them, tests that check them). Run in order, in
 * one transaction.
 */
export const REBUILD_MONTH_TOTALS: Prisma.Sql[] = [
  Prisma.sql`DELETE FROM "EventMonthTotal"`,
  Prisma.sql`
  INSERT INTO "EventMonthTotal" (month, kind, "statusKey", events, "peopleEvents", people)
  SELECT date_trunc('month', "occurredOn")::date, kind, coalesce("resultingStatus"::text, ''), count(*),
         count("peopleAffected"), coalesce(sum("peopleAffected"), 0)
  FROM "AccessEvent" e WHERE ${publishedEvent("e")}
  GROUP BY 1, 2, 3`,
  Prisma.sql`DELETE FROM "CountryEventMonthTotal"`,
  Prisma.sql`
  INSERT INTO "CountryEventMonthTotal" ("countryIso3", month, kind, "statusKey", events, "peopleEvents", people)
  SELECT "countryIso3", date_trunc('month', "occurredOn")::date, kind, coalesce("resultingStatus"::text, ''), count(*),
         count("peopleAffected"), coalesce(sum("peopleAffected"), 0)
  FROM "AccessEvent" e WHERE ${publishedEvent("e")}
  GROUP BY 1, 2, 3, 4`,
  Prisma.sql`DELETE FROM "ConstraintMonthTotal"`,
  Prisma.sql`
  INSERT INTO "ConstraintMonthTotal" (month, "countryIso3", category, events, located)
  SELECT date_trunc('month', e."occurredOn")::date, e."countryIso3", e.category, count(*),
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "EventArea" ea WHERE ea."eventId" = e.id))
  FROM "AccessEvent" e WHERE ${constraintEvent("e")}
  GROUP BY 1, 2, 3`,
  Prisma.sql`DELETE FROM "ConstraintCategoryMonthTotal"`,
  Prisma.sql`INSERT INTO "ConstraintCategoryMonthTotal" (month, category, events) SELECT month, category, sum(events) FROM "ConstraintMonthTotal" GROUP BY 1, 2`,
  Prisma.sql`DELETE FROM "ConstraintCountryTotal"`,
  Prisma.sql`INSERT INTO "ConstraintCountryTotal" ("countryIso3", category, events) SELECT "countryIso3", category, sum(events) FROM "ConstraintMonthTotal" GROUP BY 1, 2`,
  Prisma.sql`DELETE FROM "ConstraintAreaMonthTotal"`,
  Prisma.sql`
  INSERT INTO "ConstraintAreaMonthTotal" ("countryIso3", month, "areaCode", events)
  SELECT e."countryIso3", date_trunc('month', e."occurredOn")::date, ea."areaCode", count(*)
  FROM "AccessEvent" e JOIN "EventArea" ea ON ea."eventId" = e.id WHERE ${constraintEvent("e")}
  GROUP BY 1, 2, 3`,
];
