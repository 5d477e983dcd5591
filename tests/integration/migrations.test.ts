import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, createMigration, MIGRATIONS_DIR, pendingSchemaChanges, SCHEMA_PATH } from "../../scripts/lib/migrations";
import { createFreshDatabase } from "../support/test-database";

const serverUrl = inject("serverUrl");

/** An empty database (not cloned from the migrated template). */
async function emptyDatabase(): Promise<string> {
  const name = `empty_${Math.random().toString(16).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  await client.end();
  return rows.map((r) => r.table_name);
}

describe("migrations through the WebAssembly schema engine", () => {
  it("applies every committed migration to a fresh database, once", async () => {
    const url = await emptyDatabase();
    const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(await applyMigrations(url)).toEqual(folders);
    expect(await applyMigrations(url)).toEqual([]);
    expect(await tables(url)).toEqual([
      "AccessEvent",
      "ApiToken",
      "Area",
      "Assessment",
      "AssessmentEvidence",
      "AssessmentIndicator",
      "AssessmentVersion",
      "AuditEntry",
      "ConstraintAreaMonthTotal",
      "ConstraintCategoryMonthTotal",
      "ConstraintCountryTotal",
      "ConstraintMonthTotal",
      "Country",
      "CountryEventMonthTotal",
      "DataChange",
      "DataVersion",
      "EventArea",
      "EventMonthTotal",
      "EventOrganisation",
      "EventSource",
      "FeedToken",
      "Import",
      "ImportRow",
      "LoginThrottle",
      "MergedOrganisation",
      "Organisation",
      "OrganisationAlias",
      "Presence",
      "PresenceArea",
      "PresenceStatusPeriod",
      "RateLimit",
      "ReadAfterWrite",
      "Source",
      "StatusCountPeriod",
      "TablePreference",
      "User",
      "UserSession",
      "WatchItem",
      "WebhookDelivery",
      "WebhookDispatchPosition",
      "WebhookSubscription",
      "_prisma_migrations",
    ]);
  });

  it("records applied migrations the way Prisma does, so `prisma migrate deploy` agrees", async () => {
    const url = await createFreshDatabase(serverUrl);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT migration_name, finished_at, rolled_back_at, checksum FROM _prisma_migrations");
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("finds no difference between the committed migrations and schema.prisma", async () => {
    expect(await pendingSchemaChanges(await emptyDatabase())).toBe("");
  });

  it("detects a schema change and writes a migration that covers it", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "access-monitor-migrations-"));
    try {
      const paths = { schema: path.join(work, "schema.prisma"), migrations: path.join(work, "migrations") };
      await cp(MIGRATIONS_DIR, paths.migrations, { recursive: true });
      const schema = await readFile(SCHEMA_PATH, "utf8");
      await writeFile(paths.schema, schema.replace("  website   String?", "  website   String?\n  phone     String?"));

      const pending = await pendingSchemaChanges(await emptyDatabase(), paths);
      expect(pending).toMatch(/ALTER TABLE "Organisation" ADD COLUMN\s+"phone" TEXT/);

      const folder = await createMigration(await emptyDatabase(), "add phone", paths);
      expect(folder).toMatch(/_add_phone$/);
      expect(await pendingSchemaChanges(await emptyDatabase(), paths)).toBe("");

      const url = await emptyDatabase();
      const applied = await applyMigrations(url, paths);
      expect(applied.at(-1)).toBe(path.basename(folder!));
    } finally {
      await rm(work, { recursive: true, force: true }); // a copy of the migrations, each run
    }
  });
});
