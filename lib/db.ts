// One pg pool per process, shared by Prisma (through its driver adapter) and by the few
// queries that need the driver itself (streamed exports read through a cursor). Both are
// cached on globalThis so that dev reloads reuse them (the create-t3-app pattern).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

export function createPool(databaseUrl: string, poolSize = 10): pg.Pool {
  const created = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // Fail fast instead of hanging when the database is away or the pool is exhausted.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (restart, outage) must not crash the process:
  // the pool discards it and the next query opens a new one.
  created.on("error", (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  return created;
}

/** A Prisma client on its own pool (string) or on a shared one (pool: ended by its owner). */
export function createPrismaClient(database: string | pg.Pool, poolSize = 10): PrismaClient {
  const adapter =
    typeof database === "string"
      ? new PrismaPg(createPool(database, poolSize), { disposeExternalPool: true })
      : new PrismaPg(database);
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForDb.pgPool) {
    const env = getEnv();
    globalForDb.pgPool = createPool(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  }
  return globalForDb.pgPool;
}

export function db(): PrismaClient {
  globalForDb.prisma ??= createPrismaClient(pool());
  return globalForDb.prisma;
}

/** For every write transaction: waiting for a connection or a row lock under load is normal; a minute-long write is not. */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
