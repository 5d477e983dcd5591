import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

describe("signed out", () => {
  it("redirects every page to the sign-in page, and keeps where it was going", async () => {
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.goto(`${baseUrl}/countries/NER`);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("callbackUrl")).toBe("/countries/NER");
  });

  it("answers the health check and refuses the API without a session", async () => {
    const health = await page.request.get(`${baseUrl}/api/health`);
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: "reachable" });
    const api = await page.request.get(`${baseUrl}/api/v1/presences`);
    expect(api.status()).toBe(401);
    expect(await api.json()).toEqual({ error: { code: "unauthenticated", message: "Please sign in." } });
  });

  it("says clearly when the password is wrong, and stays signed out", async () => {
    await signIn(page, "viewer@example.org", "not-the-demo-password");
    await expect.poll(() => page.locator("form [role=alert]").textContent(), { timeout: 15_000 }).toBe("Email or password is not correct.");
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });
});

describe("signed in", () => {
  it("shows the current status of every organisation in Niger with dates, figures and sources", async () => {
    await signIn(page, "viewer@example.org");
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole("heading", { name: "Who can still work where" }).waitFor();

    const rows = page.getByTestId("presence-row");
    expect(await rows.count()).toBe(7);
    // A row is found by its organisation cell: other rows may quote the name in their sources.
    const row = (organisation: string) => rows.filter({ has: page.locator("th", { hasText: organisation }) });
    const icrc = row("International Committee of the Red Cross");
    expect(await icrc.textContent()).toMatch(/Expelled.*31 Jan 2025.*2,000,000/);
    expect(await row("Russian Armed Forces").textContent()).toMatch(/Operating.*Apr 2024/);
    expect(await row("ACTED").textContent()).toMatch(/12 Nov 2024.*Disputed between sources/);
    expect(await row("United States Armed Forces").textContent()).toMatch(/Expelled.*16 Mar 2024/);

    await icrc.getByText(/sources?$/).click();
    await icrc.getByText("Journal du Mali (reporting an ICRC statement)").waitFor();
    expect(await icrc.locator("blockquote").first().textContent()).toMatch(/ordered the International Committee of the Red Cross/);
    await screenshot(page, "overview");
  });

  it("signs out, after which pages redirect to sign-in again", async () => {
    await signIn(page, "analyst@example.org");
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByText("Demo Analyst").textContent()).toContain("Demo Analyst");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });
});
