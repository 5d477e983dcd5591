// Editing in the browser, on its own app instance (the other e2e files read the seeded
// statuses and must not see these changes).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn } from "../support/browser";
import { ownAppForFile } from "../support/own-app";

const PASSWORD = "e2e-editing-password";
const own = ownAppForFile({ DEMO_PASSWORD: PASSWORD });

async function signedIn(email: string): Promise<Page> {
  const context = await own.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD, own.baseUrl);
  await page.waitForURL(`${own.baseUrl}/`);
  return page;
}

async function openChangeStatus(page: Page, organisation: string) {
  await page.goto(`${own.baseUrl}/countries/NER`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: `Change status: ${organisation} in Niger` }).click();
  await page.getByRole("heading", { name: "Change status" }).waitFor();
  await page.waitForLoadState("networkidle");
}

async function fillChange(page: Page, summary: string) {
  await page.getByRole("radio", { name: "Restricted" }).check();
  await page.getByLabel("What happened", { exact: true }).selectOption("RESTRICTION_IMPOSED");
  await page.getByLabel("Date", { exact: true }).fill("2026-11-02");
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("People affected (optional)").fill("15000");
  await page.getByRole("radio", { name: "Add a new source" }).check();
  await page.getByLabel("Publisher").fill("E2E Wire");
  await page.getByLabel("Title").fill("Operations curtailed in Niger");
  await page.getByLabel("Web address (optional)").fill("https://example.org/e2e");
}

describe("changing a status", () => {
  it("lets an analyst change the ICRC's status with a new source, seen on the dashboard and in the audit log", async () => {
    const page = await signedIn("analyst@example.org");
    await openChangeStatus(page, "International Committee of the Red Cross");
    await fillChange(page, "The ICRC's remaining liaison office is limited to Niamey by decree.");
    await screenshot(page, "change-status-form");
    await page.getByRole("button", { name: "Save status change" }).click();
    await page.waitForURL(/\/countries\/NER\?saved=\d+/);
    await page.getByText("Status change saved.").waitFor();
    expect(await page.getByTestId("last-changed").textContent()).toMatch(/Last changed by Demo Analyst on \d{1,2} [A-Z][a-z]{2} \d{4} \(status change\)/);

    await page.goto(`${own.baseUrl}/`);
    const icrc = page.getByTestId("presence-row").filter({ has: page.locator("th", { hasText: "International Committee of the Red Cross" }) });
    expect(await icrc.textContent()).toMatch(/Restricted.*2 Nov 2026.*15,000/);

    await page.goto(`${own.baseUrl}/audit?action=presence.statusChange`);
    const entry = page.getByTestId("table-row").first();
    expect(await entry.textContent()).toContain("analyst@example.org");
    expect(await entry.textContent()).toContain("RESTRICTED");
  });

  it("shows a viewer no edit control, and refuses a viewer's direct write", async () => {
    const page = await signedIn("viewer@example.org");
    await page.goto(`${own.baseUrl}/countries/NER`);
    await page.getByTestId("presences-table").waitFor();
    expect(await page.getByRole("link", { name: /^Change status/ }).count()).toBe(0);
    const presences = (await (await page.request.get(`${own.baseUrl}/api/v1/presences?country=NER&q=Acted`)).json()) as {
      data: { id: number; version: number }[];
    };
    const target = presences.data[0]!;
    const response = await page.request.post(`${own.baseUrl}/api/v1/presences/${target.id}/events`, {
      headers: { origin: own.baseUrl },
      data: {
        status: "OPERATING",
        kind: "READMITTED",
        occurredOn: "2026-11-01",
        datePrecision: "DAY",
        summary: "A viewer tries to write this.",
        confidence: "REPORTED",
        version: target.version,
        sources: [{ publisher: "X", title: "Y" }],
      },
    });
    expect(response.status()).toBe(403);
  });

  it("shows the conflict when someone else saved first, keeping the input to re-apply", async () => {
    const first = await signedIn("analyst@example.org");
    const second = await signedIn("admin@example.org");
    await openChangeStatus(first, "Acted");
    await openChangeStatus(second, "Acted");
    await fillChange(first, "Acted's Niamey office may reopen for logistics only.");
    await first.getByRole("button", { name: "Save status change" }).click();
    await first.waitForURL(/saved=/);

    await fillChange(second, "A later report: Acted's logistics office restricted to Niamey.");
    await second.getByRole("button", { name: "Save status change" }).click();
    const conflict = second.getByTestId("conflict");
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Someone else changed this record.*Restricted.*Acted's Niamey office may reopen/s);
    expect(await second.getByLabel("Summary").inputValue()).toBe("A later report: Acted's logistics office restricted to Niamey.");
    await screenshot(second, "change-status-conflict");

    await second.getByRole("button", { name: "Keep my input and apply it on top of this" }).click();
    await second.getByRole("button", { name: "Save status change" }).click();
    await second.waitForURL(/saved=/);
  });

  it("adds an organisation with a Unicode name, puts it in Niger and sets its first status", async () => {
    const page = await signedIn("analyst@example.org");
    await page.goto(`${own.baseUrl}/organisations`);
    await page.getByRole("link", { name: "Add an organisation" }).click();
    await page.getByRole("heading", { name: "Add an organisation" }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.getByText("Name is required").waitFor(); // nothing filled in: the server says what is missing

    await page.getByLabel("Name").fill("Médecins Sans Frontières");
    await page.getByLabel("Acronym (optional)").fill("MSF");
    await page.getByLabel("Type").selectOption("INGO");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.waitForURL(/\/organisations\/\d+\?created=1/);
    await page.waitForLoadState("networkidle");
    await page.getByText("Edit details").click();
    await page.getByLabel("Website").fill("not a web address");
    await page.getByRole("button", { name: "Save details" }).click();
    await page.getByText("Website must be a web address").waitFor();
    await page.getByLabel("Website").fill("https://www.msf.org");
    await page.getByRole("button", { name: "Save details" }).click();
    await page.getByText("Saved.", { exact: true }).waitFor();
    const organisationUrl = page.url().replace(/\?.*$/, "");

    // Into a country with its first event, in one form: the country found by typing without accents.
    await page.getByRole("link", { name: "Add to a country…" }).click();
    await page.getByRole("heading", { name: "Add Médecins Sans Frontières to a country" }).waitFor();
    await page.waitForLoadState("networkidle");
    const country = page.getByRole("combobox", { name: "Country" });
    await country.fill("cote");
    expect(await page.getByRole("option").allTextContents()).toEqual(["Côte d'IvoireCIV"]);
    await country.fill("nige");
    await page.getByRole("option", { name: "Niger NER", exact: true }).waitFor();
    expect(await page.getByRole("option").first().textContent()).toBe("NigerNER"); // "Niger" before "Nigeria"
    await country.press("Enter");
    await page.getByRole("radio", { name: "Operating" }).check();
    // Only the kinds that may lead to operating are offered.
    expect(await page.getByLabel("What happened", { exact: true }).locator("option:not([disabled])").allTextContents()).toEqual([
      "Restriction lifted",
      "Readmitted",
      "Arrival",
      "Other",
    ]);
    await page.getByLabel("What happened", { exact: true }).selectOption("ARRIVAL");
    // Known to the month: the date is a month.
    await page.getByLabel("Date known to the").selectOption("MONTH");
    await page.getByLabel("Date (month)").fill("2026-10");
    await page.getByLabel("Summary").fill("MSF registers its Niger mission with the authorities.");
    await page.getByLabel("Confidence").selectOption("CONFIRMED");
    await page.getByRole("radio", { name: "Add a new source" }).check();
    await page.getByLabel("Publisher").fill("E2E Wire");
    await page.getByLabel("Title").fill("MSF in Niger");
    await screenshot(page, "new-presence-form");
    await page.getByRole("button", { name: "Save the presence and its first event" }).click();
    await page.waitForURL(/\/organisations\/\d+\?saved=\d+/);
    const row = page.getByTestId("table-row").filter({ hasText: "Niger" });
    expect(await row.textContent()).toMatch(/Operating.*Oct 2026/);

    // Niger again: the existing presence is offered, not refused.
    await page.goto(`${organisationUrl}`);
    await page.getByRole("link", { name: "Add to a country…" }).click();
    await page.waitForLoadState("networkidle");
    await page.getByRole("combobox", { name: "Country" }).fill("NER");
    await page.getByRole("combobox", { name: "Country" }).press("Enter");
    await page.getByTestId("existing-presence").waitFor();
    expect(await page.getByTestId("existing-presence").textContent()).toMatch(
      /Médecins Sans Frontières in Niger is already recorded:.*Operating.*since Oct 2026/,
    );
    await page.getByRole("link", { name: "Change its status" }).click();
    await page.getByRole("heading", { name: "Change status" }).waitFor();
    // The choices of the last event are remembered for the session.
    expect(await page.getByLabel("Confidence").inputValue()).toBe("CONFIRMED");
    expect(await page.getByLabel("Date known to the").inputValue()).toBe("MONTH");

    // The same name without accents warns, and links to the one that exists.
    await page.goto(`${own.baseUrl}/organisations/new`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name").fill("medecins sans frontieres");
    await page.getByLabel("Type").selectOption("INGO");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.getByTestId("similar-organisations").waitFor();
    expect(await page.getByTestId("similar-organisations").getByRole("link").textContent()).toBe("Médecins Sans Frontières (MSF)");
    await screenshot(page, "similar-organisation-warning");

    // And a search without accents finds it in every table.
    for (const table of ["organisations", "presences", "events"]) {
      await page.goto(`${own.baseUrl}/${table}?q=medecins`);
      expect(await page.getByTestId("table-row").count(), table).toBeGreaterThan(0);
    }
  });

  it("corrects an event: marks it disputed, then retracts it with a reason, which recomputes the status", async () => {
    const page = await signedIn("analyst@example.org");
    await page.goto(`${own.baseUrl}/events?q=liaison%20office`); // the ICRC change made in the first test
    await page.getByTestId("table-row").first().click();
    await page.waitForURL(/\/events\/\d+/);
    await page.waitForLoadState("networkidle");
    await page.getByText("Edit the event (or mark it disputed)").click();
    await page.getByLabel("Confidence").selectOption("DISPUTED");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved. The status and figures were recomputed.").waitFor();
    await expect.poll(() => page.getByTestId("timeline-event").textContent(), { timeout: 15_000 }).toContain("Disputed: sources disagree");

    await page.getByText("Retract this event").click();
    await page.getByLabel("Reason").fill("Short");
    await page.getByRole("button", { name: "Retract event" }).click();
    await page.getByText("Reason needs at least 10 characters").waitFor();
    await page.getByLabel("Reason").fill("The decree was never published; the report was withdrawn.");
    await page.getByRole("button", { name: "Retract event" }).click();
    await page.getByTestId("retracted").waitFor();
    expect(await page.getByTestId("retracted").textContent()).toContain("The decree was never published");

    await page.goto(`${own.baseUrl}/`);
    const icrc = page.getByTestId("presence-row").filter({ has: page.locator("th", { hasText: "International Committee of the Red Cross" }) });
    expect(await icrc.textContent()).toMatch(/Expelled.*31 Jan 2025/); // back to the status before the retracted change
  });

  it("lets an admin create a user and disable another, whose open session stops at once", async () => {
    const viewer = await signedIn("viewer@example.org");
    const admin = await signedIn("admin@example.org");
    await admin.goto(`${own.baseUrl}/admin/users`);
    await admin.waitForLoadState("networkidle");
    await admin.getByLabel("Name").fill("Amina Diallo");
    await admin.getByLabel("Email").fill("amina@example.org");
    await admin.getByLabel("One-time password (12+ characters)").fill("a long enough passphrase");
    await admin.getByRole("button", { name: "Create user" }).click();
    await admin.getByText("User created.", { exact: false }).waitFor();

    await admin.getByRole("button", { name: "Disable viewer@example.org" }).click();
    await admin.getByText("Saved; their sessions were signed out.").waitFor();
    await screenshot(admin, "admin-users");
    await viewer.goto(`${own.baseUrl}/presences`);
    expect(new URL(viewer.url()).pathname).toBe("/sign-in");

    await admin.getByRole("combobox", { name: "Role of admin@example.org" }).selectOption("VIEWER");
    await admin.getByText("This is the last active admin").waitFor();
    expect(await admin.getByRole("combobox", { name: "Role of admin@example.org" }).inputValue()).toBe("ADMIN");
  });

  it("records escorts required for INGO travel outside Niamey in Tillabéri, seen on the Niger area map and in the events table by area", async () => {
    const page = await signedIn("analyst@example.org");
    await page.goto(`${own.baseUrl}/countries/NER`);
    await page.waitForLoadState("networkidle");
    // Before: no constraint event in Tillabéri.
    expect(await page.locator('[data-testid="area-map"] path[data-area="NE-6"]').getAttribute("data-events")).toBe("0");
    await page.getByRole("link", { name: "Record a constraint in Niger…" }).click();
    await page.getByRole("heading", { name: "Record an access constraint in Niger" }).waitFor();
    await page.waitForLoadState("networkidle");
    // A whole-country constraint cannot set a status.
    expect(await page.getByRole("radio", { name: "Restricted" }).isDisabled()).toBe(true);
    await page.getByRole("radio", { name: "Every organisation of some types" }).check();
    await page.getByRole("checkbox", { name: "International NGO" }).check();
    await page.getByRole("checkbox", { name: /Tillabéri/ }).check();
    await page.getByLabel("What happened", { exact: true }).selectOption("RESTRICTION_IMPOSED");
    await page.getByLabel("Subtype (optional)").selectOption("ESCORT_REQUIRED");
    expect(await page.getByLabel("Access constraint").inputValue()).toBe("MOVEMENT_RESTRICTIONS");
    await page.getByLabel("Date", { exact: true }).fill("2025-03-01");
    await page.getByLabel("Summary").fill("Military escorts required for INGO travel outside Niamey.");
    await page.getByRole("radio", { name: "Add a new source" }).check();
    await page.getByLabel("Publisher").fill("ACAPS");
    await page.getByLabel("Title").fill("Niger: humanitarian access");
    await screenshot(page, "constraint-form");
    await page.getByRole("button", { name: "Record the constraint" }).click();
    await page.waitForURL(/\/countries\/NER\?constraint=\d+/);
    await page.getByText("Constraint recorded.").waitFor();
    const tillaberi = page.locator('[data-testid="area-map"] path[data-area="NE-6"]');
    expect(await tillaberi.getAttribute("data-events")).toBe("1");
    expect(await page.locator('[data-testid="area-map"] path[data-area="NE-3"]').getAttribute("data-events")).toBe("0"); // Dosso: nothing there
    expect(
      await page
        .getByTestId("indicator-table")
        .getByRole("row", { name: /Movement restrictions/ })
        .textContent(),
    ).toContain("Military escorts required for INGO travel outside Niamey.");
    await screenshot(page, "country-constraints");
    // The area is a link to its events in the Events table.
    await page.getByRole("link", { name: "Tillabéri (NE-6): 1 constraint event" }).click();
    await page.waitForURL(/\/events\?country=NER&area=NE-6/);
    const rows = page.getByTestId("table-row");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Every International NGO in the country");
    expect(await rows.first().textContent()).toContain("Tillabéri");
    expect(await page.locator('select[name="area"]').inputValue()).toBe("NE-6"); // the filter shows the area chosen
  });
});
