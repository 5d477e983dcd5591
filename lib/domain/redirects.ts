// Where to go after signing in: only a path on this site. The value is parsed as a browser
// would (backslashes, tabs and dot segments included) and compared by origin, so neither
// "/\attacker.example" nor "/.//attacker.example" leaves the site.

export function safeCallbackPath(value: string | null | undefined, origin: string): string {
  if (!value) return "/";
  let target: URL;
  let base: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin) return "/";
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path that starts with two slashes would be read as another host when followed.
  return /^\/[/\\]/.test(path) ? "/" : path;
}

/**
 * The callback next-auth should be given instead of `value`, or null when `value` is fine
 * as it is: next-auth answers 500 to a callback URL it cannot parse (`http://a:b`, in the
 * query or its callback-url cookie) before any of our code runs, so such values are
 * replaced by a safe one on the way in (proxy.ts).
 */
export function replacementCallback(value: string, baseUrl: string): string | null {
  const safe = new URL(safeCallbackPath(value, baseUrl), baseUrl).toString();
  try {
    const parsed = new URL(value, baseUrl);
    return parsed.toString() === safe ? null : safe;
  } catch {
    return safe;
  }
}
