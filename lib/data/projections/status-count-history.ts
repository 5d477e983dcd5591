// Keeps the StatusCountPeriod projection (how many presences had each status, per country
// and organisation type, over time; the open rows are the current counts) in step with the
// status periods and the organisations' types. A write recomputes the
// counters it touched from scratch, from PresenceStatusPeriod, in its own transaction: a few
// hundred period rows per counter, and the same statement as the bulk rebuild, so the rule
// exists once. It checks no user: it only recomputes derived rows for a write already allowed.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { STATUSES, type OrganisationType, type Status } from "@/lib/domain/vocabulary";

export interface CounterKey {
  countryIso3: string;
  organisationType: OrganisationType;
  status: Status;
}

/**
 * The counters' history recounted from the status periods of the presences matching
 * `condition` (aliases p: Presence, o: Organisation, s: PresenceStatusPeriod): each period
 * adds one from its first day and removes it from the first day of the next; days on which
 * the count does not change and times when it is zero are left out.
 */
function recount(condition: Prisma.Sql): Prisma.Sql {
  const periods = Prisma.sql`"PresenceStatusPeriod" s JOIN "Presence" p ON p.id = s."presenceId" JOIN "Organisation" o ON o.id = p."organisationId"`;
  return Prisma.sql`
    WITH changes AS (
      SELECT p."countryIso3" AS country, o.type, s.status, s."validFrom" AS day, 1 AS delta FROM ${periods} WHERE ${condition}
      UNION ALL
      SELECT p."countryIso3", o.type, s.status, s."validUntil", -1 FROM ${periods} WHERE ${condition} AND s."validUntil" IS NOT NULL
    ), days AS (
      SELECT country, type, status, day, sum(delta) AS delta FROM changes GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ), running AS (
      SELECT country, type, status, day, lead(day) OVER counter AS next_day, sum(delta) OVER (counter ROWS UNBOUNDED PRECEDING) AS presences
      FROM days WINDOW counter AS (PARTITION BY country, type, status ORDER BY day)
    )
    INSERT INTO "StatusCountPeriod" ("countryIso3", "organisationType", status, "validFrom", "validUntil", presences)
    SELECT country, type, status, day, next_day, presences::int FROM running WHERE presences <> 0`;
}

/** Rebuilds the whole projection (bulk loads, test fixtures, the migration's backfill); expects an empty table. */
export const REBUILD_STATUS_COUNT_HISTORY = recount(Prisma.sql`TRUE`);

const keyText = (key: CounterKey) => `${key.countryIso3}|${key.organisationType}|${key.status}`;

/**
 * Recomputes the history of the given counters. Two writes touching one counter take turns
 * (a transaction-level advisory lock per counter, taken in one order by every writer, so
 * they cannot deadlock); the one that waited then recounts with the other's periods.
 */
export async function recountStatusHistory(tx: Tx, keys: CounterKey[]): Promise<void> {
  const unique = [...new Map(keys.map((key) => [keyText(key), key])).values()];
  if (unique.length === 0) return;
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(lock)) FROM (
      SELECT DISTINCT hashtextextended('StatusCountPeriod|' || key, 0) AS lock FROM unnest(${unique.map(keyText)}::text[]) AS key ORDER BY lock
    ) AS in_order`;
  const tuples = Prisma.join(unique.map((k) => Prisma.sql`(${k.countryIso3}, ${k.organisationType}::"OrganisationType", ${k.status}::"Status")`));
  await tx.$executeRaw`DELETE FROM "StatusCountPeriod" WHERE ("countryIso3", "organisationType", status) IN (${tuples})`;
  await tx.$executeRaw(recount(Prisma.sql`(p."countryIso3", o.type, s.status) IN (${tuples})`));
}

/**
 * An organisation's type changed (its row already updated in this transaction): its
 * presences move from the counters of one type to the other.
 */
export async function moveOrganisationType(tx: Tx, organisationId: number, before: OrganisationType, after: OrganisationType): Promise<void> {
  if (before === after) return;
  const presences = await tx.presence.findMany({ where: { organisationId }, select: { countryIso3: true }, distinct: ["countryIso3"] });
  await recountStatusHistory(
    tx,
    presences.flatMap(({ countryIso3 }) => [...countersOf(countryIso3, before, STATUSES), ...countersOf(countryIso3, after, STATUSES)]),
  );
}

/** Every counter of one country and organisation type, for the given statuses. */
export const countersOf = (countryIso3: string, organisationType: OrganisationType, statuses: Iterable<Status>): CounterKey[] =>
  [...new Set(statuses)].map((status) => ({ countryIso3, organisationType, status }));
