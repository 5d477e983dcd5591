// One pg pool per process, shared by Prisma (through its driver adapter) and by the few
// queries that need the driver itself (streamed exports read through a cursor). Both are
// cached on globalThis so that dev reloads reuse them (the create-t3-app pattern).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

export function createPool(databaseUrl: string, poolSize = 10, acquireTimeoutMs = 5_000, applicationName = "access-monitor"): pg.Pool {
  const created = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // Named, so that pg_stat_activity tells the export connections from the others.
    application_name: applicationName,
    // Fail fast instead of hanging when the database is away or every connection is taken:
    // pg-pool applies this both to opening a connection and to waiting in its queue.
    connectionTimeoutMillis: acquireTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (restart, outage) must not crash the process:
  // the pool discards it and the next query opens a new one.
  created.on("error", (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  return created;
}

/** A Prisma client on its own pool (string) or on a shared one (pool: ended by its owner). */
export function createPrismaClient(database: string | pg.Pool, poolSize = 10): PrismaClient {
  const adapter = typeof database === "string" ? new PrismaPg(createPool(database, poolSize), { disposeExternalPool: true }) : new PrismaPg(database);
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as {
  prisma?: PrismaClient;
  pgPool?: pg.Pool;
  exportPool?: pg.Pool;
  replicaPrisma?: PrismaClient;
  replicaPool?: pg.Pool;
  replicaExportPool?: pg.Pool;
};

export function pool(): pg.Pool {
  if (!globalForDb.pgPool) {
    const env = getEnv();
    globalForDb.pgPool = createPool(env.DATABASE_URL, env.DATABASE_POOL_SIZE, env.DATABASE_ACQUIRE_TIMEOUT_MS);
  }
  return globalForDb.pgPool;
}

/**
 * Long reads (exports) have a pool of their own, one connection per export allowed to run
 * at once on this instance (EXPORTS_PER_INSTANCE): however many downloads are running or
 * stalled, the pages, sign-ins and writes keep every connection of the main pool.
 */
export function exportPool(): pg.Pool {
  if (!globalForDb.exportPool) {
    const env = getEnv();
    globalForDb.exportPool = createPool(env.DATABASE_URL, env.EXPORTS_PER_INSTANCE, env.DATABASE_ACQUIRE_TIMEOUT_MS, "access-monitor-export");
  }
  return globalForDb.exportPool;
}

export function db(): PrismaClient {
  globalForDb.prisma ??= createPrismaClient(pool());
  return globalForDb.prisma;
}

/**
 * The streaming replica's pools (DATABASE_REPLICA_URL), or null without one. Only
 * lib/data/read-routing.ts hands them out, once its rule says the replica may serve a read.
 */
export function replicaPools(): { pool: pg.Pool; exportPool: pg.Pool; prisma: PrismaClient } | null {
  const env = getEnv();
  if (!env.DATABASE_REPLICA_URL) return null;
  globalForDb.replicaPool ??= createPool(env.DATABASE_REPLICA_URL, env.DATABASE_POOL_SIZE, env.DATABASE_ACQUIRE_TIMEOUT_MS, "access-monitor-replica");
  globalForDb.replicaExportPool ??= createPool(
    env.DATABASE_REPLICA_URL,
    env.EXPORTS_PER_INSTANCE,
    env.DATABASE_ACQUIRE_TIMEOUT_MS,
    "access-monitor-replica-export",
  );
  globalForDb.replicaPrisma ??= createPrismaClient(globalForDb.replicaPool);
  return { pool: globalForDb.replicaPool, exportPool: globalForDb.replicaExportPool, prisma: globalForDb.replicaPrisma };
}

/** For every write transaction: waiting for a connection or a row lock under load is normal; a minute-long write is not. */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
