// The app against a PostgreSQL this file owns (as with DATABASE_URL on a real server), so
// that it can change users behind the app's back and crash and restart the database:
// revoked sessions, foreign origins, and the "database unavailable" page with recovery.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import type { Actor } from "@/lib/domain/actor";
import { changeRole, setDisabled } from "@/lib/data/user-admin";
import { seedUser } from "../support/factories";
import { ownDatabaseAppForFile, signedInPage } from "../support/own-app";

const own = ownDatabaseAppForFile();
let admin: Actor;

const EVIL_ORIGIN = "https://attacker.example";

beforeAll(async () => {
  admin = (await seedUser(own.prisma, { role: "ADMIN" })).actor;
});

async function signedIn(role: "VIEWER" | "ANALYST"): Promise<{ page: Page; user: Actor; password: string }> {
  const { actor, user, password } = await seedUser(own.prisma, { role });
  return { page: await signedInPage(own, user.email, password), user: actor, password };
}

async function eventCount(): Promise<number> {
  return own.prisma.accessEvent.count();
}

async function openChangeStatus(page: Page): Promise<void> {
  const icrc = await own.prisma.presence.findFirstOrThrow({ where: { countryIso3: "NER", organisation: { name: { contains: "Red Cross" } } } });
  await page.goto(`${own.baseUrl}/presences/${icrc.id}/change-status`);
  await page.waitForLoadState("networkidle");
}

async function fillChange(page: Page): Promise<void> {
  await page.getByRole("radio", { name: "Restricted" }).check();
  await page.getByLabel("What happened", { exact: true }).selectOption("RESTRICTION_IMPOSED");
  await page.getByLabel("Date", { exact: true }).fill("2026-11-02");
  await page.getByLabel("Summary").fill("A forged request tries to record this.");
  await page.getByRole("radio", { name: "Add a new source" }).check();
  await page.getByLabel("Publisher").fill("Forged Wire");
  await page.getByLabel("Title").fill("Forged");
}

describe("revoked sessions", () => {
  it("refuses a disabled user's old cookie at the next request", async () => {
    const { page, user } = await signedIn("VIEWER");
    await page.goto(`${own.baseUrl}/presences`);
    expect(new URL(page.url()).pathname).toBe("/presences");

    await setDisabled(admin, { userId: user.id, disabled: true });
    await page.goto(`${own.baseUrl}/presences`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect((await page.request.get(`${own.baseUrl}/api/v1/presences`)).status()).toBe(401);
  });

  it("applies a role change at once: the old session can no longer write", async () => {
    const { page, user, password } = await signedIn("ANALYST");
    await openChangeStatus(page);
    await page.getByRole("button", { name: "Save status change" }).waitFor();
    const presences = (await (await page.request.get(`${own.baseUrl}/api/v1/presences?country=NER`)).json()) as { data: { id: number; version: number }[] };
    const target = presences.data[0]!;

    await changeRole(admin, { userId: user.id, role: "VIEWER" });
    const before = await eventCount();
    const write = await page.request.post(`${own.baseUrl}/api/v1/presences/${target.id}/events`, {
      headers: { origin: own.baseUrl },
      data: {
        status: "OPERATING",
        kind: "READMITTED",
        occurredOn: "2026-11-01",
        datePrecision: "DAY",
        summary: "Demoted analyst tries to write.",
        confidence: "REPORTED",
        version: target.version,
        sources: [{ publisher: "X", title: "Y" }],
      },
    });
    expect(write.status()).toBe(401);
    expect(await eventCount()).toBe(before);
    // A role change ends the user's sessions; signed in again, they have the new role.
    await openChangeStatus(page);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${own.baseUrl}/`);
    await openChangeStatus(page);
    await page.getByText("Your role can read and export, not edit.").waitFor();
  });
});

describe("requests from another site", () => {
  it("refuses a server action whose Origin is another site, and writes nothing", async () => {
    const { page } = await signedIn("ANALYST");
    await openChangeStatus(page);
    await fillChange(page);
    const before = await eventCount();
    // The browser's own server-action request, sent on with the Origin a page on another
    // site would have (Chromium does not let a route rewrite Origin, so Playwright sends it).
    await page.route("**/change-status", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      return route.fulfill({ response: await route.fetch({ headers: { ...route.request().headers(), origin: EVIL_ORIGIN } }) });
    });
    const refused = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/change-status"));
    await page.getByRole("button", { name: "Save status change" }).click();
    expect((await refused).status()).toBe(403);
    // The form says so and keeps the input; nothing was recorded.
    await page.getByText("The server could not be reached or refused the request.").waitFor();
    expect(await page.getByLabel("Summary").inputValue()).toBe("A forged request tries to record this.");
    expect(await eventCount()).toBe(before);

    await page.unroute("**/change-status");
    await page.getByRole("button", { name: "Save status change" }).click();
    await page.waitForURL(/saved=/);
    expect(await eventCount()).toBe(before + 1);
  });

  it("refuses cookie-authenticated API writes and sign-out from another site", async () => {
    const { page } = await signedIn("ANALYST");
    const presences = (await (await page.request.get(`${own.baseUrl}/api/v1/presences?country=NER`)).json()) as { data: { id: number; version: number }[] };
    const before = await eventCount();
    for (const headers of [{ origin: EVIL_ORIGIN }, {}] as Record<string, string>[]) {
      const response = await page.request.post(`${own.baseUrl}/api/v1/presences/${presences.data[0]!.id}/events`, {
        headers,
        data: {
          status: "OPERATING",
          kind: "READMITTED",
          occurredOn: "2026-11-01",
          datePrecision: "DAY",
          summary: "Cross-site write.",
          confidence: "REPORTED",
          version: presences.data[0]!.version,
          sources: [{ publisher: "X", title: "Y" }],
        },
      });
      expect(response.status()).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/must come from the Access Monitor site/);
    }
    expect(await eventCount()).toBe(before);
    const signOut = await page.request.post(`${own.baseUrl}/api/auth/signout`, { headers: { origin: EVIL_ORIGIN }, form: { csrfToken: "x" } });
    expect(signOut.status()).toBe(403);
  });
});

/** PostgreSQL's immediate shutdown (SIGQUIT to the postmaster): like a crash. */
async function crashDatabase(): Promise<void> {
  const pid = Number((await readFile(path.join(own.dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
  process.kill(pid, "SIGQUIT");
  await expect
    .poll(
      () => {
        try {
          process.kill(pid, 0);
          return "running";
        } catch {
          return "stopped";
        }
      },
      { timeout: 15_000 },
    )
    .toBe("stopped");
}

describe("database outage", () => {
  it("shows a clear page and answers 503 while PostgreSQL is down, and recovers by itself", async () => {
    const { page } = await signedIn("VIEWER");
    await crashDatabase();

    await page.goto(`${own.baseUrl}/presences`);
    await page.getByRole("heading", { name: "The database is unavailable" }).waitFor();
    expect(await page.locator("body").textContent()).not.toMatch(/ECONNREFUSED|Prisma|at async|127\.0\.0\.1/);
    const api = await page.request.get(`${own.baseUrl}/api/v1/presences`);
    expect(api.status()).toBe(503);
    expect(await api.json()).toEqual({ error: { code: "unavailable", message: "The database is unavailable. Try again in a moment." } });
    expect((await page.request.get(`${own.baseUrl}/api/health`)).status()).toBe(503);

    // Signing in cannot work now, and the page says why.
    const { user, password } = { user: { email: "nobody@example.org" }, password: "a-long-password-123" };
    const other = await (await own.browser.newContext()).newPage();
    await other.goto(`${own.baseUrl}/sign-in`);
    await other.getByLabel("Email").fill(user.email);
    await other.getByLabel("Password").fill(password);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.getByText("Sign-in is not possible right now: the database cannot be reached.").waitFor();

    own.database = await startEmbeddedPostgres({ dataDir: own.dataDir, port: own.database.port });
    // The page retries by itself; no restart of the app.
    await page.getByRole("heading", { name: "Presences" }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe("/presences");
    expect((await page.request.get(`${own.baseUrl}/api/v1/presences`)).status()).toBe(200);
  });
});
