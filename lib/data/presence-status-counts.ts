// Keeps the PresenceStatusCount projection (presences per country, organisation type and
// current status) in step with the Presence rows (and, on a type change, the history in
// status-count-history.ts). Called in the transaction of every write
// that changes a presence's status or an organisation's type. It checks no user: it only
// adjusts derived rows for a write already allowed.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { STATUSES, type OrganisationType, type Status } from "@/lib/domain/vocabulary";
import { countersOf, recountStatusHistory } from "./status-count-history";

export interface StatusCountChange {
  countryIso3: string;
  organisationType: OrganisationType;
  status: Status;
  delta: number;
}

const key = (c: StatusCountChange) => `${c.countryIso3}|${c.organisationType}|${c.status}`;

/**
 * Applies the changes in one statement, net per counter and in key order: two transactions
 * that move presences in opposite directions then lock the counters in the same order and
 * cannot deadlock.
 */
export async function adjustStatusCounts(tx: Tx, changes: StatusCountChange[]): Promise<void> {
  const net = new Map<string, StatusCountChange>();
  for (const change of changes) {
    const entry = net.get(key(change)) ?? { ...change, delta: 0 };
    entry.delta += change.delta;
    net.set(key(change), entry);
  }
  const rows = [...net.entries()].filter(([, c]) => c.delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  if (rows.length === 0) return;
  const values = rows.map((c) => Prisma.sql`(${c.countryIso3}, ${c.organisationType}::"OrganisationType", ${c.status}::"Status", ${c.delta}::int)`);
  await tx.$executeRaw`
    INSERT INTO "PresenceStatusCount" ("countryIso3", "organisationType", status, presences)
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("countryIso3", "organisationType", status) DO UPDATE SET presences = "PresenceStatusCount".presences + EXCLUDED.presences`;
}

/** One presence's status changed (null: none). */
export function statusChange(countryIso3: string, organisationType: OrganisationType, before: Status | null, after: Status | null): StatusCountChange[] {
  if (before === after) return [];
  return [
    ...(before ? [{ countryIso3, organisationType, status: before, delta: -1 }] : []),
    ...(after ? [{ countryIso3, organisationType, status: after, delta: 1 }] : []),
  ];
}

/**
 * An organisation's type changed (its row already updated in this transaction): its
 * presences move from the counters of one type to the other, now and in the history.
 */
export async function moveOrganisationType(tx: Tx, organisationId: number, before: OrganisationType, after: OrganisationType): Promise<void> {
  if (before === after) return;
  const presences = await tx.presence.findMany({ where: { organisationId }, select: { countryIso3: true, status: true } });
  // The history first: every writer takes the history's advisory locks before the counters'
  // row locks (refreshPresenceProjection does too), so two writers cannot deadlock.
  const countries = [...new Set(presences.map((p) => p.countryIso3))];
  await recountStatusHistory(tx, countries.flatMap((country) => [...countersOf(country, before, STATUSES), ...countersOf(country, after, STATUSES)]));
  await adjustStatusCounts(
    tx,
    presences.flatMap(({ countryIso3, status }) => status ? [
      { countryIso3, organisationType: before, status, delta: -1 },
      { countryIso3, organisationType: after, status, delta: 1 },
    ] : []),
  );
}

/** The counters recounted from the Presence rows. */
export const RECOUNT_PRESENCE_STATUS = Prisma.sql`
  SELECT p."countryIso3", o.type AS "organisationType", p.status, count(*)::int AS presences
  FROM "Presence" p JOIN "Organisation" o ON o.id = p."organisationId"
  WHERE p.status IS NOT NULL
  GROUP BY 1, 2, 3`;

/** Rebuilds the whole projection (bulk loads, test fixtures); expects an empty table. */
export const REBUILD_PRESENCE_STATUS_COUNTS = Prisma.sql`
  INSERT INTO "PresenceStatusCount" ("countryIso3", "organisationType", status, presences) ${RECOUNT_PRESENCE_STATUS}`;
