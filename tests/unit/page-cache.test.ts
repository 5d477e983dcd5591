import { describe, expect, it } from "vitest";
import { isCacheablePageLoad, NAME_PLACEHOLDER, nonceOf, pageCacheKey, pageTemplate, personalise, PAGE_CACHE_HEADERS } from "@/lib/domain/page-cache";
import { requestLocale } from "@/lib/domain/locales";
import { SizedLru } from "@/lib/domain/sized-lru";

const load = (pathname: string, headers: Record<string, string> = { accept: "text/html,application/xhtml+xml" }, method = "GET") => ({
  method,
  pathname,
  headers: new Headers(headers),
});

describe("which requests the page cache answers", () => {
  it("takes full loads of the reading pages", () => {
    for (const path of [
      "/",
      "/presences",
      "/events",
      "/organisations",
      "/assessments",
      "/countries/NER",
      "/organisations/12",
      "/events/40",
      "/assessments/3",
    ]) {
      expect(isCacheablePageLoad(load(path)), path).toBe(true);
    }
    expect(isCacheablePageLoad(load("/countries/NER", { accept: "text/html" }))).toBe(true);
  });

  it("leaves forms, personal and admin pages, and nested pages alone", () => {
    for (const path of [
      "/account",
      "/watchlist",
      "/review",
      "/imports",
      "/triage",
      "/audit",
      "/admin/users",
      "/organisations/new",
      "/countries/NER/assessments/new",
      "/events/40/edit",
      "/presences/5/change-status",
      "/sign-in",
      "/api/v1/events",
    ]) {
      expect(isCacheablePageLoad(load(path)), path).toBe(false);
    }
  });

  it("leaves client-side navigations, prefetches, server actions, other methods and its own renders alone", () => {
    expect(isCacheablePageLoad(load("/", { rsc: "1" }))).toBe(false);
    expect(isCacheablePageLoad(load("/", { "next-router-prefetch": "1" }))).toBe(false);
    expect(isCacheablePageLoad(load("/", { "next-action": "abc" }))).toBe(false);
    expect(isCacheablePageLoad(load("/", { [PAGE_CACHE_HEADERS.fill]: "id" }))).toBe(false);
    expect(isCacheablePageLoad(load("/", { accept: "application/json" }))).toBe(false);
    // A client-side navigation as the proxy sees it: the browser's default Accept, the RSC header hidden.
    expect(isCacheablePageLoad(load("/", { accept: "*/*" }))).toBe(false);
    expect(isCacheablePageLoad(load("/", {}))).toBe(false);
    expect(isCacheablePageLoad(load("/", undefined, "POST"))).toBe(false);
    expect(isCacheablePageLoad(load("/", undefined, "HEAD"))).toBe(false);
  });
});

describe("what a kept page is found under", () => {
  it("differs by data version, role, language, day and address, and by nothing else", () => {
    const base = { version: "41", role: "ANALYST", locale: "en", day: "2026-12-05", address: "/countries/NER" };
    const key = pageCacheKey(base);
    expect(pageCacheKey({ ...base })).toBe(key);
    for (const change of [{ version: "42" }, { role: "VIEWER" }, { locale: "fr" }, { day: "2026-12-06" }, { address: "/countries/NER?asOf=2025-02-10" }]) {
      expect(pageCacheKey({ ...base, ...change })).not.toBe(key);
    }
  });
});

describe("a kept page made the reader's", () => {
  const kept = `<html><head><link rel="preload" nonce="OLDnonce+/=="><script nonce="OLDnonce+/==">self.__next_f.push([1,"5:[\\"$\\",\\"a\\",null,{\\"children\\":[\\"${NAME_PLACEHOLDER}\\",\\" \\"]}]"])</script></head><body><a href="/account">${NAME_PLACEHOLDER}<!-- --> · Analyst</a></body></html>`;

  it("carries the reader's nonce wherever the kept one was", () => {
    const page = personalise(kept, { keptNonce: "OLDnonce+/==", nonce: "NEW123", name: "Ana" });
    expect(page).not.toContain("OLDnonce");
    expect(page.match(/nonce="NEW123"/g)).toHaveLength(2);
  });

  it("writes the name into the HTML escaped for HTML, and into React's payload escaped twice for JSON and for the script", () => {
    const name = `Zoë O'Brien & <Co> "AM" \\ end`;
    const page = personalise(kept, { keptNonce: "OLDnonce+/==", nonce: "N", name });
    expect(page).toContain(`<a href="/account">Zoë O&#x27;Brien &amp; &lt;Co&gt; &quot;AM&quot; \\ end<!-- -->`);
    // Worked by hand: the row holds "Zoë O'Brien & <Co> \"AM\" \\ end" (JSON), and the script's
    // string literal escapes each backslash and quote of that again, and <, >, & as \u00XX.
    expect(page).toContain(`[\\"Zoë O'Brien \\u0026 \\u003cCo\\u003e \\\\\\"AM\\\\\\" \\\\\\\\ end\\",`);
    expect(page).not.toContain(NAME_PLACEHOLDER);
    // What the browser's script would see, then React: the name back exactly.
    const literal = page.match(/push\(\[1,("(?:[^"\\]|\\.)*")\]\)/)![1]!;
    const row = JSON.parse(literal) as string;
    expect(JSON.parse(row.slice(row.indexOf(":") + 1))[3].children[0]).toBe(name);
  });

  it("leaves a page without holes as it is, and cuts it at each hole otherwise", () => {
    expect(personalise("<p>no name</p>", { keptNonce: null, nonce: "N", name: "Ana" })).toBe("<p>no name</p>");
    const template = pageTemplate(kept, "OLDnonce+/==");
    expect(template.holes).toEqual(["nonce", "nonce", "nameInScript", "nameInHtml"]);
    expect(template.texts).toHaveLength(5);
    expect(template.texts.join("")).not.toContain("OLDnonce");
  });

  it("reads the nonce from a policy", () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-ab+/C9==' 'strict-dynamic'")).toBe("ab+/C9==");
    expect(nonceOf("default-src 'self'")).toBeNull();
    expect(nonceOf(null)).toBeNull();
  });
});

describe("a request's language", () => {
  it("is the user's choice, else the cookie, else the browser's, else English", () => {
    expect(requestLocale({ chosen: "fr", cookie: "en", acceptLanguage: "en" })).toBe("fr");
    expect(requestLocale({ chosen: null, cookie: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(requestLocale({ chosen: null, cookie: "de", acceptLanguage: "fr-CH,en;q=0.5" })).toBe("fr");
    expect(requestLocale({ chosen: undefined, cookie: undefined, acceptLanguage: null })).toBe("en");
  });
});

describe("the caches' store", () => {
  it("drops the least recently used first, within its budget", () => {
    const lru = new SizedLru<string>(20, (text) => text.length);
    lru.set("a", "xxx");
    lru.set("b", "yy");
    lru.get("a"); // a is now the most recent
    lru.set("c", "zzzz");
    lru.set("d", "wwwww");
    lru.set("e", "vvvvv");
    expect(lru.used).toBe(19);
    lru.set("f", "uu"); // 21: over, and b goes first, not a
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("xxx");
    expect(lru.used).toBe(19);
  });

  it("never keeps one entry larger than a quarter of the budget, and replaces an entry in place", () => {
    const lru = new SizedLru<string>(12, (text) => text.length);
    lru.set("big", "xxxx"); // 4 > 12 / 4
    expect(lru.get("big")).toBeUndefined();
    lru.set("k", "abc");
    lru.set("k", "de");
    expect(lru.get("k")).toBe("de");
    expect(lru.used).toBe(2);
    lru.set("k", "toolarge");
    expect(lru.get("k")).toBeUndefined();
    expect(lru.used).toBe(0);
  });
});
