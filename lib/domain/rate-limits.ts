// Request budgets: generous for people in a browser, firm for scripts, firmest for exports
// and for callers nobody recognises. Each budget is a burst that may be spent at once and
// a sustained rate at which it refills (the generic cell rate algorithm, as in
// lib/data/rate-limit.ts, where it is one SQL statement on the shared database, so a
// budget holds across app instances). A request over budget is answered 429 with
// Retry-After: the seconds until the next one fits.

export type RateLimitKind = "session" | "token" | "export" | "anonymous";

export interface RateLimitRule {
  /** Requests that may come at once. */
  burst: number;
  /** Requests per minute, sustained. */
  perMinute: number;
}

export const RATE_LIMIT_RULES: Record<RateLimitKind, RateLimitRule> = {
  // A person: a page load with its link prefetches is a few dozen requests at once.
  session: { burst: 300, perMinute: 600 },
  // An API token (a script): one call every half second on average, 60 at once.
  token: { burst: 60, perMinute: 120 },
  // Exports, per user whatever the credential: each may read a million rows.
  export: { burst: 5, perMinute: 5 },
  // Requests with an unknown, revoked or expired token, per client address.
  anonymous: { burst: 20, perMinute: 20 },
};

/** The budget after RATE_LIMIT_MULTIPLIER (e.g. 10 for a benchmark; 0 turns request limits off). */
export function scaledRule(rule: RateLimitRule, multiplier: number): RateLimitRule | null {
  if (multiplier <= 0) return null;
  return { burst: Math.max(1, Math.round(rule.burst * multiplier)), perMinute: rule.perMinute * multiplier };
}

/** The seconds between two requests at the sustained rate, and the slack the burst gives. */
export function rateLimitParameters(rule: RateLimitRule): { intervalSeconds: number; toleranceSeconds: number } {
  const intervalSeconds = 60 / rule.perMinute;
  return { intervalSeconds, toleranceSeconds: intervalSeconds * (rule.burst - 1) };
}
