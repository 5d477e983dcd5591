// Keeps the EventMonthTotal projection in step with the events: called in the transaction
// of every event write with the event as it was and as it is now. Only published events
// count. It checks no user: it only adjusts derived rows for a write already allowed.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { isoDate } from "@/lib/domain/partial-date";
import type { EventKind, ReviewState, Status } from "@/lib/domain/vocabulary";
import type { Category } from "@/lib/domain/constraints";
import { publishedEvent } from "@/lib/data/sql-fragments";

export interface CountedEvent {
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

export async function recountEvent(tx: Tx, before: CountedEvent | null, after: CountedEvent | null): Promise<void> {
  for (const [event, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!event || event.reviewState !== "PUBLISHED") continue;
    const people = event.peopleAffected;
    await tx.$executeRaw`
      INSERT INTO "EventMonthTotal" (month, kind, "statusKey", events, "peopleEvents", people)
      VALUES (date_trunc('month', ${isoDate(event.occurredOn)}::date)::date, ${event.kind}::"EventKind", ${event.resultingStatus ?? ""},
              ${sign}, ${people === null ? 0 : sign}, ${sign * (people ?? 0)})
      ON CONFLICT (month, kind, "statusKey") DO UPDATE SET
        events = "EventMonthTotal".events + EXCLUDED.events,
        "peopleEvents" = "EventMonthTotal"."peopleEvents" + EXCLUDED."peopleEvents",
        people = "EventMonthTotal".people + EXCLUDED.people`;
    if (!isConstraint(event)) continue;
    await tx.$executeRaw`
      INSERT INTO "ConstraintMonthTotal" (month, "countryIso3", category, events)
      VALUES (date_trunc('month', ${isoDate(event.occurredOn)}::date)::date, ${event.countryIso3}, ${event.category}::"ConstraintCategory", ${sign})
      ON CONFLICT (month, "countryIso3", category) DO UPDATE SET events = "ConstraintMonthTotal".events + EXCLUDED.events`;
  }
}

/** Recounts the constraint totals from the events (the migration that made them, bulk loads, tests). */
export const REBUILD_CONSTRAINT_MONTH_TOTALS = Prisma.sql`
  INSERT INTO "ConstraintMonthTotal" (month, "countryIso3", category, events)
  SELECT date_trunc('month', "occurredOn")::date, "countryIso3", category, count(*)
  FROM "AccessEvent" WHERE ${publishedEvent('"AccessEvent"')} AND category IS NOT NULL AND "parentEventId" IS NULL
  GROUP BY 1, 2, 3`;

/** Recounts the whole projection from the events (bulk loads, and tests that check it). */
export const REBUILD_EVENT_MONTH_TOTALS = Prisma.sql`
  INSERT INTO "EventMonthTotal" (month, kind, "statusKey", events, "peopleEvents", people)
  SELECT date_trunc('month', "occurredOn")::date, kind, coalesce("resultingStatus"::text, ''), count(*),
         count("peopleAffected"), coalesce(sum("peopleAffected"), 0)
  FROM "AccessEvent" WHERE ${publishedEvent('"AccessEvent"')}
  GROUP BY 1, 2, 3`;

/**
 * Many events at once (an import's batch, or its undo with sign -1): what recountEvent adds
 * (or removes) for each, summed per month and key first, in two statements.
 */
export async function countEvents(tx: Tx, events: CountedEvent[], sign: 1 | -1 = 1): Promise<void> {
  const monthly = new Map<string, { month: string; kind: EventKind; statusKey: string; events: number; peopleEvents: number; people: number }>();
  const constraints = new Map<string, { month: string; countryIso3: string; category: Category; events: number }>();
  for (const event of events) {
    if (event.reviewState !== "PUBLISHED") continue;
    const month = `${isoDate(event.occurredOn).slice(0, 7)}-01`;
    const statusKey = event.resultingStatus ?? "";
    const key = `${month}|${event.kind}|${statusKey}`;
    const total = monthly.get(key) ?? { month, kind: event.kind, statusKey, events: 0, peopleEvents: 0, people: 0 };
    total.events += sign;
    if (event.peopleAffected !== null) {
      total.peopleEvents += sign;
      total.people += sign * event.peopleAffected;
    }
    monthly.set(key, total);
    if (!isConstraint(event)) continue;
    const constraintKey = `${month}|${event.countryIso3}|${event.category}`;
    const counted = constraints.get(constraintKey) ?? { month, countryIso3: event.countryIso3, category: event.category!, events: 0 };
    counted.events += sign;
    constraints.set(constraintKey, counted);
  }
  const m = [...monthly.values()];
  if (m.length) {
    await tx.$executeRaw`
      INSERT INTO "EventMonthTotal" (month, kind, "statusKey", events, "peopleEvents", people)
      SELECT * FROM unnest(${m.map((t) => t.month)}::date[], ${m.map((t) => t.kind)}::"EventKind"[], ${m.map((t) => t.statusKey)}::text[],
                           ${m.map((t) => t.events)}::int[], ${m.map((t) => t.peopleEvents)}::int[], ${m.map((t) => t.people)}::bigint[])
      ON CONFLICT (month, kind, "statusKey") DO UPDATE SET
        events = "EventMonthTotal".events + EXCLUDED.events,
        "peopleEvents" = "EventMonthTotal"."peopleEvents" + EXCLUDED."peopleEvents",
        people = "EventMonthTotal".people + EXCLUDED.people`;
  }
  const c = [...constraints.values()];
  if (c.length) {
    await tx.$executeRaw`
      INSERT INTO "ConstraintMonthTotal" (month, "countryIso3", category, events)
      SELECT * FROM unnest(${c.map((t) => t.month)}::date[], ${c.map((t) => t.countryIso3)}::varchar[], ${c.map((t) => t.category)}::"ConstraintCategory"[], ${c.map((t) => t.events)}::int[])
      ON CONFLICT (month, "countryIso3", category) DO UPDATE SET events = "ConstraintMonthTotal".events + EXCLUDED.events`;
  }
}
