import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";
import { createPrismaClient } from "../../lib/db";
import { seedDatabase } from "../../prisma/seed";
import { TEMPLATE_DATABASE } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    databaseUrl: string;
  }
}

/** One real PostgreSQL for the whole integration run, removed afterwards. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-test-"));
  const server = await startEmbeddedPostgres({ dataDir, throwaway: true });
  await applyMigrations(await server.createDatabase(TEMPLATE_DATABASE));

  // A shared, seeded database for tests that read; tests that need exact counts or
  // an empty database make their own from the template.
  const databaseUrl = await server.createDatabase("access_monitor_shared", { template: TEMPLATE_DATABASE });
  const prisma = createPrismaClient(databaseUrl, 2);
  await seedDatabase(prisma);
  await prisma.$disconnect();

  project.provide("serverUrl", server.serverUrl);
  project.provide("databaseUrl", databaseUrl);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
