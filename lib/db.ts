// Prisma client singleton, cached on globalThis so that dev reloads reuse one pool
// (the create-t3-app pattern). Prisma 7 talks to PostgreSQL through the pg driver adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolSize,
    // Fail fast instead of hanging when the database is away or the pool is exhausted.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const env = getEnv();
    globalForPrisma.prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  }
  return globalForPrisma.prisma;
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
