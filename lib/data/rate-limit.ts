// Request budgets (lib/domain/rate-limits.ts) kept in PostgreSQL, so that they hold
// across app instances: the generic cell rate algorithm in one statement per request.
// Each key stores its "theoretical arrival time" (tat): when its budget would be whole
// again. A request fits while tat is at most `tolerance` ahead of now; it then moves tat
// forward by one interval. The database's clock is the one clock every instance shares.
import { getEnv } from "@/lib/env";
import { pool } from "@/lib/db";
import { RATE_LIMIT_RULES, rateLimitParameters, scaledRule, type RateLimitKind } from "@/lib/domain/rate-limits";
import { RateLimitedError } from "@/lib/domain/errors";

const CONSUME = `
  INSERT INTO "RateLimit" AS r (key, tat) VALUES ($1, (now() AT TIME ZONE 'UTC') + $2 * interval '1 second')
  ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat + $2 * interval '1 second', EXCLUDED.tat)
  WHERE r.tat <= EXCLUDED.tat + ($3 - $2) * interval '1 second'
  RETURNING 1`;
const WAIT_SECONDS = `SELECT EXTRACT(EPOCH FROM tat - (now() AT TIME ZONE 'UTC'))::float8 - $2 AS wait FROM "RateLimit" WHERE key = $1`;
// Keys idle for a day hold nothing: forgotten now and then, by whichever request comes.
const FORGET = `DELETE FROM "RateLimit" WHERE tat < (now() AT TIME ZONE 'UTC') - interval '1 day'`;

/** null when the request fits the budget; otherwise the seconds until one would. */
export async function consumeRateLimit(key: string, kind: RateLimitKind): Promise<number | null> {
  const rule = scaledRule(RATE_LIMIT_RULES[kind], getEnv().RATE_LIMIT_MULTIPLIER);
  if (!rule) return null;
  const { intervalSeconds, toleranceSeconds } = rateLimitParameters(rule);
  if (Math.random() < 0.001)
    void pool()
      .query(FORGET)
      .catch(() => {});
  const consumed = await pool().query(CONSUME, [key, intervalSeconds, toleranceSeconds]);
  if (consumed.rowCount) return null;
  const { rows } = await pool().query<{ wait: number }>(WAIT_SECONDS, [key, toleranceSeconds]);
  return Math.max(1, Math.ceil(rows[0]?.wait ?? intervalSeconds));
}

/** The seconds until a request would fit, without spending anything (null: it fits now). */
export async function peekRateLimit(key: string, kind: RateLimitKind): Promise<number | null> {
  const rule = scaledRule(RATE_LIMIT_RULES[kind], getEnv().RATE_LIMIT_MULTIPLIER);
  if (!rule) return null;
  const { toleranceSeconds } = rateLimitParameters(rule);
  const { rows } = await pool().query<{ wait: number }>(WAIT_SECONDS, [key, toleranceSeconds]);
  const wait = rows[0]?.wait;
  return wait !== undefined && wait > 0 ? Math.ceil(wait) : null;
}

/** Throws RateLimitedError (a 429 with Retry-After) when the request does not fit. */
export async function enforceRateLimit(key: string, kind: RateLimitKind, what?: string): Promise<void> {
  const wait = await consumeRateLimit(key, kind);
  if (wait !== null) throw new RateLimitedError(wait, what);
}
