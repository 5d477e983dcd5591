// A viewer follows Niger's events in a feed reader: the Feed button makes the address, a
// reader without any session reads valid Atom from it, and revoking it on the account page
// stops it at once.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await signIn(page, "viewer@example.org");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
});
afterAll(async () => {
  await browser?.close();
});

describe("following a view in a feed reader", () => {
  it("makes a feed of the view, readable without a session, until it is revoked", async () => {
    await page.goto(`${baseUrl}/events?country=NER&q=ICRC`);
    await page.getByText("Feed", { exact: true }).click();
    const panel = page.getByTestId("feed-panel");
    await expect.poll(() => panel.textContent()).toContain("The view's search is left out");
    await panel.getByRole("button", { name: "Make a feed address" }).click();
    const address = page.getByTestId("feed-url");
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${baseUrl}/feeds/amf_`));
    expect(await panel.textContent()).toContain("Feed for Niger.");
    await screenshot(page, "feed-made");

    // A feed reader has no session: a plain request, parsed by the browser's own XML parser.
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await response.text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const atom = "http://www.w3.org/2005/Atom";
      return {
        error: doc.getElementsByTagName("parsererror").length > 0,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        title: doc.documentElement.getElementsByTagNameNS(atom, "title")[0]?.textContent,
      };
    }, xml);
    expect(parsed).toEqual({ error: false, root: "http://www.w3.org/2005/Atom feed", title: "Access Monitor: Niger" });

    await page.goto(`${baseUrl}/account`);
    const feeds = page.getByTestId("feeds");
    await expect.poll(() => feeds.textContent()).toContain("last read");
    page.once("dialog", (dialog) => void dialog.accept());
    await feeds.getByRole("button", { name: "Revoke the feed Niger" }).first().click();
    await expect.poll(() => feeds.textContent()).toContain("Revoked");
    expect((await fetch(url)).status).toBe(401);
  });
});
