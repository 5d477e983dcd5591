import "server-only";
// "Last changed by … on …" for an organisation or a country: the newest audit entry about
// the record itself, its presences or their events.
import { pool } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";

export interface LastChange {
  at: string;
  by: string | null;
  action: string;
}

export async function lastChange(actor: Actor | null, subject: { organisationId: number } | { countryIso3: string }): Promise<LastChange | null> {
  authorize(actor, "read");
  const [presences, events, self] =
    "organisationId" in subject
      ? [
          `SELECT id::text FROM "Presence" WHERE "organisationId" = $1::int`,
          `SELECT e.id::text FROM "AccessEvent" e JOIN "Presence" p ON p.id = e."presenceId" WHERE p."organisationId" = $1::int`,
          `(a."entityType" = 'Organisation' AND a."entityId" = $1::text)`,
        ]
      : [`SELECT id::text FROM "Presence" WHERE "countryIso3" = $1`, `SELECT id::text FROM "AccessEvent" WHERE "countryIso3" = $1`, "FALSE"];
  const value = "organisationId" in subject ? String(subject.organisationId) : subject.countryIso3;
  const { rows } = await pool().query<{ at: string; by: string | null; action: string }>(
    `SELECT to_char(a."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, u.name AS by, a.action
     FROM "AuditEntry" a LEFT JOIN "User" u ON u.id = a."actorId"
     WHERE ${self}
        OR (a."entityType" = 'Presence' AND a."entityId" IN (${presences}))
        OR (a."entityType" = 'AccessEvent' AND a."entityId" IN (${events}))
     ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1`,
    [value],
  );
  return rows[0] ?? null;
}
