// Throwaway PostgreSQL for the test suites: one real server per run, a migrated template
// database, and fresh databases cloned from it (CREATE DATABASE … TEMPLATE, ~100 ms).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPool, createPrismaClient, type PrismaClient } from "@/lib/db";

export const TEMPLATE_DATABASE = "access_monitor_template";

/** A new, migrated, empty database on the test server; returns its URL. */
export async function createFreshDatabase(serverUrl: string, prefix = "t"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(TEMPLATE_DATABASE)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withFreshDatabase<T>(serverUrl: string, run: (prisma: PrismaClient, url: string) => Promise<T>): Promise<T> {
  const url = await createFreshDatabase(serverUrl);
  const prisma = createPrismaClient(url, 3);
  try {
    return await run(prisma, url);
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Points the data layer (db() and pool()) at another database for the tests in a file;
 * returns the Prisma client and a function that closes both and restores the defaults.
 */
export function useDatabase(url: string): { prisma: PrismaClient; pool: pg.Pool; exportPool: pg.Pool; restore: () => Promise<void> } {
  // The read cache (lib/data/read-cache.ts) too: it is keyed by data version, which every
  // fresh database starts again at 0, so another file's answers must not carry over.
  const globals = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool; exportPool?: pg.Pool; readCache?: unknown };
  const previous = { prisma: globals.prisma, pgPool: globals.pgPool, exportPool: globals.exportPool };
  const pool = createPool(url, 4);
  const exportPool = createPool(url, 4, 5_000, "access-monitor-export");
  const prisma = createPrismaClient(pool);
  globals.prisma = prisma;
  globals.pgPool = pool;
  globals.exportPool = exportPool;
  globals.readCache = undefined;
  return {
    prisma,
    pool,
    exportPool,
    restore: async () => {
      globals.prisma = previous.prisma;
      globals.pgPool = previous.pgPool;
      globals.exportPool = previous.exportPool;
      globals.readCache = undefined;
      await prisma.$disconnect();
      await pool.end();
      await exportPool.end();
    },
  };
}
