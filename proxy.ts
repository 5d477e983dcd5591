// Three jobs on every page and API request: refuse what no route should ever see (an
// unknown method, an oversized body, arguments nested too deep, broken text in the
// address) before anything is parsed; a Content-Security-Policy with a fresh nonce (Next.js
// reads it from the request and puts the nonce on its scripts); and redirecting signed-out
// visitors to the sign-in page. The redirect is a convenience only: every page, route
// handler and data function checks the user itself (CVE-2025-29927 showed that a proxy
// alone can be bypassed).
import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret, pageCacheSelfUrl } from "@/lib/env";
import { isCacheablePageLoad, PAGE_CACHE_HEADERS, PAGE_CACHE_ROUTE } from "@/lib/domain/page-cache";

const proofStore = globalThis as unknown as { pageCacheProof?: string };
/** Marks this process's own rewrites to the page cache's route: random, never sent out. */
const pageCacheProof = () => (proofStore.pageCacheProof ??= crypto.randomUUID());
import { authCookies, servedOverHttps, sessionCookie } from "@/lib/auth/cookies";
import { ERROR_STATUS, errorBody, type ErrorCode } from "@/lib/domain/errors";
import { replacementCallback } from "@/lib/domain/redirects";
import { PATH_HEADER } from "@/lib/security/headers";
import { needsRefresh, nowSeconds, sessionExpiry, sessionLimits } from "@/lib/auth/session-policy";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { changesState, FOREIGN_ORIGIN_MESSAGE, fromOwnOrigin } from "@/lib/security/origin";
import { ALLOWED_METHODS, isAllowedMethod, MAX_ACTION_NESTING, nestsDeeperThan, REQUEST_BODY_LIMIT_BYTES, urlTextProblem } from "@/lib/security/request-limits";

/**
 * Reachable without a session: the sign-in page, next-auth's own routes, the health check,
 * the API description, and feeds (their token, checked by the route, is their credential).
 */
const PUBLIC = /^\/(sign-in\/?$|api\/auth\/|api\/health$|api\/v1\/openapi\.json$|feeds\/[^/]+$)/;

type Refusal = { code: ErrorCode; message: string; headers?: Record<string, string> };

/** An error answer in the API's shape, with the status the error vocabulary gives its code. */
const errorJson = (code: ErrorCode, message: string, headers: Record<string, string> = {}) =>
  NextResponse.json(errorBody(code, message), { status: ERROR_STATUS[code], headers: { "Cache-Control": "no-store", ...headers } });

/** What must be refused before any route runs, or null. */
async function refusal(request: NextRequest): Promise<Refusal | null> {
  if (!isAllowedMethod(request.method)) {
    return { code: "method_not_allowed", message: `The method ${request.method} is not supported.`, headers: { Allow: ALLOWED_METHODS.join(", ") } };
  }
  const text = urlTextProblem(request.nextUrl);
  if (text) return { code: "bad_request", message: `${text.param}: ${text.message}.` };
  if (!changesState(request.method)) return null;
  const tooLarge: Refusal = { code: "payload_too_large", message: `The body is larger than ${REQUEST_BODY_LIMIT_BYTES / 1024} kB.` };
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > REQUEST_BODY_LIMIT_BYTES) return tooLarge;
  const action = request.headers.has("next-action");
  // Without a Content-Length, or for a server action (whose arguments React decodes
  // recursively), read the copy Next.js keeps for the proxy: at most twice the limit.
  if (declared === null || action) {
    const body = await request.text().catch(() => "");
    if (Buffer.byteLength(body) > REQUEST_BODY_LIMIT_BYTES) return tooLarge;
    if (action && nestsDeeperThan(body, MAX_ACTION_NESTING)) {
      return { code: "bad_request", message: "The request's arguments are nested too deeply." };
    }
  }
  return null;
}

/**
 * next-auth fails with a 500 on a callback URL it cannot parse, in its query or its
 * callback-url cookie, before our redirect callback runs: such values are replaced by a
 * safe one here (the cookie in the request headers passed on). Returns the rewritten URL
 * when the query changed.
 */
function cleanAuthCallbacks(request: NextRequest, headers: Headers): URL | null {
  const base = process.env.NEXTAUTH_URL ?? request.nextUrl.origin;
  const cookieName = authCookies().callbackUrl.name;
  const cookie = request.cookies.get(cookieName)?.value;
  if (cookie !== undefined && replacementCallback(cookie, base) !== null) {
    const others = request.cookies.getAll().filter((c) => c.name !== cookieName);
    headers.set("cookie", others.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; "));
  }
  const query = request.nextUrl.searchParams.get("callbackUrl");
  const replacement = query === null ? null : replacementCallback(query, base);
  if (replacement === null) return null;
  const url = request.nextUrl.clone();
  url.searchParams.set("callbackUrl", replacement);
  return url;
}

export async function proxy(request: NextRequest) {
  // The page cache's route, reached by this proxy's own rewrite (which Next.js passes through
  // the proxy again): on, as it is, with the nonce and policy already set.
  if (request.nextUrl.pathname === PAGE_CACHE_ROUTE && request.headers.get(PAGE_CACHE_HEADERS.via) === pageCacheProof()) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === "development",
    https: servedOverHttps(),
  });
  const withCsp = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    return response;
  };
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The path, for the signed-in layout (a layout is not told which page it wraps); always ours.
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname);
  const next = () => withCsp(NextResponse.next({ request: { headers: requestHeaders } }));

  const refused = await refusal(request);
  if (refused) {
    const { code, message, headers } = refused;
    return withCsp(errorJson(code, message, headers));
  }

  const { pathname, search } = request.nextUrl;
  if (pathname === PAGE_CACHE_ROUTE) return withCsp(errorJson("not_found", "This page does not exist."));
  if (pathname.startsWith("/api/auth/")) {
    const cleaned = cleanAuthCallbacks(request, requestHeaders);
    if (cleaned) return withCsp(NextResponse.rewrite(cleaned, { request: { headers: requestHeaders } }));
  }
  // API calls with a bearer token are checked by the route itself (the token is in the database).
  const bearer = pathname.startsWith("/api/v1/") && request.headers.has("authorization");
  // Server actions, sign-in/out and cookie-authenticated API writes from another site: refused
  // before anything runs (Next.js's own server-action check would answer with a 500).
  if (changesState(request.method) && !bearer && !fromOwnOrigin(request.headers)) {
    return withCsp(errorJson("forbidden", FOREIGN_ORIGIN_MESSAGE));
  }
  if (PUBLIC.test(pathname) || bearer) return next();
  const cookie = sessionCookie();
  const token = await getToken({ req: request, secret: authSecret(), cookieName: cookie.name });
  const limits = sessionLimits();
  const now = nowSeconds();
  const ended = token ? sessionExpiry(token, now, limits) : null;
  if (token && !ended) {
    // Full loads of the reading pages go to the whole-page cache (lib/page-cache/serve.ts).
    const cached = pageCacheSelfUrl() !== null && isCacheablePageLoad({ method: request.method, pathname, headers: request.headers });
    if (cached) {
      requestHeaders.set(PAGE_CACHE_HEADERS.target, `${pathname}${search}`);
      requestHeaders.set(PAGE_CACHE_HEADERS.via, pageCacheProof());
    }
    const response = cached ? withCsp(NextResponse.rewrite(new URL(PAGE_CACHE_ROUTE, request.url), { request: { headers: requestHeaders } })) : next();
    // Activity moves the idle deadline: rewrite the cookie (at most once a minute).
    if (needsRefresh({ signedInAt: token.signedInAt!, lastSeenAt: token.lastSeenAt! }, now, limits)) {
      const value = await encode({ token: { ...token, lastSeenAt: now }, secret: authSecret(), maxAge: limits.maxAgeSeconds });
      response.cookies.set(cookie.name, value, { ...cookie.options, maxAge: limits.maxAgeSeconds - (now - token.signedInAt!) });
    }
    return response;
  }
  const signedOut = (response: NextResponse) => {
    if (ended) response.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
    return withCsp(response);
  };
  if (pathname.startsWith("/api/")) {
    const message = ended === "idle" ? "Your session ended after a period without activity. Please sign in again." : "Please sign in.";
    return signedOut(errorJson("unauthenticated", message));
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  if (ended) signIn.searchParams.set("ended", ended);
  return signedOut(NextResponse.redirect(signIn));
}

export const config = {
  // Everything but static files (they get the other security headers from next.config.js).
  // The import upload (POST /api/v1/imports) is left out: the proxy would buffer its body (up
  // to proxyClientMaxBodySize) and cut a larger file short; the route checks the caller, the
  // origin and the size itself (lib/api/import-route.ts).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/imports$).*)"],
};
