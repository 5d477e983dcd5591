import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject("chromiumPath"),
    headless: true,
    // As root Chromium needs --no-sandbox; the rest stop background calls to Google's
    // hosts, which this offline machine refuses.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Signs in on the shared app, or on a file's own instance when `baseUrl` is given (in either language: the fields are found by id). */
export async function signIn(page: Page, email: string, password = inject("demoPassword"), baseUrl = inject("baseUrl")) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("form button[type=submit]").click();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
