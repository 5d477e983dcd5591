// The audit log as a table: who did what to which record, newest first.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TableQuery } from "@/lib/domain/tables/query";
import type { AuditRow } from "@/lib/domain/tables/rows";
import { isoDate } from "@/lib/domain/partial-date";
import type { TableDefinition } from "./table-sql";
import { anyContains } from "@/lib/data/search-sql";

export function auditTable(query: TableQuery): TableDefinition {
  const { filters } = query;
  // Entries up to the end of the as-of day.
  const conditions: Prisma.Sql[] = [Prisma.sql`a."createdAt" < ${isoDate(query.asOf)}::date + 1`];
  if (filters.q) {
    conditions.push(
      anyContains([Prisma.sql`a.action`, Prisma.sql`a."entityType"`, Prisma.sql`a."entityId"`, Prisma.sql`u.email`, Prisma.sql`u.name`], filters.q),
    );
  }
  if (filters.actor) conditions.push(anyContains([Prisma.sql`u.email`, Prisma.sql`u.name`], filters.actor));
  if (filters.action) conditions.push(Prisma.sql`a.action = ${filters.action}`);
  if (filters.entityType) conditions.push(Prisma.sql`a."entityType" = ${filters.entityType}`);
  if (filters.hide === "exports") conditions.push(Prisma.sql`a.action <> 'export'`);
  if (filters.from) conditions.push(Prisma.sql`a."createdAt" >= ${isoDate(filters.from)}::date`);
  if (filters.to) conditions.push(Prisma.sql`a."createdAt" < ${isoDate(filters.to)}::date + 1`);
  return {
    ctes: null,
    select: Prisma.sql`a.id, to_char(a."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, u.email AS actor_email,
      u.name AS actor_name, a.action, a."entityType" AS entity_type, a."entityId" AS entity_id, a.before, a.after`,
    from: Prisma.sql`FROM "AuditEntry" a LEFT JOIN "User" u ON u.id = a."actorId"`,
    conditions,
    id: Prisma.sql`a.id`,
    sortKeys: {
      createdAt: { expr: Prisma.sql`a."createdAt"`, type: "timestamp" },
      actor: { expr: Prisma.sql`coalesce(u.email, '') COLLATE "und-x-icu"`, type: "text" },
      action: { expr: Prisma.sql`a.action`, type: "text" },
      entityType: { expr: Prisma.sql`a."entityType"`, type: "text" },
    },
  };
}

export function toAuditRow(r: Record<string, unknown>): AuditRow {
  return {
    id: r.id as number,
    createdAt: r.created_at as string,
    actorEmail: r.actor_email as string | null,
    actorName: r.actor_name as string | null,
    action: r.action as string,
    entityType: r.entity_type as string,
    entityId: r.entity_id as string,
    before: r.before,
    after: r.after,
  };
}
