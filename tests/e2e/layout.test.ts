// Tables fit their page at the two laptop sizes the app is checked at: no table wider than
// its card, and no page that scrolls inside a capped box (the page itself scrolls).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "../support/browser";
import { APP_PAGES } from "../support/app-pages";

const baseUrl = inject("baseUrl");
// Every page an analyst opens.
const PAGES = APP_PAGES.filter((p) => p.as === "analyst@example.org").map((p) => p.path);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("layout", () => {
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
