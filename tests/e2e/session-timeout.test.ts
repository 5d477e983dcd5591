// Sessions end after a short idle time on an app instance configured for it, and activity
// keeps them alive. (The default is 30 minutes: see README, Configuration.)
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "../../scripts/lib/app-process";
import { freePort } from "../../scripts/lib/free-port";
import { launchBrowser } from "../support/browser";

const PASSWORD = "e2e-session-password";
let app: AppProcess;
let dataDir: string;
let baseUrl: string;
let browser: Browser;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "access-monitor-e2e-session-"));
  const port = await freePort();
  app = startApp({ ACCESS_MONITOR_DATA_DIR: dataDir, PORT: String(port), DEMO_PASSWORD: PASSWORD, DATABASE_URL: undefined, AUTH_SECRET: undefined, SESSION_IDLE_SECONDS: "6" });
  await app.ready;
  baseUrl = `http://localhost:${port}`;
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("idle timeout", () => {
  it("keeps an active session, and ends an idle one with a clear message", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email").fill("viewer@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/`);
    for (let i = 0; i < 4; i += 1) {
      await pause(2_500); // 10 s in all, longer than the idle time, but never 6 s without a request
      await page.goto(`${baseUrl}/presences`);
      expect(new URL(page.url()).pathname, `request ${i + 1}`).toBe("/presences");
    }
    await pause(7_000);
    await page.goto(`${baseUrl}/presences`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.getByText("Your session ended after a period without activity").waitFor();
  });
});
