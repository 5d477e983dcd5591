// Redirects signed-out visitors to the sign-in page. This is a convenience only: every
// page, route handler and data function checks the user itself (CVE-2025-29927 showed
// that a proxy alone can be bypassed).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/env";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // API calls with a bearer token are checked by the route itself (the token is in the database).
  if (pathname.startsWith("/api/v1/") && request.headers.has("authorization")) return NextResponse.next();
  const token = await getToken({ req: request, secret: authSecret() });
  if (token) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "unauthenticated", message: "Please sign in." } }, { status: 401 });
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except sign-in, next-auth's own routes, the health check, the public API
  // description and static files.
  matcher: ["/((?!sign-in|api/auth|api/health|api/v1/openapi.json|_next/static|_next/image|favicon.ico).*)"],
};
