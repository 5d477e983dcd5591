// Rewrites a presence's stored projections from its events: the current status on the
// Presence row, its status history (PresenceStatusPeriod) and the status counters over
// time (StatusCountPeriod). Called inside the transaction
// of every write that touches events (and by the seed). It checks no user: it only
// recomputes derived rows from rows the caller has already been allowed to write.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { isoDate } from "@/lib/domain/partial-date";
import { projectPeriods, projectPresence } from "@/lib/domain/presence-projection";
import type { OrganisationType, Status } from "@/lib/domain/vocabulary";
import { countersOf, recountStatusHistory } from "@/lib/data/projections/status-count-history";
import { statusEvent } from "@/lib/data/sql-fragments";

type CountedPeriod = { validFrom: Date; validUntil: Date | null; status: Status };

/** What the counters' history depends on: the periods' days and statuses (not since or people). */
const countedShape = (periods: CountedPeriod[]) =>
  periods.map((p) => `${isoDate(p.validFrom)}/${p.validUntil ? isoDate(p.validUntil) : ""}/${p.status}`).join(",");

/** Returns whether the current status changed. */
export async function refreshPresenceProjection(tx: Tx, presenceId: number): Promise<boolean> {
  const [presence, events, storedPeriods] = await Promise.all([
    tx.presence.findUniqueOrThrow({ where: { id: presenceId } }),
    tx.accessEvent.findMany({
      where: { presenceId },
      select: { id: true, resultingStatus: true, occurredOn: true, datePrecision: true, peopleAffected: true, reviewState: true },
    }),
    tx.presenceStatusPeriod.findMany({ where: { presenceId }, select: { validFrom: true, validUntil: true, status: true }, orderBy: { validFrom: "asc" } }),
  ]);
  const projection = projectPresence(events);
  const periods = projectPeriods(events);
  // A change of the current status changes the last period, so this covers it too.
  const historyChanged = countedShape(storedPeriods) !== countedShape(periods);
  let organisationType: OrganisationType | null = null;
  if (historyChanged) {
    // FOR SHARE: an edit of the organisation's type (which moves its counters) either
    // commits first, and we count under the new type, or waits until we have committed.
    const [organisation] = await tx.$queryRaw<{ type: OrganisationType }[]>`
      SELECT type::text AS type FROM "Organisation" WHERE id = ${presence.organisationId} FOR SHARE`;
    organisationType = organisation!.type;
  }
  await tx.presenceStatusPeriod.deleteMany({ where: { presenceId } });
  await tx.presenceStatusPeriod.createMany({ data: periods.map((period) => ({ presenceId, ...period })) });
  if (historyChanged) {
    const statuses = [...storedPeriods, ...periods].map((p) => p.status);
    await recountStatusHistory(tx, countersOf(presence.countryIso3, organisationType!, statuses));
  }
  const unchanged =
    presence.status === projection.status &&
    presence.since?.getTime() === projection.since?.getTime() &&
    presence.sincePrecision === projection.sincePrecision &&
    presence.peopleAffected === projection.peopleAffected &&
    presence.sinceEventId === (projection.statusEventIds[0] ?? null);
  if (unchanged) return false;
  await tx.presence.update({
    where: { id: presenceId },
    data: {
      status: projection.status,
      since: projection.since,
      sincePrecision: projection.sincePrecision,
      peopleAffected: projection.peopleAffected,
      sinceEventId: projection.statusEventIds[0] ?? null,
    },
  });
  return true;
}

/**
 * Rebuilds every presence's status history from the events in one statement (bulk loads,
 * and the test that checks the projection); the same statement backfilled it in its
 * migration. Expects an empty PresenceStatusPeriod table.
 */
export const REBUILD_PRESENCE_PERIODS = Prisma.sql`
WITH status_events AS (
  SELECT e."presenceId" AS presence_id, e.id, e."occurredOn" AS day, e."datePrecision" AS precision, e."resultingStatus" AS status,
         e."peopleAffected" AS people, lag(e."resultingStatus") OVER (PARTITION BY e."presenceId" ORDER BY e."occurredOn", e.id) AS previous_status
  FROM "AccessEvent" e
  WHERE e."presenceId" IS NOT NULL AND ${statusEvent("e")}
), runs AS (
  SELECT *, count(*) FILTER (WHERE previous_status IS DISTINCT FROM status) OVER (PARTITION BY presence_id ORDER BY day, id) AS run
  FROM status_events
), states AS (
  SELECT presence_id, day, status,
         first_value(day) OVER run_so_far AS since, first_value(precision) OVER run_so_far AS since_precision,
         first_value(id) OVER run_so_far AS since_event_id,
         array_agg(people) FILTER (WHERE people IS NOT NULL) OVER run_so_far AS people_so_far,
         row_number() OVER (PARTITION BY presence_id, day ORDER BY id DESC) AS from_last_of_day
  FROM runs
  WINDOW run_so_far AS (PARTITION BY presence_id, run ORDER BY day, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
INSERT INTO "PresenceStatusPeriod" ("presenceId", "validFrom", "validUntil", status, since, "sincePrecision", "sinceEventId", "peopleAffected")
SELECT presence_id, day, lead(day) OVER (PARTITION BY presence_id ORDER BY day), status, since, since_precision, since_event_id,
       people_so_far[array_upper(people_so_far, 1)]
FROM states WHERE from_last_of_day = 1`;
