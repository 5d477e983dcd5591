import "server-only";
// The budget for exports, the one kind of request that may read a million rows for
// minutes. Each running export holds one slot:
// - a connection of the export pool (lib/db.ts), so that exports never take the
//   connections pages, sign-ins and writes need; EXPORTS_PER_INSTANCE of them per app
//   instance, which also bounds the memory exports can use;
// - a PostgreSQL advisory lock among EXPORTS_PER_USER per user, held by that connection,
//   so that the per-user cap holds across app instances and ends with the connection.
// A request beyond either cap is refused at once (429 with Retry-After), never queued.
import type pg from "pg";
import { exportPool, pool } from "@/lib/db";
import { readExportPool } from "./read-routing";
import { getEnv } from "@/lib/env";
import type { Actor } from "@/lib/domain/actor";
import { RateLimitedError } from "@/lib/domain/errors";

/** The advisory-lock namespace of export slots ("EX"); the second key is userId × 32 + slot. */
const LOCK_NAMESPACE = 0x4558;
const SLOTS_PER_USER_KEY = 32;
/** A slot usually frees within seconds to minutes; ask to try again after this long. */
const RETRY_AFTER_SECONDS = 15;

let runningHere = 0;

export interface ExportSlot {
  /** The primary's connection that holds the slot's lock. */
  client: pg.PoolClient;
  /** Where the export reads its rows: the same connection, or one of the replica's (lib/data/read-routing.ts). */
  reader: pg.PoolClient;
  /** Gives the slot back (once; later calls do nothing). A broken connection is discarded. */
  release: (broken?: Error) => Promise<void>;
}

export function tooManyExportsHere(): RateLimitedError {
  const { EXPORTS_PER_INSTANCE } = getEnv();
  return new RateLimitedError(
    RETRY_AFTER_SECONDS,
    "exports",
    `The server is running as many exports as it allows at once (${EXPORTS_PER_INSTANCE}). Try again in ${RETRY_AFTER_SECONDS} s.`,
  );
}

export function tooManyExportsOfUser(): RateLimitedError {
  const { EXPORTS_PER_USER } = getEnv();
  return new RateLimitedError(
    RETRY_AFTER_SECONDS,
    "exports",
    `You already have ${EXPORTS_PER_USER === 1 ? "an export" : `${EXPORTS_PER_USER} exports`} running, the most at once. Wait for it to finish, then try again.`,
  );
}

const lockKey = (userId: number, slot: number) => userId * SLOTS_PER_USER_KEY + slot;

export async function acquireExportSlot(actor: Actor): Promise<ExportSlot> {
  const { EXPORTS_PER_INSTANCE, EXPORTS_PER_USER } = getEnv();
  if (runningHere >= EXPORTS_PER_INSTANCE) throw tooManyExportsHere();
  runningHere += 1;
  let client: pg.PoolClient | undefined;
  try {
    client = await exportPool().connect();
    for (let slot = 0; slot < Math.min(EXPORTS_PER_USER, SLOTS_PER_USER_KEY); slot += 1) {
      const key = lockKey(actor.id, slot);
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [LOCK_NAMESPACE, key]);
      if (rows[0]?.locked) return await slotOf(actor, client, key);
    }
    throw tooManyExportsOfUser();
  } catch (error) {
    client?.release();
    runningHere -= 1;
    throw error;
  }
}

async function slotOf(actor: Actor, client: pg.PoolClient, key: number): Promise<ExportSlot> {
  const readerPool = readExportPool(actor);
  let reader = client;
  if (readerPool !== exportPool()) {
    // A replica that cannot give a connection now: the export reads the primary instead.
    reader = await readerPool.connect().catch(() => client);
  }
  let released = false;
  return {
    client,
    reader,
    release: async (broken) => {
      if (released) return;
      released = true;
      if (reader !== client) reader.release(broken);
      try {
        if (!broken) await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, key]);
        client.release(broken);
      } catch (error) {
        client.release(error as Error); // a connection in doubt is closed, which frees its lock
      } finally {
        runningHere -= 1;
      }
    },
  };
}

/**
 * Whether an export by this user would start now (for the Export menu, which asks before
 * it downloads): the same two caps, read without taking a slot.
 */
export async function exportWouldStart(actor: Actor): Promise<RateLimitedError | null> {
  const { EXPORTS_PER_INSTANCE, EXPORTS_PER_USER } = getEnv();
  if (runningHere >= EXPORTS_PER_INSTANCE) return tooManyExportsHere();
  const { rows } = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND objsubid = 2
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = $1 AND objid::bigint BETWEEN $2 AND $3`,
    [LOCK_NAMESPACE, lockKey(actor.id, 0), lockKey(actor.id, SLOTS_PER_USER_KEY - 1)],
  );
  return (rows[0]?.n ?? 0) >= EXPORTS_PER_USER ? tooManyExportsOfUser() : null;
}

/** Exports running on this instance (for tests and the health of the budget). */
export const exportsRunningHere = () => runningHere;
