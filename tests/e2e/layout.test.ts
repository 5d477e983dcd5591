// Tables fit their page at the two laptop sizes the app is checked at: no table wider than
// its card, and no page that scrolls inside a capped box (the page itself scrolls). And the
// navigation is in a page's first bytes, not streamed in after its content.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInCookie } from "../../scripts/lib/bench-http";
import { launchBrowser, screenshot, signIn } from "../support/browser";
import { APP_PAGES } from "../support/app-pages";

const baseUrl = inject("baseUrl");
// Every page an analyst opens.
const PAGES = APP_PAGES.filter((p) => p.as === "analyst@example.org").map((p) => p.path);
// Pages that are a section of the navigation themselves.
const SECTIONS = ["/", "/presences", "/organisations", "/events", "/assessments", "/review", "/audit"];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("layout", () => {
  it("sends the main navigation, with the current section marked, before the page's content on every page", async () => {
    const cookie = await signInCookie(baseUrl, "analyst@example.org", inject("demoPassword"));
    for (const path of PAGES) {
      // As a browser loads it, and as a client that asks for anything (rendered, not kept).
      for (const accept of ["text/html", "*/*"]) {
        const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept } });
        const html = await response.text();
        if (path === "/countries/XXX") continue; // the not-found page, outside the signed-in layout
        expect(response.status, path).toBe(200);
        const nav = html.indexOf('<nav aria-label="Main"');
        expect(nav, `${path} (${accept})`).toBeGreaterThan(0);
        expect(nav, `${path} (${accept}): the navigation comes after the content`).toBeLessThan(html.indexOf('<main id="main"'));
        if (SECTIONS.includes(path)) expect(html.slice(nav, html.indexOf("</nav>", nav)), path).toContain('aria-current="page"');
      }
    }
  });

  for (const [width, height, locale] of [
    [1280, 800, "en-GB"],
    [1440, 1000, "en-GB"],
    // French words are longer ("Statut qui en résulte", "16 septembre 2024"): the same pages must fit too.
    [1280, 800, "fr-FR"],
  ] as const) {
    it(`fits every table in its card at ${width}×${height} (${locale}), and lets the page scroll`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height }, locale })).newPage();
      await signIn(page, "analyst@example.org");
      await page.waitForURL(`${baseUrl}/`);
      for (const path of PAGES) {
        await page.goto(`${baseUrl}${path}`);
        await page.waitForLoadState("networkidle");
        const problems = await page.evaluate(() => {
          const found: string[] = [];
          for (const table of document.querySelectorAll("table")) {
            const card = table.parentElement!;
            if (table.scrollWidth > card.clientWidth + 1) found.push(`table ${table.scrollWidth}px in a ${card.clientWidth}px card`);
          }
          for (const element of document.querySelectorAll("main *")) {
            const style = getComputedStyle(element);
            if (/(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
              found.push(`a scroll box: ${element.tagName}.${element.className}`);
          }
          if (document.documentElement.scrollWidth > window.innerWidth) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
          return found;
        });
        expect(problems, `${path} at ${width}px (${locale})`).toEqual([]);
        await screenshot(page, `layout-${locale}-${width}${path.replace(/\W+/g, "-")}`);
      }
    });
  }
});
