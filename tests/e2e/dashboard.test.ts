import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, "analyst@example.org");
  await page.waitForURL(`${baseUrl}/`);
});
afterAll(async () => {
  await browser?.close();
});

const icrcStatus = () =>
  page
    .getByTestId("presence-row")
    .filter({ has: page.locator("th", { hasText: "International Committee of the Red Cross" }) })
    .getByText(/^(Operating|Expelled|Restricted)$/)
    .textContent();

describe("overview dashboard", () => {
  it("renders the charts and the map with data, and a chart as a table", async () => {
    await page.goto(`${baseUrl}/?asOf=2025-03-01`);
    await page.getByTestId("as-of-notice").waitFor();
    // Recharts draws bars as SVG paths once its chunk has loaded.
    const bars = page.locator("[data-testid=chart-card] svg .recharts-bar-rectangle path");
    await expect.poll(() => bars.count(), { timeout: 20_000 }).toBeGreaterThan(4);
    // People affected, status by country, events by kind, status by type, constraints by pillar.
    expect(await page.getByTestId("chart-card").count()).toBe(5);

    const niger = page.locator("[data-testid=world-map] a[data-iso3=NER]");
    expect(await niger.getAttribute("data-status")).toBe("EXPELLED");
    expect(await niger.getAttribute("aria-label")).toBe("Niger: 1 operating, 6 expelled");
    // Every country is a <use> of its outline in the outlines file; Niger's outline has loaded
    // (it has a size on the page), and the file is served as SVG.
    expect(await page.locator("[data-testid=world-map] svg use").count()).toBeGreaterThan(150);
    await expect.poll(async () => (await niger.locator("use").boundingBox())?.width ?? 0, { timeout: 15_000 }).toBeGreaterThan(5);
    const outlines = await page.request.get(new URL((await niger.locator("use").getAttribute("href"))!.split("#")[0]!, baseUrl).toString());
    expect(outlines.headers()["content-type"]).toContain("image/svg+xml");
    expect(await outlines.text()).toContain('id="c-NER"');

    // The map's second layer: constraint events per country, textured, each country a link.
    await page.getByRole("button", { name: "Constraint events" }).click();
    const nigerConstraints = page.locator("[data-testid=world-map] a[data-iso3=NER]");
    expect(await nigerConstraints.getAttribute("aria-label")).toMatch(/^Niger: [1-9]\d* constraint events?$/);
    expect(await page.getByRole("heading", { name: "Map: access-constraint events per country" }).count()).toBe(1);
    await page.getByRole("button", { name: "Most severe status" }).click();

    const figures = page.getByTestId("headline-figures");
    expect(await figures.textContent()).toContain("People affected, last 12 months3,000,000");

    const peopleChart = page.getByTestId("chart-card").filter({ hasText: "People affected over time" });
    await peopleChart.getByRole("button", { name: "Show as table" }).click();
    const table = peopleChart.getByRole("table");
    expect(await table.getByRole("row", { name: /Jan 2025/ }).textContent()).toContain("2,000,000");
    expect(await table.getByRole("row", { name: /Nov 2024/ }).textContent()).toContain("1,000,000");
    await screenshot(page, "dashboard-2025-03-01");
  });

  it("changes the as-of date from the header and sees the ICRC's status change", async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForLoadState("networkidle"); // the date control works once hydrated
    await page.locator("#as-of").fill("2025-01-15");
    await page.getByRole("button", { name: "View" }).click();
    await page.waitForURL(/asOf=2025-01-15/);
    await expect.poll(icrcStatus, { timeout: 15_000 }).toBe("Operating");

    await page.waitForLoadState("networkidle");
    await page.locator("#as-of").fill("2025-02-10");
    await page.getByRole("button", { name: "View" }).click();
    await page.waitForURL(/asOf=2025-02-10/);
    await expect.poll(icrcStatus, { timeout: 15_000 }).toBe("Expelled");
    await screenshot(page, "dashboard-2025-02-10");
  });

  it("keeps filters in the URL, and a map click opens the country page at the same date", async () => {
    await page.goto(`${baseUrl}/?asOf=2025-03-01`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Organisation type").selectOption("FOREIGN_MILITARY");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/type=FOREIGN_MILITARY/);
    expect(new URL(page.url()).searchParams.get("asOf")).toBe("2025-03-01");
    expect(await page.getByTestId("presence-row").count()).toBe(3); // US, French and Russian forces

    // Apply is a plain GET form (a full page load): the map's links are handled by the client
    // router only once the new page has hydrated, so wait for that before clicking.
    await page.waitForLoadState("networkidle");
    await page.locator("[data-testid=world-map] a[data-iso3=NER]").click();
    await page.waitForURL(/\/countries\/NER\?asOf=2025-03-01/);
    await page.getByRole("heading", { name: /^Niger/ }).waitFor();
    const timeline = page.getByTestId("timeline-event");
    expect(await timeline.first().textContent()).toMatch(/4 Feb 2025/); // newest first; the June withdrawal is after the view date
    expect(await page.getByText("Disputed: sources disagree").count()).toBeGreaterThan(0);
  });

  // The status code stays 200: the page streams (its loading state is sent first), so the
  // status is out before the page knows the id is unknown. The page itself says so.
  it("shows a clear not-found page, with status 404, for unknown codes and ids", async () => {
    for (const path of ["/countries/XXX", "/organisations/999999", "/events/abc", "/events/999999", "/presences/999999/change-status"]) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      await page.getByRole("heading", { name: "Page not found" }).waitFor();
      expect(await page.locator(`meta[name="robots"]`).first().getAttribute("content"), path).toContain("noindex");
    }
  });
});
