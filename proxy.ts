// Two jobs on every page and API request: a Content-Security-Policy with a fresh nonce
// (Next.js reads it from the request and puts the nonce on its scripts), and redirecting
// signed-out visitors to the sign-in page. The redirect is a convenience only: every page,
// route handler and data function checks the user itself (CVE-2025-29927 showed that a
// proxy alone can be bypassed).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/env";
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
  const token = await getToken({ req: request, secret: authSecret() });
  if (token) return next();
  if (pathname.startsWith("/api/")) {
    return withCsp(NextResponse.json({ error: { code: "unauthenticated", message: "Please sign in." } }, { status: 401 }));
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return withCsp(NextResponse.redirect(signIn));
}

export const config = {
  // Everything but static files (they get the other security headers from next.config.js).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
