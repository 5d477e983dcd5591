import { gzipSync } from "node:zlib";

// Signing in over HTTP as a browser would (next-auth's CSRF token, then the credentials
// callback), for the benchmark scripts. Returns the Cookie header of the session.
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const [csrfCookies, ...setCookies] = await signInCookieHeaders(base, email, password);
  const session = setCookies.find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in failed for ${email}`);
  return `${csrfCookies}; ${session.split(";")[0]}`;
}

/** The CSRF cookies sent, then the Set-Cookie headers of the sign-in response. */
export async function signInCookieHeaders(base: string, email: string, password: string): Promise<string[]> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies, origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return [cookies, ...response.headers.getSetCookie()];
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Gzipped size of the scripts a page's HTML loads (its first-load JavaScript) in a current
 * browser: `noModule` scripts (Next.js's polyfills for browsers without ES modules, 39 kB)
 * are fetched only by such old browsers, so they are left out (figures before 4 December
 * 2026 counted them).
 */
export async function firstLoadJs(base: string, html: string): Promise<number> {
  const sources = [...html.matchAll(/<script([^>]+)>/g)].filter((m) => !/\snomodule/i.test(m[1]!)).flatMap((m) => /\ssrc="([^"]+\.js)"/.exec(m[1]!)?.[1] ?? []);
  let total = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  return total;
}
