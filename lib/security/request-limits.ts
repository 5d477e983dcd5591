// What a request may be before the app spends anything on it, checked by proxy.ts for
// every page, action and API call: a known method, a body no larger than the app needs
// (counted even without a Content-Length), server-action arguments nested no deeper than
// a form ever sends, and text in the address that obeys the one text rule.
import { textProblem } from "@/lib/domain/text";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * The largest body of any request. The JSON API takes 64 kB (lib/api/body.ts); a server
 * action with ten sources and their quotes is about 30 kB. next.config.js sets Next's own
 * limits from this number (a unit test checks they agree).
 */
export const REQUEST_BODY_LIMIT_BYTES = 256 * 1024;

/** The deepest nesting a form's arguments have is about 4; React's decoder recurses per level. */
export const MAX_ACTION_NESTING = 32;

export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method.toUpperCase());
}

/**
 * Whether JSON-like text nests arrays and objects deeper than `max`, counting brackets
 * outside strings. Cheap and linear: run before anything parses the text recursively.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  return false;
}

/** The first query parameter (or the path) whose text breaks the rule, with why; null when none. */
export function urlTextProblem(url: URL): { param: string; message: string } | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { param: "path", message: "The address is not valid UTF-8" };
  }
  const pathProblem = textProblem(path);
  if (pathProblem) return { param: "path", message: `The address ${pathProblem}` };
  for (const [key, value] of url.searchParams) {
    const problem = textProblem(key) ?? textProblem(value);
    if (problem) return { param: textProblem(key) ? "query" : key, message: `This value ${problem}` };
  }
  return null;
}
