// For e2e files that change data or settings the other files rely on: their own app
// instance and browser for the whole file, either on a fresh embedded demo database
// (ownAppForFile) or on a PostgreSQL the file also reaches directly (ownDatabaseAppForFile),
// as with DATABASE_URL on a real server, so that it can change users behind the app's back.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startThrowawayApp, type ThrowawayApp } from "../../scripts/lib/app-process";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import type { PrismaClient } from "@/lib/db";
import { launchBrowser } from "./browser";
import { useDatabase } from "./test-database";

export interface OwnApp {
  baseUrl: string;
  browser: Browser;
}

export function ownAppForFile(env: Record<string, string>): OwnApp {
  const own = {} as OwnApp;
  let instance: ThrowawayApp | undefined;
  beforeAll(async () => {
    instance = await startThrowawayApp(env);
    own.baseUrl = instance.base;
    own.browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await own.browser?.close();
    await instance?.stop();
  });
  return own;
}

export interface OwnDatabaseApp extends OwnApp {
  app: ThrowawayApp;
  prisma: PrismaClient;
  /** The folder of the PostgreSQL data (to crash it), and the server itself (to restart it). */
  dataDir: string;
  database: RunningPostgres;
}

export function ownDatabaseAppForFile(env: Record<string, string> = {}): OwnDatabaseApp {
  const own = {} as OwnDatabaseApp;
  let restoreDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    own.dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-own-db-"));
    own.database = await startEmbeddedPostgres({ dataDir: own.dataDir });
    const url = await own.database.createDatabase("access_monitor");
    own.app = await startThrowawayApp({ ...env, DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("hex") });
    own.baseUrl = own.app.base;
    ({ prisma: own.prisma, restore: restoreDatabase } = useDatabase(url));
    own.browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await own.browser?.close();
    await own.app?.stop();
    await restoreDatabase?.();
    await own.database?.stop().catch(() => {});
    if (own.dataDir) await rm(own.dataDir, { recursive: true, force: true });
  });
  return own;
}

/** A new browser context signed in with these credentials, on the overview. */
export async function signedInPage(own: OwnApp, email: string, password: string): Promise<Page> {
  const page = await (await own.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(`${own.baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${own.baseUrl}/`);
  return page;
}
