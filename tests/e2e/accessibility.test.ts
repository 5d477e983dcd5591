// axe-core's WCAG 2.1 A and AA rules, run in Chromium on every page (tests/support/app-pages.ts),
// on the forms as an analyst fills them, and with the map and charts switched to tables:
// no violation is allowed. Each failure names the rule, the page and the elements.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signIn } from "../support/browser";
import { APP_PAGES } from "../support/app-pages";

const baseUrl = inject("baseUrl");
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The WCAG 2.1 A/AA violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
  });
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(", ")}`,
  );
}

async function pageAs(email: string | null, width = 1280, height = 800): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  if (email) {
    await signIn(page, email);
    await page.waitForURL(`${baseUrl}/`);
  }
  return page;
}

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  it("finds no violation on any page", async () => {
    const pages = new Map<string | null, Page>();
    const found: string[] = [];
    for (const { path, as } of APP_PAGES) {
      if (!pages.has(as)) pages.set(as, await pageAs(as));
      const page = pages.get(as)!;
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
      for (const line of await violations(page)) found.push(`${path} → ${line}`);
    }
    expect(found).toEqual([]);
  });

  it("finds none with the map and the charts shown as tables, or on forms being filled", async () => {
    const page = await pageAs("analyst@example.org", 1440, 1000);
    const found: string[] = [];
    await page.goto(`${baseUrl}/`);
    await page.waitForLoadState("networkidle");
    // Each button becomes "Show as chart" once pressed: press the first left until none is.
    const showTable = page.getByRole("button", { name: "Show as table" });
    while ((await showTable.count()) > 0) await showTable.first().click();
    for (const line of await violations(page)) found.push(`/ (tables) → ${line}`);

    await page.goto(`${baseUrl}/presences/new?organisation=1`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("combobox", { name: "Country" }).fill("mal");
    await page.getByRole("listbox").waitFor();
    for (const line of await violations(page)) found.push(`/presences/new (list open) → ${line}`);
    await page.getByRole("combobox", { name: "Country" }).fill("Mali");
    await page.getByRole("combobox", { name: "Country" }).press("Enter");
    await page.getByRole("radio", { name: "Restricted" }).waitFor();
    await page.getByRole("button", { name: "Save the presence and its first event" }).click();
    await page.getByText("Choose operating, restricted or expelled").waitFor(); // the errors shown
    for (const line of await violations(page)) found.push(`/presences/new (errors) → ${line}`);
    expect(found).toEqual([]);
  });
});
