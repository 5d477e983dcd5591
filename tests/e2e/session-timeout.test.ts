// Sessions end after a short idle time on an app instance configured for it, and activity
// keeps them alive. (The default is 30 minutes: see README, Configuration.)
import { describe, expect, it } from "vitest";
import { ownAppForFile } from "../support/own-app";
import { signIn } from "../support/browser";

const PASSWORD = "e2e-session-password";
const own = ownAppForFile({ DEMO_PASSWORD: PASSWORD, SESSION_IDLE_SECONDS: "6" });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("idle timeout", () => {
  it("keeps an active session, and ends an idle one with a clear message", async () => {
    const page = await (await own.browser.newContext()).newPage();
    await signIn(page, "viewer@example.org", PASSWORD, own.baseUrl);
    await page.waitForURL(`${own.baseUrl}/`);
    for (let i = 0; i < 4; i += 1) {
      await pause(2_500); // 10 s in all, longer than the idle time, but never 6 s without a request
      await page.goto(`${own.baseUrl}/presences`);
      expect(new URL(page.url()).pathname, `request ${i + 1}`).toBe("/presences");
    }
    await pause(7_000);
    await page.goto(`${own.baseUrl}/presences`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.getByText("Your session ended after a period without activity").waitFor();
  });
});
