// Signing in and out as an attacker would try them, on the production build: the page
// after sign-in is always on this site; signing out ends the session on the server (a copy
// of the cookie stops working); "sign out everywhere" ends them all; a password an admin
// chose works once; what no route should see is refused before it runs; and the Export menu
// says when an export cannot start.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { adminCreateUser, setDisabled } from "@/lib/data/user-admin";
import { seedUser, unique } from "../support/factories";
import { ownDatabaseAppForFile, signedInPage } from "../support/own-app";

// One export at a time per user, so that the Export menu's refusal is quick to provoke.
const own = ownDatabaseAppForFile({ EXPORTS_PER_USER: "1" });
let admin: Actor;

beforeAll(async () => {
  admin = (await seedUser(own.prisma, { role: "ADMIN" })).actor;
});

const cookieHeader = async (page: Page) => (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
const withCookie = (cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${own.baseUrl}${path}`, { redirect: "manual", ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/sign-in/);
}

describe("after signing in", () => {
  it("goes only to a page of this site, however the callback address is disguised", async () => {
    const { user, password } = await seedUser(own.prisma);
    for (const callback of [
      "/\\attacker.example/",
      "/\t/attacker.example/",
      "//attacker.example/",
      "/.//attacker.example/",
      "https://attacker.example/",
      "/presences?country=NER",
    ]) {
      const page = await (await own.browser.newContext()).newPage();
      await page.goto(`${own.baseUrl}/sign-in?callbackUrl=${encodeURIComponent(callback)}`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/sign-in");
      await page.waitForLoadState("networkidle");
      const landed = new URL(page.url());
      expect(landed.origin, callback).toBe(own.baseUrl);
      expect(`${landed.pathname}${landed.search}`, callback).toBe(callback === "/presences?country=NER" ? callback : "/");
      await page.context().close();
    }
  });

  it("answers next-auth's routes without a 500 whatever callback URL they are sent", async () => {
    const evil = "next-auth.callback-url=http://a:b";
    const answers = [
      await fetch(`${own.baseUrl}/api/auth/providers`, { headers: { cookie: evil } }),
      await fetch(`${own.baseUrl}/api/auth/csrf`, { headers: { cookie: evil } }),
      await fetch(`${own.baseUrl}/api/auth/signin?callbackUrl=http%3A%2F%2Fa%3Ab`, { redirect: "manual" }),
      await fetch(`${own.baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: own.baseUrl, "content-type": "application/x-www-form-urlencoded", cookie: evil },
        body: "callbackUrl=http%3A%2F%2Fa%3Ab&csrfToken=x&json=true",
      }),
    ];
    for (const answer of answers) expect(answer.status, answer.url).toBeLessThan(500);
  });
});

describe("signing out", () => {
  it("ends the session on the server: a copy of the cookie taken before no longer reads anything", async () => {
    const { user, password } = await seedUser(own.prisma, { role: "ANALYST" });
    const page = await signedInPage(own, user.email, password);
    const copy = await cookieHeader(page);
    expect((await withCookie(copy, "/api/v1/presences")).status).toBe(200);
    await signOut(page);

    expect((await withCookie(copy, "/api/v1/presences")).status).toBe(401);
    expect((await withCookie(copy, "/api/v1/export/events?format=csv")).status).toBe(401);
    expect(await (await withCookie(copy, "/api/auth/session")).json()).toEqual({});
    const pageAnswer = await fetch(`${own.baseUrl}/presences`, { headers: { cookie: copy } });
    expect(new URL(pageAnswer.url).pathname).toBe("/sign-in");
    expect(await own.prisma.auditEntry.count({ where: { action: "auth.signOut", actorId: user.id } })).toBe(1);
  });

  it("signs out everywhere from the account page, ending the sessions of other browsers too", async () => {
    const { user, password } = await seedUser(own.prisma);
    const laptop = await signedInPage(own, user.email, password);
    const phone = await signedInPage(own, user.email, password);
    await laptop.goto(`${own.baseUrl}/account`);
    await expect.poll(() => laptop.getByTestId("sessions").locator("li").count()).toBe(2);
    await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
    await laptop.waitForURL(/\/sign-in/);
    await phone.goto(`${own.baseUrl}/presences`);
    expect(new URL(phone.url()).pathname).toBe("/sign-in");
  });

  it("no longer describes a disabled user's session as signed in", async () => {
    const { user, password } = await seedUser(own.prisma);
    const page = await signedInPage(own, user.email, password);
    const copy = await cookieHeader(page);
    expect(await (await withCookie(copy, "/api/auth/session")).json()).toMatchObject({ user: { email: user.email } });
    await setDisabled(admin, { userId: user.id, disabled: true });
    expect(await (await withCookie(copy, "/api/auth/session")).json()).toEqual({});
  });
});

describe("a password an admin chose", () => {
  it("works once: the user must choose their own before anything else opens", async () => {
    const email = `${unique("one-time")}@example.test`;
    await adminCreateUser(admin, { name: "Moussa Issa", email, role: "ANALYST", password: "chosen by the admin" });
    const page = await (await own.browser.newContext()).newPage();
    await page.goto(`${own.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("chosen by the admin");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${own.baseUrl}/account`);
    await page.getByText("An admin chose your current password, so it works only once").waitFor();
    await page.goto(`${own.baseUrl}/presences`);
    expect(new URL(page.url()).pathname).toBe("/account");
    expect((await page.request.get(`${own.baseUrl}/api/v1/presences`)).status()).toBe(403);

    await page.getByLabel("Current password").fill("chosen by the admin");
    await page.getByLabel("New password (12 characters or more)").fill("my own words for this");
    await page.getByLabel("New password again").fill("my own words for this");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL(`${own.baseUrl}/`);
    await page.goto(`${own.baseUrl}/presences`);
    expect(new URL(page.url()).pathname).toBe("/presences");
  });
});

describe("requests no route should see", () => {
  it("refuses unknown methods, broken text in the address and look-alike public paths, never with a 5xx", async () => {
    // Node's fetch refuses to send TRACE itself: a raw request shows the server's answer.
    const { request } = await import("node:http");
    const trace = await new Promise<number>((resolve, reject) => {
      const sent = request(`${own.baseUrl}/api/health`, { method: "TRACE" }, (response) => resolve(response.statusCode ?? 0));
      sent.on("error", reject);
      sent.end();
    });
    expect(trace).toBe(405);
    const nul = await fetch(`${own.baseUrl}/presences?q=%00`, { redirect: "manual" });
    expect(nul.status).toBe(400);
    const lookAlike = await fetch(`${own.baseUrl}/sign-inx`, { redirect: "manual" });
    expect(lookAlike.status).toBe(307);
    expect(lookAlike.headers.get("location")).toContain("/sign-in?callbackUrl=%2Fsign-inx");
  });

  it("refuses server-action arguments nested too deep or too large, before React decodes them", async () => {
    const { user, password } = await seedUser(own.prisma);
    const page = await signedInPage(own, user.email, password);
    await page.goto(`${own.baseUrl}/events`);
    await page.waitForLoadState("networkidle");
    // A real server action, to learn its id: saving the choice of columns.
    const actionRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByText("Columns", { exact: true }).click();
    await page.getByRole("checkbox", { name: "Summary" }).uncheck();
    const action = await actionRequest;
    const { "content-length": _length, ...sent } = await action.allHeaders();
    const headers = { ...sent, cookie: await cookieHeader(page), origin: own.baseUrl };
    const send = (body: string) => fetch(action.url(), { method: "POST", headers, body });
    const saved = await own.prisma.tablePreference.count();

    const deep = await send(`${"[".repeat(80_000)}${"]".repeat(80_000)}`);
    expect(deep.status).toBe(400);
    const large = await send(JSON.stringify([{ table: "events", columns: ["x".repeat(2 * 1024 * 1024)] }]));
    expect(large.status).toBe(413);
    expect(await own.prisma.tablePreference.count()).toBe(saved);
  });

  it("does not buffer large bodies of callers it does not know", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    const bodies = Array.from(
      { length: 8 },
      () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 12 * 16; i += 1) controller.enqueue(chunk); // 12 MB, chunked
            controller.close();
          },
        }),
    );
    const answers = await Promise.all(
      bodies.map((body) =>
        fetch(`${own.baseUrl}/api/v1/organisations`, {
          method: "POST",
          body,
          duplex: "half",
          headers: { authorization: "Bearer am_junk-token-aaaaaaaaaa", "content-type": "application/json" },
        } as RequestInit),
      ),
    );
    for (const answer of answers) expect([401, 413, 429]).toContain(answer.status);
  });
});

describe("the Export menu", () => {
  it("says so when an export cannot start, instead of a failed download", async () => {
    const { user, password } = await seedUser(own.prisma, { role: "VIEWER" });
    const page = await signedInPage(own, user.email, password);
    await page.goto(`${own.baseUrl}/events`);
    await page.waitForLoadState("networkidle");
    // Enough events that an export outlasts the buffers between it and a client that waits.
    await own.prisma.$executeRaw`
      INSERT INTO "AccessEvent" ("countryIso3", kind, "occurredOn", "datePrecision", summary, confidence, synthetic, "updatedAt")
      SELECT 'NER', 'OTHER', DATE '2020-01-01' + (n % 1000), 'DAY', 'Synthetic event for the export budget test, number ' || n, 'REPORTED', true, now()
      FROM generate_series(1, 40000) AS n`;
    // One export running for this user (its client reads the first chunk, then waits).
    const running = await fetch(`${own.baseUrl}/api/v1/export/events?format=csv`, { headers: { cookie: await cookieHeader(page) } });
    expect(running.status).toBe(200);
    const reader = running.body!.getReader();
    await reader.read();

    await page.getByText("Export", { exact: true }).click();
    await page.getByRole("link", { name: "CSV", exact: true }).click();
    await page.getByTestId("export-refused").getByText("You already have an export running").waitFor();

    await reader.cancel();
    await expect
      .poll(
        async () => (await fetch(`${own.baseUrl}/api/v1/export/events?format=csv`, { method: "HEAD", headers: { cookie: await cookieHeader(page) } })).status,
        { timeout: 10_000 },
      )
      .toBe(200);
    await page.getByText("Export", { exact: true }).click();
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV", exact: true }).click()]);
    expect(file.suggestedFilename()).toMatch(/^events-as-of-.*\.csv$/);
    await expect.poll(() => page.getByTestId("export-refused").count()).toBe(0);
  });
});
