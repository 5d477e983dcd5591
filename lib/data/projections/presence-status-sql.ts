// The status of every presence as of a date, in SQL: the same rule as projectPresence()
// in lib/domain/presence-projection.ts (an integration test checks that they agree).
// - the latest published event that leads to a status gives the status;
// - "since" is the first event of the unbroken run of events leading to that status;
// - people affected is the latest figure given within that run.
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDate } from "@/lib/domain/partial-date";
import { publishedEvent } from "@/lib/data/sql-fragments";

/**
 * CTE `presence_status` (presence_id, status, since, since_precision, since_event_id,
 * people_affected): one row per presence that has a status on `asOf` (inclusive).
 *
 * It reads projections that every write rewrites in its own transaction, so they are never
 * stale. Viewed as of today (the default): the current status kept on each Presence row (no
 * event can be dated after today, edits refuse future dates, so "all events" and "events
 * up to today" are the same). Any earlier date: the status history (PresenceStatusPeriod).
 * presenceStatusFromEvents() computes the same from the events themselves.
 */
export function presenceStatusCte(asOf: Date, today = new Date()): Prisma.Sql {
  return readsProjection(asOf, today) ? presenceStatusFromProjection() : presenceStatusFromPeriods(asOf);
}

/** Whether a view date can be answered from the stored projection. */
export function readsProjection(asOf: Date, today = new Date()): boolean {
  return isoDate(asOf) >= isoDate(today);
}

export function presenceStatusFromProjection(): Prisma.Sql {
  return Prisma.sql`
    presence_status AS NOT MATERIALIZED (
      SELECT id AS presence_id, status, since, "sincePrecision" AS since_precision, "sinceEventId" AS since_event_id,
             "peopleAffected" AS people_affected
      FROM "Presence" WHERE status IS NOT NULL
    )`;
}

export function presenceStatusFromPeriods(asOf: Date): Prisma.Sql {
  return Prisma.sql`
    presence_status AS NOT MATERIALIZED (
      SELECT "presenceId" AS presence_id, status, since, "sincePrecision" AS since_precision, "sinceEventId" AS since_event_id,
             "peopleAffected" AS people_affected
      FROM "PresenceStatusPeriod" WHERE daterange("validFrom", "validUntil") @> ${isoDate(asOf)}::date
    )`;
}

/** The same CTE computed from the events themselves, for any date (and to check the projection). */
export function presenceStatusFromEvents(asOf: Date): Prisma.Sql {
  const day = isoDate(asOf);
  return Prisma.sql`
    status_events AS (
      SELECT e."presenceId" AS presence_id, e.id, e."occurredOn", e."datePrecision", e."resultingStatus", e."peopleAffected",
             first_value(e."resultingStatus") OVER newest_first AS latest_status
      FROM "AccessEvent" e
      WHERE e."presenceId" IS NOT NULL AND ${publishedEvent("e")}
        AND e."resultingStatus" IS NOT NULL AND e."occurredOn" <= ${day}::date
      WINDOW newest_first AS (PARTITION BY e."presenceId" ORDER BY e."occurredOn" DESC, e.id DESC)
    ),
    status_runs AS (
      -- Walking back from the newest event, an event is in the run until one with another status is met.
      SELECT *, bool_or("resultingStatus" <> latest_status) OVER (
               PARTITION BY presence_id ORDER BY "occurredOn" DESC, id DESC ROWS UNBOUNDED PRECEDING) AS before_run
      FROM status_events
    ),
    presence_status AS (
      SELECT presence_id,
             (array_agg(latest_status))[1] AS status,
             (array_agg("occurredOn" ORDER BY "occurredOn", id))[1] AS since,
             (array_agg("datePrecision" ORDER BY "occurredOn", id))[1] AS since_precision,
             (array_agg(id ORDER BY "occurredOn", id))[1] AS since_event_id,
             (array_agg("peopleAffected" ORDER BY "occurredOn" DESC, id DESC) FILTER (WHERE "peopleAffected" IS NOT NULL))[1] AS people_affected
      FROM status_runs
      WHERE NOT before_run
      GROUP BY presence_id
    )`;
}
