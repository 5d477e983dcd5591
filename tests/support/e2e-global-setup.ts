import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findChromium } from "../../scripts/lib/chromium";
import { freePort } from "../../scripts/lib/free-port";
import { startApp } from "../../scripts/lib/app-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
    demoPassword: string;
  }
}

export const E2E_DEMO_PASSWORD = "e2e-demo-password";

/** The real app, started as `npm start` starts it: embedded PostgreSQL, build, seed. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error("No Chromium found: install Debian's chromium or set CHROMIUM_PATH.");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-e2e-"));
  const port = await freePort();
  console.log("[e2e] starting the app (builds it first if the sources changed)…");
  const app = startApp({
    ACCESS_MONITOR_DATA_DIR: dataDir,
    PORT: String(port),
    DEMO_PASSWORD: E2E_DEMO_PASSWORD,
    DATABASE_URL: undefined,
    AUTH_SECRET: undefined,
  });
  try {
    await app.ready;
  } catch (error) {
    await app.stop().catch(() => {});
    throw error;
  }
  project.provide("baseUrl", `http://localhost:${port}`);
  project.provide("chromiumPath", chromiumPath);
  project.provide("demoPassword", E2E_DEMO_PASSWORD);
  return async () => {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
