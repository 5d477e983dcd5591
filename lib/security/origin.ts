// Cross-site request forgery guard, one rule for the proxy and the API: a request that
// changes something and is authenticated by the browser's cookie must carry an Origin
// equal to the site's own host. Browsers always send Origin on such requests, and a
// page on another site cannot forge it. Bearer-token calls are exempt: browsers never
// attach a token by themselves.

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const FOREIGN_ORIGIN_MESSAGE = "Changes with a signed-in session must come from the Access Monitor site itself.";

export function changesState(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/** True when the request's Origin names this site (the host the request was sent to). */
export function fromOwnOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  // Next.js sets x-forwarded-host from Host when no proxy did; a browser cannot set either cross-site.
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host || origin === "null") return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
