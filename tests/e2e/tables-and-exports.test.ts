import { readFile } from "node:fs/promises";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await signIn(page, "viewer@example.org");
  await page.waitForURL(`${baseUrl}/`);
});
afterAll(async () => {
  await browser?.close();
});

async function download(format: "csv" | "xlsx") {
  await page.getByText("Export", { exact: true }).click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: format === "csv" ? "CSV" : "Excel (XLSX)", exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), path: (await file.path())! };
}

describe("presences table", () => {
  it("filters in the URL, shows row counts, sorts from the header, and exports the view as CSV and XLSX", async () => {
    await page.goto(`${baseUrl}/presences?asOf=2025-06-30`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Organisation type").selectOption("FOREIGN_MILITARY");
    await page.getByRole("combobox", { name: /^Status/ }).selectOption("EXPELLED");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/type=FOREIGN_MILITARY/);
    expect(new URL(page.url()).searchParams.get("asOf")).toBe("2025-06-30");
    await expect.poll(() => page.getByTestId("row-count").textContent(), { timeout: 15_000 }).toBe("1–2 of 2 presences"); // US and French forces
    await page.waitForLoadState("networkidle");

    await page.getByRole("button", { name: /^Organisation/ }).click();
    await page.waitForURL(/sort=organisation/);
    await expect.poll(() => page.getByTestId("table-row").first().getAttribute("aria-label"), { timeout: 15_000 }).toBe("French Armed Forces in Niger");
    await screenshot(page, "presences-filtered");

    const csv = await download("csv");
    expect(csv.name).toBe("presences-foreign_military-expelled-as-of-2025-06-30.csv".replace("foreign_military", "foreign-military"));
    const rows = parseCsv(await readFile(csv.path, "utf8")) as string[][];
    // The visible columns, plus the id, codes and date precision every export carries.
    expect(rows[0]).toEqual([
      "Presence id",
      "Organisation",
      "Acronym",
      "Type",
      "IATI identifier",
      "Country",
      "ISO3",
      "Status",
      "Since",
      "Since (precision)",
      "People affected",
      "Sources",
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[6], r[7], r[9]])).toEqual([
      ["French Armed Forces", "NER", "Expelled", "day"],
      ["United States Armed Forces", "NER", "Expelled", "day"],
    ]);

    const xlsx = await download("xlsx");
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.getWorksheet("Presences")!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(2).value).toBe("French Armed Forces");
    expect(sheet.getRow(2).getCell(9).value).toBeInstanceOf(Date);
  });

  it("remembers the columns a user chose, and exports only those", async () => {
    await page.goto(`${baseUrl}/events`);
    await page.waitForLoadState("networkidle");
    await page.getByText("Columns", { exact: true }).click();
    await page.getByRole("checkbox", { name: "Summary" }).uncheck();
    await page.waitForURL(/cols=/);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("thead th").allTextContents(), { timeout: 15_000 }).not.toContain("Summary");

    await page.goto(`${baseUrl}/events`); // no cols in the URL: the saved choice applies
    await expect.poll(() => page.locator("thead th").allTextContents(), { timeout: 15_000 }).not.toContain("Summary");
    await page.waitForLoadState("networkidle");
    const csv = await download("csv");
    expect((await readFile(csv.path, "utf8")).split("\r\n")[0]).not.toContain("Summary");
  });

  it("moves between rows with the keyboard and opens one with Enter", async () => {
    await page.goto(`${baseUrl}/organisations?sort=name&dir=asc`);
    await page.waitForLoadState("networkidle");
    const first = page.getByTestId("table-row").first();
    await first.focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("APBE");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/organisations\/\d+/);
    await page.getByRole("heading", { name: "APBE", level: 1 }).waitFor();
  });

  it("says clearly when nothing matches, and offers to clear the filters", async () => {
    await page.goto(`${baseUrl}/events?q=no-such-words-anywhere`);
    await page.getByTestId("table-empty").waitFor();
    expect(await page.getByTestId("table-empty").textContent()).toContain("No events match these filters.");
    expect(await page.getByTestId("row-count").textContent()).toBe("No events");
  });
});

describe("API", () => {
  it("refuses anonymous calls with a JSON 401, and serves a signed-in session", async () => {
    const anonymous = await fetch(`${baseUrl}/api/v1/presences`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    expect((await fetch(`${baseUrl}/api/v1/export/events?format=csv`)).status).toBe(401);
    const openapi = await fetch(`${baseUrl}/api/v1/openapi.json`);
    expect(openapi.status).toBe(200);

    const response = await page.request.get(`${baseUrl}/api/v1/presences?country=NER&status=EXPELLED&asOf=2025-01-15`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data: { organisation: { acronym: string | null } }[] };
    expect(body.data.map((p) => p.organisation.acronym).sort()).toEqual(["ACTED", "APBE", "French forces", "US forces", null].sort());
  });

  it("lets an admin issue a token that works with curl-like clients, then revoke it", async () => {
    const admin = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const adminPage = await admin.newPage();
    await signIn(adminPage, "admin@example.org");
    await adminPage.waitForURL(`${baseUrl}/`);
    await adminPage.goto(`${baseUrl}/admin/tokens`);
    await adminPage.waitForLoadState("networkidle");
    await adminPage.getByLabel("Name").fill("e2e script");
    await adminPage.getByLabel("Acts as user (email)").fill("viewer@example.org");
    await adminPage.getByRole("button", { name: "Issue token" }).click();
    const token = (await adminPage.getByTestId("new-token").textContent())!;
    expect(token).toMatch(/^am_/);
    const withToken = await fetch(`${baseUrl}/api/v1/events?size=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);

    adminPage.once("dialog", (dialog) => void dialog.accept());
    await adminPage.getByRole("button", { name: "Revoke token e2e script" }).click();
    await expect.poll(() => adminPage.getByTestId("tokens-table").textContent(), { timeout: 15_000 }).toContain("Revoked");
    expect((await fetch(`${baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await screenshot(adminPage, "api-tokens");
    await admin.close();
  });
});
