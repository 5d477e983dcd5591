// `npm start` as a user runs it: restart keeps data, Ctrl-C stops PostgreSQL cleanly,
// DATABASE_URL switches off the embedded database. The build is already current here
// (the e2e setup built it), so each start takes a few seconds.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/free-port";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { nextServerPid, startApp, type AppProcess } from "../../scripts/lib/app-process";

async function embeddedUrl(dataDir: string, output: string) {
  const port = /listening on 127\.0\.0\.1:(\d+)/.exec(output)?.[1];
  const password = (await readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/access_monitor`;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("npm start", () => {
  it("keeps every change across a Ctrl-C and a restart, and stops PostgreSQL cleanly", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-lifecycle-"));
    const apps: AppProcess[] = [];
    try {
      const firstPort = await freePort();
      const first = startApp({ ACCESS_MONITOR_DATA_DIR: dataDir, PORT: String(firstPort), DATABASE_URL: undefined, AUTH_SECRET: undefined });
      apps.push(first);
      await first.ready;
      // On loopback, the sign-in page lists the demo accounts.
      expect(await (await fetch(`http://localhost:${firstPort}/sign-in`)).text()).toContain("Demo accounts");
      expect(first.output()).toContain("Seeding the empty database");
      expect(first.output()).toMatch(/admin@example\.org\s+admin/);
      const url = await embeddedUrl(dataDir, first.output());
      await query(url, `INSERT INTO "AuditEntry" (action, "entityType", "entityId") VALUES ('test.marker', 'Test', 'restart')`);
      const secret = await readFile(path.join(dataDir, "auth-secret"), "utf8");

      expect(await first.stop()).toBe(0);
      expect(first.output()).toContain("PostgreSQL stopped cleanly.");
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

      // Started again on every interface: the demo accounts' known password is not advertised.
      const secondPort = await freePort();
      const second = startApp({ ACCESS_MONITOR_DATA_DIR: dataDir, PORT: String(secondPort), HOST: "0.0.0.0", DATABASE_URL: undefined, AUTH_SECRET: undefined });
      apps.push(second);
      await second.ready;
      expect(await (await fetch(`http://localhost:${secondPort}/sign-in`)).text()).not.toContain("Demo accounts");
      expect(second.output()).toContain("lets other machines reach them");
      expect(second.output()).not.toContain("Seeding");
      expect(second.output()).toContain("already built");
      const rows = await query(await embeddedUrl(dataDir, second.output()), `SELECT count(*)::int AS n FROM "AuditEntry" WHERE action = 'test.marker'`);
      expect(rows[0]).toEqual({ n: 1 });
      expect(await readFile(path.join(dataDir, "auth-secret"), "utf8")).toBe(secret); // sessions survive restarts
      expect(await second.stop()).toBe(0);
    } finally {
      for (const app of apps) await app.stop().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("stops PostgreSQL and exits with an error when the web server dies of a signal (as an out-of-memory abort does)", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-crash-"));
    const app = startApp({ ACCESS_MONITOR_DATA_DIR: dataDir, PORT: String(await freePort()), DATABASE_URL: undefined, AUTH_SECRET: undefined });
    try {
      await app.ready;
      const exited = new Promise<number | null>((resolve) => app.child.once("exit", resolve));
      process.kill(nextServerPid(app), "SIGABRT");
      // It used to wait forever for a server that had already gone, keeping PostgreSQL running.
      const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("still running"), 30_000))]);
      expect(code).not.toBe("still running");
      expect(code).not.toBe(0);
      expect(app.output()).toContain("PostgreSQL stopped cleanly.");
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    } finally {
      await app.stop().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("uses DATABASE_URL instead of the embedded database, without demo users", async () => {
    const serverDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-external-"));
    const appDataDir = path.join(serverDir, "app-data-must-stay-unused");
    const server = await startEmbeddedPostgres({ dataDir: serverDir, throwaway: true });
    let app: AppProcess | undefined;
    try {
      const databaseUrl = await server.createDatabase("external");
      app = startApp({
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: "an-auth-secret-of-at-least-32-characters",
        ACCESS_MONITOR_DATA_DIR: appDataDir,
        PORT: String(await freePort()),
      });
      await app.ready;
      expect(app.output()).toContain("Using the PostgreSQL server in DATABASE_URL");
      expect(app.output()).not.toContain("Demo accounts");
      expect(existsSync(appDataDir)).toBe(false);
      expect(await query(databaseUrl, `SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 0 }]);
      expect((await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM "Presence"`))[0]!.n).toBe(7);
      expect(await app.stop()).toBe(0);
    } finally {
      await app?.stop().catch(() => {});
      await server.stop();
      await rm(serverDir, { recursive: true, force: true });
    }
  });

  it("refuses to start on a real server without AUTH_SECRET, with a clear message", async () => {
    const app = startApp({ DATABASE_URL: "postgresql://u:p@127.0.0.1:9/x", AUTH_SECRET: undefined, PORT: String(await freePort()) });
    await expect(app.ready).rejects.toThrow(/AUTH_SECRET is required in production/);
    expect(app.child.exitCode).toBe(1);
  });
});
