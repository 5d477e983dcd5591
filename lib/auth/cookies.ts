// The sign-in cookies, named and flagged in one place for next-auth and the proxy (which
// rewrites the session cookie to move the idle deadline). Served over HTTPS (NEXTAUTH_URL
// https://…, i.e. in production behind TLS) they are Secure and carry the browser-enforced
// prefixes: `__Secure-` (only set over HTTPS) and, for the CSRF token, `__Host-` (also no
// Domain, Path=/). Always HttpOnly and SameSite=Lax.

export function servedOverHttps(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").startsWith("https://");
}

const flags = (secure: boolean) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure });

export function sessionCookie(secure = servedOverHttps()) {
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, options: flags(secure) };
}

/** next-auth's `cookies` option. */
export function authCookies(secure = servedOverHttps()) {
  return {
    sessionToken: sessionCookie(secure),
    callbackUrl: { name: `${secure ? "__Secure-" : ""}next-auth.callback-url`, options: flags(secure) },
    csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options: flags(secure) },
  };
}
