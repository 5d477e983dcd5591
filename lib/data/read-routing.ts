import "server-only";
// Reads on the streaming replica (DATABASE_REPLICA_URL), by the rule in
// lib/domain/read-routing.ts. Each instance polls the replica's health and replay position
// a few times a second; each user's last write is recorded on the primary (ReadAfterWrite),
// so the rule holds whichever instance wrote and whichever reads. Without a replica, every
// function here hands out the primary and records nothing.
import type pg from "pg";
import { db, exportPool, pool, replicaPools, type PrismaClient } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Actor } from "@/lib/domain/actor";
import { chooseReadServer, isReplicaFailure, replicaLagSeconds, type ReadServer, type ReplicaStatus } from "@/lib/domain/read-routing";

const POLL_MS = 200;

const state = globalThis as unknown as { replicaStatus?: ReplicaStatus; replicaPoller?: NodeJS.Timeout; replicaPolling?: boolean };

async function poll(): Promise<void> {
  const replica = replicaPools();
  if (!replica || state.replicaPolling) return;
  state.replicaPolling = true;
  const was = state.replicaStatus?.available;
  try {
    // The primary's position first: a replica that has replayed it was caught up at that moment.
    const primary = await pool().query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
    const { rows } = await replica.pool.query<{ standby: boolean; replayed: string | null; since: number | null }>(
      `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed,
              extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 AS since`,
    );
    const row = rows[0];
    const replayed = row?.standby ? row.replayed : null;
    state.replicaStatus = {
      available: replayed !== null,
      replayedLsn: replayed,
      lagSeconds: replayed === null ? null : replicaLagSeconds(primary.rows[0]!.lsn, replayed, row?.since ?? null),
    };
    if (row && !row.standby && was !== false) console.warn("[db] DATABASE_REPLICA_URL is not a standby: every read goes to the primary.");
  } catch (error) {
    state.replicaStatus = { available: false, replayedLsn: null, lagSeconds: null };
    if (was !== false) console.warn(`[db] The replica is unreachable, reads go to the primary: ${error instanceof Error ? error.message : error}`);
  } finally {
    state.replicaPolling = false;
  }
  if (was === false && state.replicaStatus?.available) console.warn("[db] The replica is back: it serves reads again.");
}

function replicaStatus(): ReplicaStatus | null {
  if (!replicaPools()) return null;
  if (!state.replicaPoller) {
    state.replicaPoller = setInterval(() => void poll(), POLL_MS);
    state.replicaPoller.unref();
    void poll();
  }
  return state.replicaStatus ?? null;
}

/** Where this actor's reads go now. */
/** A WAL position no server reaches: reads by an actor carrying it stay on the primary. */
export const ON_PRIMARY = "FFFFFFFF/FFFFFFFF";

export function readServer(actor: Actor | null): ReadServer {
  return chooseReadServer(replicaStatus(), actor?.readAfterLsn, getEnv().REPLICA_MAX_LAG_SECONDS);
}

/** For the page and API reads that may be a moment old for others, never for their reader. */
export function readDb(actor: Actor | null): PrismaClient {
  return readServer(actor) === "replica" ? replicaPools()!.prisma : db();
}

export function readPool(actor: Actor | null): pg.Pool {
  return readServer(actor) === "replica" ? replicaPools()!.pool : pool();
}

/**
 * A read by the rule, run again on the primary when the replica fails under it (between two
 * polls a replica can go down; a hot standby can cancel a query that conflicts with replay).
 */
export async function readQuery<R extends pg.QueryResultRow>(actor: Actor | null, config: pg.QueryConfig): Promise<pg.QueryResult<R>> {
  if (readServer(actor) !== "replica") return pool().query<R>(config);
  try {
    return await replicaPools()!.pool.query<R>(config);
  } catch (error) {
    if (!isReplicaFailure(error)) throw error;
    state.replicaStatus = { available: false, replayedLsn: null, lagSeconds: null };
    return pool().query<R>(config);
  }
}

/** Exports: the replica's export pool, or the primary's. */
export function readExportPool(actor: Actor | null): pg.Pool {
  return readServer(actor) === "replica" ? replicaPools()!.exportPool : exportPool();
}

/** For the health check: the replica's state as this instance last saw it, or null without one. */
export function replicaHealth(): (ReplicaStatus & { serving: boolean }) | null {
  const status = replicaStatus();
  if (!replicaPools()) return null;
  const current = status ?? { available: false, replayedLsn: null, lagSeconds: null };
  return { ...current, serving: chooseReadServer(current, null, getEnv().REPLICA_MAX_LAG_SECONDS) === "replica" };
}

/** The WAL position the user's reads must see (their last write), read on the primary; null without a replica. */
export async function readAfterLsnOf(userId: number): Promise<string | null> {
  if (!replicaPools()) return null;
  const { rows } = await pool().query<{ lsn: string }>(`SELECT lsn::text AS lsn FROM "ReadAfterWrite" WHERE "userId" = $1`, [userId]);
  return rows[0]?.lsn ?? null;
}

/**
 * After a write has committed: records the primary's WAL position for the user, and this
 * request's actor reads from the primary from now on (the page rendered after a save).
 */
export async function recordWrite(actor: Actor): Promise<void> {
  if (!replicaPools()) return;
  const { rows } = await pool().query<{ lsn: string }>(
    `INSERT INTO "ReadAfterWrite" ("userId", lsn) VALUES ($1, pg_current_wal_insert_lsn())
     ON CONFLICT ("userId") DO UPDATE SET lsn = greatest("ReadAfterWrite".lsn, EXCLUDED.lsn), "writtenAt" = now()
     RETURNING lsn::text AS lsn`,
    [actor.id],
  );
  actor.readAfterLsn = rows[0]!.lsn;
}
