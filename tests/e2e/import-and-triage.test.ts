// Getting data in through the browser, on its own app instance (it adds events): an XLSX
// imported with its preview and progress, and one article triaged into a published event.
import type { Page } from "playwright-core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { screenshot, signIn } from "../support/browser";
import { ownAppForFile } from "../support/own-app";

const PASSWORD = "e2e-import-password";
const own = ownAppForFile({ DEMO_PASSWORD: PASSWORD });
const ROWS = 1500;

async function signedIn(): Promise<Page> {
  const context = await own.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") throw new Error(`Console error: ${message.text()}`);
  });
  await signIn(page, "analyst@example.org", PASSWORD, own.baseUrl);
  await page.waitForURL(`${own.baseUrl}/`);
  return page;
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Events");
  sheet.addRow(["Date", "Date precision", "Country", "Organisation", "Type", "Event", "Resulting status", "Confidence", "Summary", "Sources"]);
  sheet.addRow([
    new Date(Date.UTC(2025, 2, 3)),
    "day",
    "Niger",
    "ICRC",
    "",
    "Restriction imposed",
    "Restricted",
    "Reported",
    "ICRC movements restricted to Niamey (e2e import).",
    "E2E Wire: ICRC",
  ]);
  for (let i = 1; i < ROWS; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000); // 1,500 days: all before today
    sheet.addRow([
      day,
      "day",
      "Niger",
      "E2E Import Partner",
      "National NGO",
      i === 1 ? "Arrival" : "Other",
      i === 1 ? "Operating" : "",
      "Confirmed",
      `Field report number ${i} from the partner (e2e import).`,
      "E2E Wire: Reports",
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("getting data in", () => {
  it("imports an XLSX through the browser: preview with what each row does, progress, then every row written", async () => {
    const page = await signedIn();
    await page.goto(`${own.baseUrl}/imports`);
    await page
      .getByLabel(/^File/)
      .setInputFiles({ name: "field-reports.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await workbook() });
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.getByRole("progressbar", { name: "Reading and checking the file" }).waitFor();
    await page.waitForURL(/\/imports\/\d+$/, { timeout: 120_000 });
    await page.getByRole("heading", { name: /Import \d+: field-reports\.xlsx/ }).waitFor();
    expect(await page.getByRole("table", { name: "What the rows do" }).textContent()).toMatch(/Adds1,500.*Already there0.*Duplicate, skipped0.*Error0/);
    const first = page.getByTestId("import-row").first();
    expect(await first.textContent()).toContain("matched organisation “International Committee of the Red Cross” by acronym");
    expect(await page.getByTestId("import-row").nth(1).textContent()).toContain("new organisation “E2E Import Partner”");
    await screenshot(page, "import-preview");

    await page.getByLabel(/Save the new events as drafts/).uncheck();
    await page.getByRole("button", { name: "Import and publish" }).click();
    await page.getByRole("progressbar", { name: "Writing the rows" }).waitFor();
    await page.getByText(/Imported: 1 organisations, 1 presences and 1,500 events added/).waitFor({ timeout: 120_000 });

    // The ICRC's status in Niger is now the imported one only if it is the latest: the seed's expulsion (2025) stays.
    await page.goto(`${own.baseUrl}/events?q=e2e+import`);
    expect(await page.getByText(/1,500 events/).count()).toBeGreaterThan(0);
  });

  it("triages an article into a published event with the article as its source", async () => {
    const page = await signedIn();
    await page.goto(`${own.baseUrl}/triage`);
    await page.getByLabel("Publisher").fill("E2E Wire");
    await page.getByLabel("Title").fill("Acted suspended in Niger");
    await page.getByLabel(/^Publication date/).fill("2025-01-29");
    await page.getByLabel("Article text").fill("The authorities suspended the operations of Acted in Niger on Tuesday, the organisation said. Talks continue.");
    await page.getByRole("button", { name: "Propose events" }).click();
    const proposal = page.getByTestId("proposal");
    await proposal.waitFor();
    expect(await page.getByTestId("proposal").count()).toBe(1);
    expect(await proposal.getByLabel("What happened").inputValue()).toBe("OPERATIONS_SUSPENDED");
    expect(await proposal.getByLabel(/^Date/).inputValue()).toBe("2025-01-28");
    await proposal.getByLabel("Summary (in your words)").fill("The authorities suspended Acted's operations in Niger.");
    await screenshot(page, "triage-proposal");
    await proposal.getByRole("button", { name: "Accept and publish" }).click();
    await page.getByText("Published.").waitFor();
    await page.getByRole("link", { name: "See the event" }).click();
    await page.waitForURL(/\/events\/\d+$/);
    const card = page.getByTestId("timeline-event");
    expect(await card.textContent()).toContain("The authorities suspended Acted's operations in Niger.");
    expect(await card.textContent()).toContain("E2E Wire");
    expect(await page.getByTestId("draft").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "History" }).count()).toBe(1);
  });
});
