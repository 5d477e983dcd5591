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
