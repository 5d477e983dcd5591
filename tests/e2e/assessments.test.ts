// An analyst scores Niger's access for February 2025 from the evidence the app proposes (the
// ICRC's office in Niamey closed on 4 February among it), publishes it, and reads the level
// and the nine indicators on the country page, each opening its rationale and evidence, then
// Niger's level in the overview's ranking and on the world map.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CATEGORIES } from "@/lib/domain/constraint-codes";
import { launchBrowser, screenshot, signIn } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("access assessments", () => {
  it("scores Niger for February 2025 from the proposed evidence, and shows the level on the country page", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, "analyst@example.org");
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/countries/NER`);
    await page.getByRole("link", { name: "Assess access in Niger…" }).click();
    await page.waitForURL(/\/countries\/NER\/assessments\/new/);
    await page.getByLabel("Month assessed").fill("2025-02");
    await page.getByRole("button", { name: "Change the period or area" }).click();
    await page.getByRole("heading", { name: "Access in Niger, Feb 2025" }).waitFor();
    await page.waitForLoadState("networkidle");

    // The ICRC's office closure is proposed under interference, and kept.
    const interference = page.getByTestId("indicator-INTERFERENCE");
    const icrc = interference.getByRole("checkbox", { name: /ICRC receives the note/ });
    expect(await icrc.isChecked()).toBe(true);
    for (const category of CATEGORIES) {
      const block = page.getByTestId(`indicator-${category}`);
      await block
        .getByLabel("Score")
        .selectOption(category === "INTERFERENCE" || category === "IMPEDIMENTS_TO_ENTRY" ? "3" : category === "EXPLOSIVE_HAZARDS" ? "X" : "0");
      await block
        .getByLabel("Rationale")
        .fill(category === "INTERFERENCE" ? "The ICRC was made to close its office in Niamey." : "Scored from the month's sources.");
    }
    // 3 + 3 of eight scored, carried to nine: 6.75 → level 2 (worked by hand: 6.75 × 5 ∕ 27 = 1.25).
    await expect.poll(() => page.getByTestId("computed-level").textContent()).toContain("Level by the rule: 2 · Moderate constraints (1 information gap)");
    await screenshot(page, "assessment-form");
    await page.getByRole("button", { name: "Save the assessment" }).click();
    await page.waitForURL(/\/countries\/NER\?assessment=\d+/);
    await page.getByText("Assessment saved.").waitFor();

    const section = page.getByTestId("country-assessment");
    expect(await section.getByTestId("access-level").textContent()).toBe("Level 2 · Moderate constraints");
    const cells = section.getByTestId("indicator-cells").getByRole("listitem");
    expect(await cells.count()).toBe(9);
    expect((await cells.allTextContents()).map((text) => text.trim()[0])).toEqual(["0", "0", "3", "0", "3", "0", "0", "X", "0"]);
    await cells.nth(4).locator("summary").click();
    expect(await cells.nth(4).textContent()).toContain("The ICRC was made to close its office in Niamey.");
    expect(await cells.nth(4).getByRole("link").first().textContent()).toBe("4 Feb 2025");
    expect(await section.getByRole("table").textContent()).toContain("2 · Moderate constraints");
    await screenshot(page, "country-assessment");

    // The overview ranks Niger by its level, its nine scores beside it.
    await page.goto(`${baseUrl}/`);
    const row = page.getByTestId("assessment-ranking").locator('[data-iso3="NER"]');
    expect(await row.getAttribute("data-level")).toBe("2");
    expect(await row.textContent()).toContain("2 · Moderate constraints");
    expect((await row.locator("td[data-score]").allTextContents()).join(" ")).toBe("0 0 3 0 3 0 0 X 0");
    await screenshot(page, "overview-ranking");
    const map = page.getByTestId("world-map");
    await map.getByRole("button", { name: "Access level" }).click();
    await map.getByRole("heading", { name: "Map: access level per country" }).waitFor();
    expect(await map.locator('a[data-iso3="NER"]').getAttribute("data-level")).toBe("2");
    expect(await map.locator('a[data-iso3="NER"]').getAttribute("aria-label")).toBe("Niger: access level 2 · Moderate constraints");
    expect(await map.locator("a[data-level]").count()).toBe(1); // no other country has a published assessment
    await screenshot(page, "overview-map-levels");

    // March: entry no longer impeded, the rest as in February; the country page says what moved.
    await page.goto(`${baseUrl}/countries/NER/assessments/new?month=2025-03`);
    await page.getByRole("heading", { name: "Access in Niger, Mar 2025" }).waitFor();
    await page.waitForLoadState("networkidle");
    for (const category of CATEGORIES) {
      const block = page.getByTestId(`indicator-${category}`);
      await block.getByLabel("Score").selectOption(category === "INTERFERENCE" ? "3" : category === "EXPLOSIVE_HAZARDS" ? "X" : "0");
      await block.getByLabel("Rationale").fill("Scored from the month's sources.");
    }
    await page.getByRole("button", { name: "Save the assessment" }).click();
    await page.waitForURL(/\/countries\/NER\?assessment=\d+/);
    const since = page.getByTestId("since-previous");
    expect(await since.textContent()).toContain("Since the previous assessment (1 Feb 2025 – 28 Feb 2025):");
    expect(await since.textContent()).toContain("Impediments to entry (bureaucratic, administrative): 3 → 0 (down)");
    expect(await since.getByRole("listitem").count()).toBe(1);
    expect(await page.getByTestId("country-assessment").getByRole("table").textContent()).toContain("down (better)");

    // The level over time as a chart beside its table: two points, oldest first, each labelled with its level.
    const chart = page.getByTestId("access-level-chart");
    await chart.locator(".recharts-label-list text").first().waitFor();
    expect(await chart.locator(".recharts-label-list text").allTextContents()).toEqual(["2", "1"]);
    expect(await chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents()).toEqual(["Feb 2025", "Mar 2025"]);
    await screenshot(page, "country-access-level-history");

    // March's own page, and both in the assessments table, latest period first.
    await page.getByRole("link", { name: "Open this assessment and its versions" }).click();
    await page.getByRole("heading", { name: "Access in Niger, 1 Mar 2025 – 31 Mar 2025" }).waitFor();
    expect(await page.getByTestId("version-shown").textContent()).toBe("Version 1 of 1.");
    await page.goto(`${baseUrl}/assessments?country=NER`);
    // The list streams in after its loading skeleton.
    const rows = page.getByTestId("assessments-table").locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain("1 · Low constraints");
    expect(await rows.nth(1).textContent()).toContain("2 · Moderate constraints");
    await screenshot(page, "assessments-table");
  });

  it("assesses an area over a custom range: Tillabéri, 1–20 February 2025, on its own page and in the country's areas", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, "analyst@example.org");
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/countries/NER/assessments/new?month=2025-02`);
    await page.getByLabel("Area assessed").selectOption("NE-6");
    // A custom range rather than the month: the first twenty days.
    await page.getByLabel("From", { exact: true }).fill("2025-02-01");
    await page.getByLabel("To", { exact: true }).fill("2025-02-20");
    await page.getByRole("button", { name: "Change the period or area" }).click();
    await page.getByRole("heading", { name: "Access in Tillabéri (Niger), 1 Feb 2025 – 20 Feb 2025" }).waitFor();
    // The form is interactive once hydrated: a choice made before would be reset.
    await page.waitForLoadState("networkidle");
    for (const category of CATEGORIES) {
      const block = page.getByTestId(`indicator-${category}`);
      await block.getByLabel("Score").selectOption(category === "MOVEMENT_RESTRICTIONS" ? "2" : "0");
      await block.getByLabel("Rationale").fill("Scored for Tillabéri from the month's sources.");
    }
    // 2 of 27 → ⌈0.37⌉ = 1.
    await expect.poll(() => page.getByTestId("computed-level").textContent()).toContain("Level by the rule: 1 · Low constraints (no information gap)");
    await page.getByRole("button", { name: "Save the assessment" }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    await page.getByRole("heading", { name: "Access in Tillabéri (Niger), 1 Feb 2025 – 20 Feb 2025" }).waitFor();
    expect(await page.getByTestId("access-level").textContent()).toBe("Level 1 · Low constraints");
    await page.goto(`${baseUrl}/countries/NER`);
    const areas = page.getByTestId("area-assessments");
    await areas.locator("tbody tr").first().waitFor();
    expect(await areas.locator("tbody tr").count()).toBe(1);
    expect(await areas.locator("tbody tr").textContent()).toContain("Tillabéri");
    expect(await areas.locator("tbody tr").textContent()).toContain("1 · Low constraints");
    expect(await areas.locator("tbody tr").textContent()).toContain("1 Feb 2025 – 20 Feb 2025");
  });

  it("fits the assessments table, with rows, in its card in French at 1280×800", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" })).newPage();
    await signIn(page, "viewer@example.org");
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/assessments`);
    await page.getByTestId("assessments-table").locator("tbody tr").first().waitFor();
    // Long French dates and levels wrap rather than push the last column out of the card.
    const overflow = await page.getByTestId("assessments-table").evaluate((table) => table.scrollWidth - table.parentElement!.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
