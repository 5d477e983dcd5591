// npm run db:migrate                   apply pending migrations to DATABASE_URL
// npm run db:migrate -- create NAME    write a new migration for the changes in schema.prisma
// npm run db:migrate -- check          exit 1 if schema.prisma has changes no migration covers
// `create` and `check` replay the migrations in a throwaway embedded PostgreSQL (the
// "shadow database"), so they need no DATABASE_URL.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations, createMigration, pendingSchemaChanges } from "./lib/migrations";

async function withShadowDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-shadow-"));
  const server = await startEmbeddedPostgres({ dataDir, throwaway: true });
  try {
    return await run(await server.createDatabase("shadow"));
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const [command = "deploy", name] = process.argv.slice(2);
  if (command === "deploy") {
    const url = process.env.DATABASE_URL;
    if (!url) {
      console.error("DATABASE_URL is not set, e.g. postgresql://user:password@127.0.0.1:5432/access_monitor");
      process.exit(2);
    }
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  } else if (command === "create") {
    if (!name) throw new Error("Usage: npm run db:migrate -- create NAME");
    const folder = await withShadowDatabase((url) => createMigration(url, name));
    console.log(folder ? `Wrote ${path.relative(process.cwd(), folder)}/migration.sql` : "No schema changes.");
  } else if (command === "check") {
    const sql = await withShadowDatabase((url) => pendingSchemaChanges(url));
    if (sql) {
      console.error(`schema.prisma has changes that no migration covers:\n${sql}`);
      process.exit(1);
    }
    console.log("The migrations match schema.prisma.");
  } else {
    console.error(`Unknown command "${command}". Use deploy, create NAME or check.`);
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
