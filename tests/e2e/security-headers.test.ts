// Security headers on the real server: a nonce-based CSP without inline scripts, the usual
// hardening headers, no CSP violation in the browser, and no proxy bypass by header.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInCookieHeaders } from "../../scripts/lib/bench-http";
import { launchBrowser, signIn } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("security headers", () => {
  it("sends a per-request nonce CSP that Next.js applies to its scripts, and hardening headers", async () => {
    const [first, second] = await Promise.all([fetch(`${baseUrl}/sign-in`), fetch(`${baseUrl}/sign-in`)]);
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce!);
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    for (const response of [first, await fetch(`${baseUrl}/api/health`)]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("runs the signed-in pages without a single CSP violation, console error or page error", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      else if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    // A hydration mismatch (React error #418) is a page error: the server's HTML is thrown away.
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    await signIn(page, "analyst@example.org");
    await page.waitForURL(`${baseUrl}/`);
    const pages = ["/", "/?asOf=2025-01-15", "/presences", "/countries/NER", "/organisations", "/events", "/audit", "/account"];
    for (const path of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
    }
    await page.getByRole("link", { name: "Presences" }).first().click(); // client navigation works (scripts ran)
    await page.waitForURL(/\/presences/);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const setCookies = await signInCookieHeaders(baseUrl, "viewer@example.org", inject("demoPassword"));
    const session = setCookies.find((c) => c.startsWith("next-auth.session-token="))!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//i);
  });

  it("serves its icon to anyone (browsers ask for /favicon.ico; a 404 is a console error)", async () => {
    const icon = await fetch(`${baseUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/image\//);
    expect(new Uint8Array(await icon.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0, 0, 1, 0]));
  });

  it("gives nothing to a request carrying x-middleware-subrequest", async () => {
    const response = await fetch(`${baseUrl}/presences`, {
      redirect: "manual",
      headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/sign-in");
    const api = await fetch(`${baseUrl}/api/v1/presences`, { headers: { "x-middleware-subrequest": "src/proxy:proxy:proxy:proxy:proxy" } });
    expect(api.status).toBe(401);
  });
});
