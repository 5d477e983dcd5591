// Throwaway PostgreSQL for the test suites: one real server per run, a migrated template
// database, and fresh databases cloned from it (CREATE DATABASE … TEMPLATE, ~100 ms).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "@/lib/db";

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

export async function withFreshDatabase<T>(
  serverUrl: string,
  run: (prisma: PrismaClient, url: string) => Promise<T>,
): Promise<T> {
  const url = await createFreshDatabase(serverUrl);
  const prisma = createPrismaClient(url, 3);
  try {
    return await run(prisma, url);
  } finally {
    await prisma.$disconnect();
  }
}
