import "server-only";
// The whole-page cache: a reading page's complete HTML, rendered once per data version and
// kept in this instance's memory, served to every reader with the same role and language
// for whom its personal reads give the same (lib/page-cache/fill.ts), with their nonce and
// name put in. The proxy sends full page loads of the reading pages here (after checking
// the session cookie); this checks the reader again like every page does (their session,
// their budget), reads the data version on the server their reads go to, and either serves
// a kept page or asks this instance for the page with a one-time fill id and keeps it.
// Client-side navigations (React's payload) and everything else render as before.
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { currentActor } from "@/lib/auth/session";
import { dataVersion, versionReader } from "@/lib/data/read-cache";
import type { Actor } from "@/lib/domain/actor";
import { RateLimitedError } from "@/lib/domain/errors";
import { LOCALE_COOKIE, requestLocale } from "@/lib/domain/locales";
import { holeText, isCacheablePageLoad, nonceOf, PAGE_CACHE_HEADERS, pageCacheKey, pageTemplate, type PageHole } from "@/lib/domain/page-cache";
import { SizedLru } from "@/lib/domain/sized-lru";
import { isoDate } from "@/lib/domain/view";
import { todayUtc } from "@/lib/domain/view-url";
import { getEnv, pageCacheSelfUrl } from "@/lib/env";
import { sameForReader } from "./facts";
import { pageFills, type PageFill, type PersonalFact } from "./fill";

export interface KeptPage {
  status: number;
  headers: [string, string][];
  /** The page's bytes between its holes (kept as bytes: no encoding per answer, outside the JS heap). */
  parts: Buffer[];
  holes: PageHole[];
  size: number;
  /** The nonce the page was rendered with (replaced by each reader's). */
  nonce: string | null;
  facts: PersonalFact[];
}

/** Variants of one page kept under one key: readers whose personal reads differ. */
const MAX_VARIANTS = 8;
/** A page that takes longer than this to render is answered with an error (the render goes on). */
const FILL_TIMEOUT_MS = 60_000;

const store = globalThis as unknown as { pageCache?: SizedLru<KeptPage[]>; pageFillsInFlight?: Map<string, Promise<KeptPage | null>> };
const kept = () =>
  (store.pageCache ??= new SizedLru<KeptPage[]>(getEnv().PAGE_CACHE_MB * 1024 * 1024, (pages) => pages.reduce((sum, page) => sum + page.size, 0)));
const inFlight = () => (store.pageFillsInFlight ??= new Map());

// Not passed on from the rendered page: hop-by-hop and length headers (the body is
// rewritten), its cookies, and its policy (the proxy sets this request's, with its nonce).
const NOT_KEPT = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "set-cookie",
  "content-security-policy",
]);

/** The answer for a page load the proxy sent here. */
export async function servePage(request: Request): Promise<Response> {
  const address = request.headers.get(PAGE_CACHE_HEADERS.target) ?? "";
  const nonce = request.headers.get("x-nonce") ?? "";
  const selfUrl = pageCacheSelfUrl();
  const url = /^\/(?![/\\])/.test(address) ? new URL(address, "http://self") : null;
  if (!selfUrl || !nonce || !url || !isCacheablePageLoad({ method: "GET", pathname: url.pathname, headers: request.headers })) {
    return Response.json({ error: { code: "not_found", message: "This page does not exist." } }, { status: 404 });
  }
  const actor = await currentActor().catch((error: unknown) => (error instanceof RateLimitedError ? error : null));

  // Over budget: the page says so (its render is refused by the budget too, which a refusal
  // does not spend), answered as the refusal it is, 429 with Retry-After, never kept.
  if (actor instanceof RateLimitedError) {
    const page = await fill(request, selfUrl, address, null);
    return answer(page.status === 200 ? { ...page, status: 429 } : page, nonce, "", "pass", { "retry-after": String(actor.retryAfterSeconds) });
  }
  // Signed out, a password to change, the database down: the page itself says so.
  if (!actor || actor.mustChangePassword) return answer(await fill(request, selfUrl, address, null), nonce, actor?.name ?? "", "pass");

  const reader = versionReader(actor);
  const locale = requestLocale({
    chosen: actor.locale,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  const key = pageCacheKey({ version: await dataVersion(reader), role: actor.role, locale, day: isoDate(todayUtc()), address });
  const hit = await keptFor(actor, kept().get(key) ?? []);
  if (hit) return answer(hit, nonce, actor.name, "hit");

  const pending = inFlight().get(key);
  if (pending) {
    const page = await pending;
    if (page && (await sameForReader(actor, page.facts))) return answer(page, nonce, actor.name, "hit");
  }
  const filling = fill(request, selfUrl, address, { budgetCounted: true, onPrimary: reader !== actor });
  const keeping = filling.then((page) => (keepable(page) ? page : null)).catch(() => null);
  if (!pending) {
    inFlight().set(key, keeping);
    void keeping.finally(() => inFlight().delete(key));
  }
  const page = await filling;
  if (keepable(page)) kept().set(key, [page, ...(kept().get(key) ?? [])].slice(0, MAX_VARIANTS));
  return answer(page, nonce, actor.name, "miss");
}

async function keptFor(actor: Actor, pages: KeptPage[]): Promise<KeptPage | null> {
  for (const page of pages) if (await sameForReader(actor, page.facts)) return page;
  return null;
}

/** Only a whole, successful HTML page is kept (not a redirect, an error or a refusal). */
const keepable = (page: KeptPage) => page.status === 200 && page.headers.some(([name, value]) => name === "content-type" && value.startsWith("text/html"));

/**
 * Asks this instance for the page, as the reader (their cookies and language), marked with
 * a one-time fill id; without `fill` the page counts against their budget and is not kept.
 */
async function fill(request: Request, selfUrl: string, address: string, options: Omit<PageFill, "facts"> | null): Promise<KeptPage> {
  const id = randomUUID();
  pageFills().set(id, { facts: [], budgetCounted: false, onPrimary: false, ...options });
  try {
    const headers = new Headers({ [PAGE_CACHE_HEADERS.fill]: id });
    for (const name of ["cookie", "accept", "accept-language", "user-agent", "x-forwarded-for", "x-real-ip"]) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const response = await fetch(new URL(address, selfUrl), { headers, redirect: "manual", signal: AbortSignal.timeout(FILL_TIMEOUT_MS) });
    const nonce = nonceOf(response.headers.get("content-security-policy"));
    const { texts, holes } = pageTemplate(await response.text(), nonce);
    const parts = texts.map((text) => Buffer.from(text));
    return {
      status: response.status,
      headers: [...response.headers].filter(([name]) => !NOT_KEPT.has(name)),
      parts,
      holes,
      size: parts.reduce((sum, part) => sum + part.length, 0),
      nonce,
      facts: pageFills().get(id)?.facts ?? [],
    };
  } finally {
    pageFills().delete(id);
  }
}

function answer(page: KeptPage, nonce: string, name: string, outcome: "hit" | "miss" | "pass", extra: Record<string, string> = {}): Response {
  // The preload links carry the nonce too.
  const headers = new Headers(page.headers.map(([header, value]) => [header, page.nonce ? value.split(page.nonce).join(nonce) : value] as [string, string]));
  headers.set(PAGE_CACHE_HEADERS.outcome, outcome);
  for (const [header, value] of Object.entries(extra)) headers.set(header, value);
  const reader = { nonce, name };
  const bytes = page.parts.flatMap((part, i) => (i < page.holes.length ? [part, Buffer.from(holeText(page.holes[i]!, reader))] : [part]));
  return new Response(Buffer.concat(bytes), { status: page.status, headers });
}
