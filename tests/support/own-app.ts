// For e2e files that change data or settings the other files rely on: their own app
// instance (fresh embedded database, seeded) and browser for the whole file.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startThrowawayApp, type ThrowawayApp } from "../../scripts/lib/app-process";
import { launchBrowser } from "./browser";

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
