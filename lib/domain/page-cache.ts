// The whole-page cache's rules (lib/page-cache): which requests it may answer, what an
// answer is kept under, and how a kept page becomes this reader's page (their CSP nonce,
// their name). Pure, unit-tested.

/** The reading pages whose whole HTML is kept per data version (not forms, admin or personal pages). */
const CACHEABLE_PATHS = [/^\/$/, /^\/(presences|events|organisations|assessments)$/, /^\/(countries|organisations|events|assessments)\/(?!new$)[^/]+$/];

/** Headers set by the page cache between the proxy, its route and the render it asks for. */
export const PAGE_CACHE_HEADERS = {
  /** On the proxy's rewrite: the address asked for (path and query). */
  target: "x-access-monitor-page",
  /** On the proxy's rewrite: that the proxy made it (a secret of this process). */
  via: "x-access-monitor-page-via",
  /** On the cache's own request for a page it is filling: the fill's one-time id. */
  fill: "x-access-monitor-page-fill",
  /** On every answer for a page load the proxy sent to the cache: hit, miss or pass. */
  outcome: "x-access-monitor-page-cache",
} as const;

/** The route the proxy rewrites cacheable page loads to. */
export const PAGE_CACHE_ROUTE = "/api/page-cache";

type PageRequest = { method: string; pathname: string; headers: { get(name: string): string | null } };

/**
 * A full page load of a reading page: a GET that asks for HTML by name, as a browser's page
 * load does. Not a client-side navigation or prefetch, which asks for React's own payload
 * with `RSC: 1` and the browser's default Accept, any type (Next.js hides the RSC header
 * from the proxy, so the Accept header is what tells them apart there); not a server action,
 * not the cache's own request.
 */
export function isCacheablePageLoad({ method, pathname, headers }: PageRequest): boolean {
  if (method !== "GET" || !CACHEABLE_PATHS.some((path) => path.test(pathname))) return false;
  if (headers.get("rsc") !== null || headers.get("next-router-prefetch") !== null || headers.get("next-action") !== null) return false;
  if (headers.get(PAGE_CACHE_HEADERS.fill) !== null) return false;
  return (headers.get("accept") ?? "").includes("text/html");
}

/**
 * What a kept page is found under: everything a page may show that is not personal. The
 * day is there because pages read "today" (the default as-of date).
 */
export function pageCacheKey(parts: { version: string; role: string; locale: string; day: string; address: string }): string {
  return [parts.version, parts.role, parts.locale, parts.day, parts.address].join("|");
}

/**
 * Rendered instead of the reader's name in a page being kept; only letters and digits, so
 * that no escaping (HTML, JSON, JavaScript) changes it.
 */
export const NAME_PLACEHOLDER = "AccessMonitorReaderName7d41c9";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

// As Next.js writes React's payload into inline scripts: a JSON string holding the rows
// (themselves JSON), with <, >, &, U+2028 and U+2029 escaped for the HTML parser.
const escapeInScript = (text: string) =>
  JSON.stringify(JSON.stringify(text).slice(1, -1))
    .slice(1, -1)
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The nonce in a Content-Security-Policy's script-src, or null. */
export function nonceOf(policy: string | null): string | null {
  return policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1] ?? null;
}

/** Where a kept page differs per reader: their nonce, their name in HTML, their name in a script. */
export type PageHole = "nonce" | "nameInHtml" | "nameInScript";

/** A kept page cut at its holes: `texts` has one more element than `holes`. */
export interface PageTemplate {
  texts: string[];
  holes: PageHole[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * Cuts a rendered page at the nonce it was rendered with and at the name placeholder,
 * telling apart the placeholder in React's payload (inside a script) from one in the HTML.
 */
export function pageTemplate(html: string, keptNonce: string | null): PageTemplate {
  const texts: string[] = [];
  const holes: PageHole[] = [];
  const pattern = new RegExp(keptNonce ? `${escapeRegExp(keptNonce)}|${NAME_PLACEHOLDER}` : NAME_PLACEHOLDER, "g");
  let text = "";
  // Split at script elements: odd parts are inside one.
  html.split(/(<script\b[^>]*>[\s\S]*?<\/script>)/i).forEach((part, i) => {
    let from = 0;
    for (const match of part.matchAll(pattern)) {
      texts.push(text + part.slice(from, match.index));
      text = "";
      holes.push(match[0] === NAME_PLACEHOLDER ? (i % 2 === 1 ? "nameInScript" : "nameInHtml") : "nonce");
      from = match.index + match[0].length;
    }
    text += part.slice(from);
  });
  texts.push(text);
  return { texts, holes };
}

/** What goes in a hole for this reader, escaped for where it stands. */
export function holeText(hole: PageHole, { nonce, name }: { nonce: string; name: string }): string {
  return hole === "nonce" ? nonce : hole === "nameInHtml" ? escapeHtml(name) : escapeInScript(name);
}

/** A kept page as this reader's: their nonce for the one it was rendered with, their name for the placeholder. */
export function personalise(html: string, { keptNonce, nonce, name }: { keptNonce: string | null; nonce: string; name: string }): string {
  const { texts, holes } = pageTemplate(html, keptNonce);
  return texts.reduce((page, text, i) => page + text + (i < holes.length ? holeText(holes[i]!, { nonce, name }) : ""), "");
}
