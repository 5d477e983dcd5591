// The interface in French: chosen before sign-in from the browser's Accept-Language, with
// <html lang>; every page without a word of the English messages; the header's switch,
// remembered on the account for every browser the user signs in from.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { CONFIDENCE_LABELS, EVENT_KIND_LABELS, ORGANISATION_TYPE_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { TABLE_COLUMNS } from "@/lib/domain/tables/columns";
import { COLUMN_LABELS_FR } from "@/lib/domain/tables/column-labels";
import { launchBrowser, screenshot, signIn } from "../support/browser";
import { APP_PAGES } from "../support/app-pages";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function leaves(messages: object): string[] {
  return Object.values(messages).flatMap((value) => (value && typeof value === "object" ? leaves(value) : [String(value)]));
}

/**
 * The English interface's own phrases, as they can appear on a page: each message cut at its
 * arguments, tags and plural forms, kept when it has two words and twelve characters or more
 * ("Sources" or "Total" are French too; "on Tuesday" may well be quoted in an event's summary)
 * and French does not say it the same way.
 */
const ENGLISH_PHRASES = (() => {
  const french = new Set(leaves(fr));
  const frenchText = [...french, ...Object.values(COLUMN_LABELS_FR).flatMap((labels) => Object.values(labels))].join("\n");
  const english = [
    ...leaves(en),
    ...[STATUS_LABELS, EVENT_KIND_LABELS, ORGANISATION_TYPE_LABELS, CONFIDENCE_LABELS].flatMap((labels) => Object.values(labels)),
    ...Object.values(TABLE_COLUMNS).flatMap((columns) => columns.map((c) => c.label)),
  ];
  const fragments = english
    .filter((message) => !french.has(message))
    .flatMap((message) => message.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|<\/?\w+>|[.:;()“”?]/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.split(/\s+/).length >= 2 && fragment.length >= 12)
    // A code or a name French writes the same way ("ISO 3166-2", "Red Cross") is no English left.
    .filter((fragment) => !frenchText.includes(fragment));
  return [...new Set(fragments)];
})();

/** The French interface's own phrases, the same way: what an English page must not show. */
const FRENCH_PHRASES = (() => {
  const englishText = [...leaves(en), ...Object.values(TABLE_COLUMNS).flatMap((columns) => columns.map((c) => c.label))].join("\n");
  const fragments = leaves(fr)
    .flatMap((message) => message.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|<\/?\w+>|[.:;()«»“”?]/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.split(/\s+/).length >= 2 && fragment.length >= 12 && !englishText.includes(fragment));
  return [...new Set(fragments)];
})();

async function frenchContext(): Promise<BrowserContext> {
  return browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 800 } });
}

/** Signs in through the French sign-in page (its labels are French: the fields are found by id). */
async function signInFrench(page: Page, email: string, password = inject("demoPassword")) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

const visibleText = (page: Page) => page.evaluate(() => `${document.title}\n${document.body.innerText}`);

describe("the interface in French", () => {
  it("has English phrases to look for (the check below is not empty)", () => {
    expect(ENGLISH_PHRASES).toContain("Who can still work where");
    expect(ENGLISH_PHRASES).toContain("Change status");
    expect(ENGLISH_PHRASES.length).toBeGreaterThan(300);
  });

  it("opens the sign-in page in French for a browser that asks for French, <html lang> saying so", async () => {
    const page = await (await frenchContext()).newPage();
    await page.goto(`${baseUrl}/sign-in`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.getByLabel("Adresse e-mail").count()).toBe(1);
    expect(await page.getByLabel("Mot de passe").count()).toBe(1);
    expect(await page.title()).toContain("Connexion");
    const english = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await english.goto(`${baseUrl}/sign-in`);
    expect(await english.getAttribute("html", "lang")).toBe("en");
    expect(await english.getByLabel("Email").count()).toBe(1);
  });

  it("shows every page in French: no English phrase of the interface left, dates and numbers written the French way", async () => {
    const pages: Record<string, Page> = {};
    const errors: string[] = [];
    for (const { path, as } of APP_PAGES) {
      const who = as ?? "nobody";
      if (!pages[who]) {
        const page = await (await frenchContext()).newPage();
        // A missing message logs an error (use-intl); the one page that answers 404 on purpose logs its status.
        page.on("console", (message) => {
          if (message.type() === "error" && !page.url().endsWith("/countries/XXX")) errors.push(`${message.text()} (${page.url()})`);
        });
        if (as) await signInFrench(page, as);
        pages[who] = page;
      }
      const page = pages[who]!;
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
      expect(await page.getAttribute("html", "lang"), path).toBe("fr");
      const text = await visibleText(page);
      const left = ENGLISH_PHRASES.filter((phrase) => text.includes(phrase));
      expect(left, `English on ${path}`).toEqual([]);
      await screenshot(page, `fr${path.replace(/\W+/g, "-")}`);
    }
    // The seeded facts in French: the ICRC's expulsion of 31 January 2025 affecting 2,000,000 people.
    const overview = pages["analyst@example.org"]!;
    await overview.goto(`${baseUrl}/`);
    await overview.getByRole("heading", { name: "Qui peut encore travailler où" }).waitFor();
    const text = await visibleText(overview);
    expect(text).toContain("Qui peut encore travailler où");
    expect(text).toContain("31 janvier 2025");
    expect(text).toContain("2\u202f000\u202f000");
    expect(errors).toEqual([]);
  });
});

describe("the interface in English", () => {
  it("shows every page in English to a browser that asks for English: no French phrase of the interface", async () => {
    expect(FRENCH_PHRASES).toContain("Qui peut encore travailler où");
    const pages: Record<string, Page> = {};
    for (const { path, as } of APP_PAGES) {
      const who = as ?? "nobody";
      if (!pages[who]) {
        const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
        if (as) {
          await signIn(page, as);
          await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
        }
        pages[who] = page;
      }
      const page = pages[who]!;
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
      expect(await page.getAttribute("html", "lang"), path).toBe("en");
      const text = await visibleText(page);
      expect(
        FRENCH_PHRASES.filter((phrase) => text.includes(phrase)),
        `French on ${path}`,
      ).toEqual([]);
    }
  });
});

describe("the language switch", () => {
  it("changes the language in the header and remembers it on the account, for every browser the user signs in from", async () => {
    const email = `langue-${randomBytes(4).toString("hex")}@example.org`;
    const oneTime = "a one-time passphrase";
    const chosen = "the user's own passphrase";
    // An admin makes a user of their own for this test, so that no shared account changes language.
    const admin = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await signIn(admin, "admin@example.org");
    await admin.waitForURL(`${baseUrl}/`);
    await admin.goto(`${baseUrl}/admin/users`);
    await admin.waitForLoadState("networkidle");
    await admin.getByLabel("Name").fill("Awa Langue");
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("One-time password (12+ characters)").fill(oneTime);
    await admin.getByRole("button", { name: "Create user" }).click();
    await admin.getByText("User created.", { exact: false }).waitFor();

    // Signed in from an English browser, the user replaces the one-time password, then switches to French.
    const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await signIn(page, email, oneTime);
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByLabel("Current password").fill(oneTime);
    await page.getByLabel("New password (12 characters or more)").fill(chosen);
    await page.getByLabel("New password again").fill(chosen);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "Français" }).click();
    await page.getByRole("heading", { name: "Qui peut encore travailler où" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.getByRole("button", { name: "Français" }).getAttribute("aria-pressed")).toBe("true");
    await screenshot(page, "language-switch-fr");
    await page.goto(`${baseUrl}/presences`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Présences");

    // Another browser, asking for English: the account's choice wins once signed in.
    const elsewhere = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await elsewhere.goto(`${baseUrl}/sign-in`);
    expect(await elsewhere.getAttribute("html", "lang")).toBe("en");
    await elsewhere.getByLabel("Email").fill(email); // the English page's own labels
    await elsewhere.getByLabel("Password").fill(chosen);
    await elsewhere.getByRole("button", { name: "Sign in" }).click();
    await elsewhere.waitForURL(`${baseUrl}/`);
    expect(await elsewhere.getAttribute("html", "lang")).toBe("fr");

    // And back to English, from the French header.
    await elsewhere.getByRole("group", { name: "Langue" }).getByRole("button", { name: "English" }).click();
    await elsewhere.getByRole("heading", { name: "Who can still work where" }).waitFor();
    expect(await elsewhere.getAttribute("html", "lang")).toBe("en");
  });
});
