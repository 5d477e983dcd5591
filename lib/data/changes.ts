import "server-only";
// Reading the change log (written by triggers, see DataChange in schema.prisma) for
// `GET /api/v1/changes`: in (txid, seq) order, and only changes of transactions older than
// the oldest one still running. Every change below that horizon has committed or rolled
// back for good, so the slice a client has read never grows behind its cursor: polling
// skips nothing and repeats nothing, even while others write. A long transaction (a large
// import) holds later changes back until it ends, rather than letting them overtake it.
import { pool } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import type { Status } from "@/lib/domain/vocabulary";
import { changeEntityPath, encodeChangeCursor, type ChangeKind, type ChangePosition } from "@/lib/domain/changes";

export interface ChangeItem {
  kind: ChangeKind;
  /** When the changing transaction began (UTC). */
  changedAt: string;
  entity: { type: string; id: number; href: string | null };
  countryIso3: string | null;
  organisationId: number | null;
  /** A presence's status before and after this change; null for other entities. */
  status: { from: Status | null; to: Status | null } | null;
}

export interface ChangeQuery {
  since: Date | null;
  after: ChangePosition | null;
  kinds: readonly ChangeKind[] | null;
  country: string | null;
  organisation: number | null;
  limit: number;
}

export interface ChangeSlice {
  data: ChangeItem[];
  /** Where to continue: the last change served, or the cursor given when there was none. */
  nextCursor: string | null;
  /** More changes were already waiting beyond this slice. */
  hasMore: boolean;
}

export interface ChangeRow {
  seq: string;
  txid: string;
  changed_at: string;
  kind: ChangeKind;
  entity_type: string;
  entity_id: number;
  country_iso3: string | null;
  organisation_id: number | null;
  status: Status | null;
  previous_status: Status | null;
}

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The columns of ChangeRow, from "DataChange" c. */
export const CHANGE_COLUMNS = `c.seq::text, c.txid::text, to_char(c."changedAt", ${ISO_UTC}) AS changed_at, c.kind, c."entityType" AS entity_type,
  c."entityId" AS entity_id, c."countryIso3" AS country_iso3, c."organisationId" AS organisation_id,
  c.status::text AS status, c."previousStatus"::text AS previous_status`;

/** A change as the API (and a webhook delivery) shows it. */
export function changeItemOf(r: ChangeRow): ChangeItem {
  return {
    kind: r.kind,
    changedAt: r.changed_at,
    entity: {
      type: r.entity_type,
      id: r.entity_id,
      href: changeEntityPath({ entityType: r.entity_type, entityId: r.entity_id, countryIso3: r.country_iso3, organisationId: r.organisation_id }),
    },
    countryIso3: r.country_iso3,
    organisationId: r.organisation_id,
    status: r.entity_type === "Presence" ? { from: r.previous_status, to: r.status } : null,
  };
}

export async function listChanges(actor: Actor | null, query: ChangeQuery): Promise<ChangeSlice> {
  authorize(actor, "read");
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const conditions = [`c.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`];
  if (query.after) conditions.push(`(c.txid, c.seq) > (${param(String(query.after.txid))}::bigint, ${param(String(query.after.seq))}::bigint)`);
  if (query.since) conditions.push(`c."changedAt" >= (${param(query.since.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  if (query.kinds) conditions.push(`c.kind = ANY(${param(query.kinds)}::text[])`);
  if (query.country) conditions.push(`c."countryIso3" = ${param(query.country)}`);
  if (query.organisation !== null) conditions.push(`c."organisationId" = ${param(query.organisation)}::int`);
  const { rows } = await pool().query<ChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM "DataChange" c WHERE ${conditions.join(" AND ")}
     ORDER BY c.txid, c.seq LIMIT ${param(query.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(changeItemOf),
    nextCursor: last ? encodeChangeCursor({ txid: BigInt(last.txid), seq: BigInt(last.seq) }) : query.after ? encodeChangeCursor(query.after) : null,
    hasMore: rows.length > query.limit,
  };
}

/**
 * When the data last changed, for Last-Modified: the newest change or audit entry (every
 * write is audited, also those the change log does not list, such as a source added to an
 * event); null before any.
 */
export async function dataLastModified(): Promise<Date | null> {
  const { rows } = await pool().query<{ at: string | null }>(
    `SELECT to_char(greatest((SELECT max("changedAt") FROM "DataChange"), (SELECT max("createdAt") FROM "AuditEntry")), ${ISO_UTC}) AS at`,
  );
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

export interface ChangedEntity {
  entityId: number;
  /** Its latest change in the slice read: kind and time. */
  kind: ChangeKind;
  changedAt: string;
  position: ChangePosition;
}

/**
 * The entities of one type changed since an instant, each once, at its latest change, in the
 * log's order and below the horizon of running writers: the `updatedSince` lists. An entity
 * changed again after a client read it comes again, further on; nothing is skipped.
 */
export async function listChangedEntities(
  actor: Actor | null,
  query: {
    entityType: "AccessEvent" | "Organisation" | "Presence";
    since: Date;
    after: ChangePosition | null;
    country: string | null;
    organisation: number | null;
    limit: number;
  },
): Promise<{ entities: ChangedEntity[]; nextCursor: string | null; hasMore: boolean }> {
  authorize(actor, "read");
  const values: unknown[] = [query.entityType, query.since.toISOString()];
  const param = (value: unknown) => `$${values.push(value)}`;
  const conditions = [
    `c."entityType" = $1`,
    `c."changedAt" >= ($2::timestamptz AT TIME ZONE 'UTC')`,
    `c.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
  ];
  if (query.country) conditions.push(`c."countryIso3" = ${param(query.country)}`);
  if (query.organisation !== null) conditions.push(`c."organisationId" = ${param(query.organisation)}::int`);
  // Each entity at its latest change beyond the cursor. Reading only the changes beyond it is
  // exact: an entity whose latest change is beyond the cursor has that change among them, and
  // one whose latest change the client has already read has none (so it is not repeated).
  if (query.after) conditions.push(`(c.txid, c.seq) > (${param(String(query.after.txid))}::bigint, ${param(String(query.after.seq))}::bigint)`);
  const { rows } = await pool().query<{ entity_id: number; kind: ChangeKind; changed_at: string; txid: string; seq: string }>(
    `SELECT * FROM (
       SELECT DISTINCT ON (c."entityId") c."entityId" AS entity_id, c.kind, to_char(c."changedAt", ${ISO_UTC}) AS changed_at, c.txid, c.seq
       FROM "DataChange" c WHERE ${conditions.join(" AND ")}
       ORDER BY c."entityId", c.txid DESC, c.seq DESC
     ) latest
     ORDER BY latest.txid, latest.seq LIMIT ${param(query.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, query.limit).map((r) => ({
    entityId: r.entity_id,
    kind: r.kind,
    changedAt: r.changed_at,
    position: { txid: BigInt(r.txid), seq: BigInt(r.seq) },
  }));
  const last = page.at(-1);
  return {
    entities: page,
    nextCursor: last ? encodeChangeCursor(last.position) : query.after ? encodeChangeCursor(query.after) : null,
    hasMore: rows.length > query.limit,
  };
}
