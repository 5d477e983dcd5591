// How long a session lasts: it ends after SESSION_IDLE_SECONDS without a request (default
// 30 minutes) and, whatever the activity, SESSION_MAX_AGE_SECONDS after signing in
// (default 12 hours). Pure rules; proxy.ts refreshes the activity time and enforces them,
// lib/auth/session.ts enforces them again for every page, action and route.

export interface SessionTimes {
  /** Seconds since the epoch. */
  signedInAt: number;
  lastSeenAt: number;
}

export interface SessionLimits {
  idleSeconds: number;
  maxAgeSeconds: number;
}

const whole = (value: string | undefined, fallback: number, max: number) => {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= max ? number : fallback;
};

export function sessionLimits(env: Record<string, string | undefined> = process.env): SessionLimits {
  return {
    idleSeconds: whole(env.SESSION_IDLE_SECONDS, 30 * 60, 7 * 86_400),
    maxAgeSeconds: whole(env.SESSION_MAX_AGE_SECONDS, 12 * 3_600, 30 * 86_400),
  };
}

export const nowSeconds = (now = Date.now()) => Math.floor(now / 1000);

/** Why a session is over, or null while it is valid. A token without times is over. */
export function sessionExpiry(times: Partial<SessionTimes>, now: number, limits: SessionLimits): "idle" | "expired" | null {
  if (typeof times.signedInAt !== "number" || typeof times.lastSeenAt !== "number") return "expired";
  if (now - times.signedInAt >= limits.maxAgeSeconds) return "expired";
  if (now - times.lastSeenAt >= limits.idleSeconds) return "idle";
  return null;
}

/** Whether to rewrite the cookie with a new activity time (at most once a minute). */
export function needsRefresh(times: SessionTimes, now: number, limits: SessionLimits): boolean {
  return now - times.lastSeenAt >= Math.min(60, Math.max(1, Math.floor(limits.idleSeconds / 4)));
}
