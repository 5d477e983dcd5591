// The whole-page cache (lib/page-cache): a reading page rendered once per data version is
// served to every reader with the same role and language, each with their own name and
// nonce; what is personal (saved columns, what they follow, their own drafts) keeps readers
// apart; a write shows on the next load; the browser runs a kept page; and nothing outside
// the proxy's own rewrite reaches the cache's route or its fills.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { follow } from "@/lib/data/watchlist";
import { NAME_PLACEHOLDER, PAGE_CACHE_HEADERS } from "@/lib/domain/page-cache";
import { signInCookie } from "../../scripts/lib/bench-http";
import { seedPresence, seedUser } from "../support/factories";
import { ownDatabaseAppForFile, signedInPage } from "../support/own-app";

const own = ownDatabaseAppForFile();
/** The follow toggle's label on Niger's page for a reader who follows it. */
const FOLLOWING = 'aria-label="Stop following Niger"';

interface Reader {
  actor: Actor;
  cookie: string;
  email: string;
  password: string;
}
let first: Reader;
let second: Reader;
let viewer: Reader;
let newcomer: Reader;

async function reader(role: "VIEWER" | "ANALYST"): Promise<Reader> {
  const { actor, user, password } = await seedUser(own.prisma, { role });
  return { actor, cookie: await signInCookie(own.baseUrl, user.email, password), email: user.email, password };
}

async function load(who: Reader, address: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${own.baseUrl}${address}`, { headers: { cookie: who.cookie, accept: "text/html", ...headers }, redirect: "manual" });
  const html = await response.text();
  const policyNonce = response.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
  return {
    status: response.status,
    outcome: response.headers.get(PAGE_CACHE_HEADERS.outcome),
    html,
    policyNonce,
    location: response.headers.get("location"),
    retryAfter: response.headers.get("retry-after"),
  };
}

const scriptNonces = (html: string) => new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]));
/** The table's column headers, by their text. */
const columnHeaders = (html: string) =>
  [...html.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)]
    .map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, "")
        .replace(/, sort.*$/, "")
        .trim(),
    )
    .filter(Boolean);

// Every reader is made first: a new user moves the data version (their name shows in the data).
beforeAll(async () => {
  first = await reader("ANALYST");
  second = await reader("ANALYST");
  viewer = await reader("VIEWER");
  newcomer = await reader("ANALYST");
}, 120_000);

describe("the whole-page cache", () => {
  it("renders a reading page once and serves it to the next reader with the same role, with their own name and nonce", async () => {
    const a = await load(first, "/countries/NER");
    expect(a.status).toBe(200);
    expect(a.outcome).toBe("miss");
    const again = await load(first, "/countries/NER");
    expect(again.outcome).toBe("hit");
    const b = await load(second, "/countries/NER");
    expect(b.outcome).toBe("hit");
    expect(b.html).toContain(second.actor.name);
    expect(b.html).not.toContain(first.actor.name);
    expect(b.html).not.toContain(NAME_PLACEHOLDER);
    // Every script carries this response's nonce, the one its policy allows, and no other.
    expect(b.policyNonce).toBeTruthy();
    expect(scriptNonces(b.html)).toEqual(new Set([b.policyNonce]));
    expect(b.policyNonce).not.toBe(a.policyNonce);
    // Apart from the name and the nonce, the same page.
    const plain = (html: string, name: string, nonce: string) => html.split(name).join("NAME").split(nonce).join("NONCE");
    expect(plain(b.html, second.actor.name, b.policyNonce!)).toBe(plain(again.html, first.actor.name, again.policyNonce!));
  });

  it("keeps each role's page apart", async () => {
    const page = await load(viewer, "/countries/NER");
    expect(page.outcome).toBe("miss");
    expect(page.html).toContain("Viewer");
    expect((await load(viewer, "/countries/NER")).outcome).toBe("hit");
  });

  it("serves a reader whose saved columns differ their own page, and the others theirs", async () => {
    expect((await load(first, "/presences")).outcome).toBe("miss");
    const defaults = await load(second, "/presences");
    expect(defaults.outcome).toBe("hit");
    await own.prisma.tablePreference.create({ data: { userId: second.actor.id, table: "presences", columns: ["organisation", "country", "status"] } });
    const chosen = await load(second, "/presences");
    expect(chosen.outcome).toBe("miss");
    expect(columnHeaders(chosen.html)).toEqual(expect.arrayContaining(["Organisation", "Country", "Status"]));
    for (const hidden of ["Acronym", "Type", "Since"]) expect(columnHeaders(chosen.html)).not.toContain(hidden);
    expect(columnHeaders(defaults.html)).toEqual(expect.arrayContaining(["Organisation", "Acronym", "Type", "Country", "Status", "Since"]));
    expect((await load(second, "/presences")).outcome).toBe("hit");
    const firstAgain = await load(first, "/presences");
    expect(firstAgain.outcome).toBe("hit");
    expect(columnHeaders(firstAgain.html)).toEqual(columnHeaders(defaults.html));
  });

  it("shows a reader who follows a country that they do, and not the others", async () => {
    // `first` kept no columns, so their country page (with its tables) is the shared one.
    const before = await load(first, "/countries/NER");
    expect(before.outcome).toBe("hit");
    await follow(first.actor, { country: "NER" });
    const following = await load(first, "/countries/NER");
    expect(following.outcome).toBe("miss");
    expect(following.html).toContain(FOLLOWING);
    expect(before.html).not.toContain(FOLLOWING);
    expect((await load(viewer, "/countries/NER")).html).not.toContain(FOLLOWING);
  });

  it("shows a write on the very next load of every reader", async () => {
    expect((await load(first, "/organisations")).outcome).not.toBeNull();
    expect((await load(second, "/organisations")).outcome).toBe("hit");
    const name = `Page cache test org ${Date.now()}`;
    await seedPresence(first.actor, { name });
    const next = await load(second, "/organisations");
    expect(next.outcome).toBe("miss");
    expect(next.html).toContain(name);
    expect((await load(first, "/organisations")).html).toContain(name);
  });

  it("sends a reader with a one-time password to the account page, as every page does", async () => {
    await own.prisma.user.update({ where: { id: newcomer.actor.id }, data: { mustChangePassword: true } });
    const page = await load(newcomer, "/countries/NER");
    expect(page.outcome).toBe("pass");
    expect(page.status).toBe(307);
    expect(page.location).toContain("/account");
  });

  it("answers a reader over their request budget 429 with Retry-After and the page saying so, and keeps nothing of it", async () => {
    const spent = await reader("VIEWER");
    // Their budget spent for the next hour (the budget's row, as 300 quick requests would leave it an instant).
    await own.prisma.$executeRaw`INSERT INTO "RateLimit" (key, tat) VALUES (${`user:${spent.actor.id}`}, (now() AT TIME ZONE 'UTC') + interval '1 hour')
      ON CONFLICT (key) DO UPDATE SET tat = EXCLUDED.tat`;
    const refused = await load(spent, "/presences");
    expect(refused.status).toBe(429);
    expect(refused.outcome).toBe("pass");
    expect(Number(refused.retryAfter)).toBeGreaterThan(3000);
    expect(refused.html).toContain('data-testid="too-many-requests"');
    expect(refused.html).not.toContain('data-testid="presences-table"');
    // Another viewer still gets the page, and the spent reader gets it once their budget is back.
    expect((await load(viewer, "/presences")).status).toBe(200);
    await own.prisma.$executeRaw`DELETE FROM "RateLimit" WHERE key = ${`user:${spent.actor.id}`}`;
    const back = await load(spent, "/presences");
    expect(back.status).toBe(200);
    expect(back.html).not.toContain('data-testid="too-many-requests"');
    expect(back.html).toContain('data-testid="presences-table"');
  });

  it("leaves client-side navigations to the renderer, and refuses its route and forged fills", async () => {
    // As the browser's router asks: React's payload, the browser's default Accept.
    const asked = await load(first, "/countries/NER", { rsc: "1", accept: "*/*" });
    expect(asked.status).toBe(307); // Next.js's own cache-busting parameter, added by redirect
    expect(new URL(asked.location!, own.baseUrl).pathname).toBe("/countries/NER");
    const navigation = await load(first, asked.location!, { rsc: "1", accept: "*/*" });
    expect(navigation.status).toBe(200);
    expect(navigation.outcome).toBeNull();
    expect(navigation.html.startsWith("<!DOCTYPE")).toBe(false);
    const direct = await load(first, "/api/page-cache", {});
    expect(direct.status).toBe(404);
    const forged = await load(first, "/api/page-cache", { [PAGE_CACHE_HEADERS.target]: "/countries/NER", [PAGE_CACHE_HEADERS.via]: "guess" });
    expect(forged.status).toBe(404);
    // A fill id this instance did not make changes nothing: the real name, counted as usual.
    const fill = await load(first, "/countries/NER", { [PAGE_CACHE_HEADERS.fill]: "00000000-0000-4000-8000-000000000000" });
    expect(fill.outcome).toBeNull();
    expect(fill.html).toContain(first.actor.name);
    expect(fill.html).not.toContain(NAME_PLACEHOLDER);
  });

  it("runs in the browser: a kept page loads its scripts under the reader's nonce and works", async () => {
    await load(first, "/presences");
    expect((await load(first, "/presences")).outcome).toBe("hit");
    const page = await signedInPage(own, first.email, first.password);
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    const response = await page.goto(`${own.baseUrl}/presences`);
    expect(response?.headers()[PAGE_CACHE_HEADERS.outcome]).toBe("hit");
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.getByRole("link", { name: new RegExp(first.actor.name) }).count()).toBe(1);
    // Hydrated and its server actions live: unchecking a column saves the choice.
    await page.getByText("Columns", { exact: true }).click();
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"]));
    await page.getByRole("checkbox", { name: "Acronym" }).uncheck();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => own.prisma.tablePreference.count({ where: { userId: first.actor.id, table: "presences" } })).toBe(1);
    await expect.poll(() => page.getByRole("columnheader", { name: /^Acronym/ }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
