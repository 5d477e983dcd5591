// Two jobs on every page and API request: a Content-Security-Policy with a fresh nonce
// (Next.js reads it from the request and puts the nonce on its scripts), and redirecting
// signed-out visitors to the sign-in page. The redirect is a convenience only: every page,
// route handler and data function checks the user itself (CVE-2025-29927 showed that a
// proxy alone can be bypassed).
import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/env";
import { needsRefresh, nowSeconds, sessionExpiry, sessionLimits } from "@/lib/auth/session-policy";
import { contentSecurityPolicy } from "@/lib/security/headers";

/** Reachable without a session: the sign-in page, next-auth's own routes, the health check, the API description. */
const PUBLIC = /^\/(sign-in|api\/auth\/|api\/health$|api\/v1\/openapi\.json$)/;

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === "development",
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
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
  if (PUBLIC.test(pathname)) return next();
  // API calls with a bearer token are checked by the route itself (the token is in the database).
  if (pathname.startsWith("/api/v1/") && request.headers.has("authorization")) return next();
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const cookieName = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: secure });
  const limits = sessionLimits();
  const now = nowSeconds();
  const ended = token ? sessionExpiry(token, now, limits) : null;
  if (token && !ended) {
    const response = next();
    // Activity moves the idle deadline: rewrite the cookie (at most once a minute).
    if (needsRefresh({ signedInAt: token.signedInAt!, lastSeenAt: token.lastSeenAt! }, now, limits)) {
      const value = await encode({ token: { ...token, lastSeenAt: now }, secret: authSecret(), maxAge: limits.maxAgeSeconds });
      response.cookies.set(cookieName, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: limits.maxAgeSeconds - (now - token.signedInAt!) });
    }
    return response;
  }
  const signedOut = (response: NextResponse) => {
    if (ended) response.cookies.set(cookieName, "", { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: 0 });
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
