// Two jobs on every page and API request: a Content-Security-Policy with a fresh nonce
// (Next.js reads it from the request and puts the nonce on its scripts), and redirecting
// signed-out visitors to the sign-in page. The redirect is a convenience only: every page,
// route handler and data function checks the user itself (CVE-2025-29927 showed that a
// proxy alone can be bypassed).
import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/env";
import { servedOverHttps, sessionCookie } from "@/lib/auth/cookies";
import { needsRefresh, nowSeconds, sessionExpiry, sessionLimits } from "@/lib/auth/session-policy";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { changesState, FOREIGN_ORIGIN_MESSAGE, fromOwnOrigin } from "@/lib/security/origin";

/** Reachable without a session: the sign-in page, next-auth's own routes, the health check, the API description. */
const PUBLIC = /^\/(sign-in|api\/auth\/|api\/health$|api\/v1\/openapi\.json$)/;

export async function proxy(request: NextRequest) {
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
  const next = () => withCsp(NextResponse.next({ request: { headers: requestHeaders } }));

  const { pathname, search } = request.nextUrl;
  // API calls with a bearer token are checked by the route itself (the token is in the database).
  const bearer = pathname.startsWith("/api/v1/") && request.headers.has("authorization");
  // Server actions, sign-in/out and cookie-authenticated API writes from another site: refused
  // before anything runs (Next.js's own server-action check would answer with a 500).
  if (changesState(request.method) && !bearer && !fromOwnOrigin(request.headers)) {
    return withCsp(NextResponse.json({ error: { code: "forbidden", message: FOREIGN_ORIGIN_MESSAGE } }, { status: 403 }));
  }
  if (PUBLIC.test(pathname) || bearer) return next();
  const cookie = sessionCookie();
  const token = await getToken({ req: request, secret: authSecret(), cookieName: cookie.name });
  const limits = sessionLimits();
  const now = nowSeconds();
  const ended = token ? sessionExpiry(token, now, limits) : null;
  if (token && !ended) {
    const response = next();
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
    return signedOut(NextResponse.json({ error: { code: "unauthenticated", message } }, { status: 401 }));
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  if (ended) signIn.searchParams.set("ended", ended);
  return signedOut(NextResponse.redirect(signIn));
}

export const config = {
  // Everything but static files (they get the other security headers from next.config.js).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
