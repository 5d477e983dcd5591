// Sign-in throttling rules (pure). Three counters, each locking after a few free failures
// for twice as long per further failure, up to a cap:
// - one client guessing one account: locked for up to 15 minutes;
// - one client trying many accounts (password spraying): locked for up to 15 minutes;
// - one account tried from many clients: a cap of only one minute, because this is the
//   counter an attacker elsewhere can trip for a real user. It still holds guessing to
//   about one attempt a minute per account, while the user is never locked out for long.

export type ThrottleKind = "pair" | "client" | "account";

export interface ThrottleRule {
  freeFailures: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
}

export const THROTTLE_RULES: Record<ThrottleKind, ThrottleRule> = {
  pair: { freeFailures: 5, baseLockSeconds: 15, maxLockSeconds: 15 * 60 },
  client: { freeFailures: 20, baseLockSeconds: 15, maxLockSeconds: 15 * 60 },
  account: { freeFailures: 10, baseLockSeconds: 15, maxLockSeconds: 60 },
};

/** A key's failure count is forgotten after this long without failures. */
export const FORGET_AFTER_SECONDS = 60 * 60;

export function lockSecondsAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 20);
  return Math.min(rule.maxLockSeconds, rule.baseLockSeconds * 2 ** doublings);
}

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/** A counter as stored. */
export interface ThrottleCounter {
  key: string;
  failures: number;
  lastFailedAt: Date;
  lockedUntil: Date | null;
}

export type AttemptDecision = { admitted: false; lockedUntil: Date } | { admitted: true; counters: ThrottleCounter[]; newlyLocked: ThrottleCounter[] };

/**
 * Whether one sign-in attempt may be checked, decided before its password is: the attempt
 * is counted as a failure in advance (a success then takes it back), so that parallel
 * attempts see each other and at most the free failures are ever evaluated. A counter
 * not touched for FORGET_AFTER_SECONDS starts again from zero.
 */
export function decideAttempt(keys: ThrottleKey[], stored: ThrottleCounter[], now: Date): AttemptDecision {
  const byKey = new Map(stored.map((counter) => [counter.key, counter]));
  const locks = stored.flatMap((c) => (c.lockedUntil && c.lockedUntil > now ? [c.lockedUntil.getTime()] : []));
  if (locks.length) return { admitted: false, lockedUntil: new Date(Math.max(...locks)) };
  const forgetBefore = now.getTime() - FORGET_AFTER_SECONDS * 1000;
  const counters = keys.map(({ key, rule }) => {
    const previous = byKey.get(key);
    const failures = (previous && previous.lastFailedAt.getTime() >= forgetBefore ? previous.failures : 0) + 1;
    const lockSeconds = lockSecondsAfter(failures, rule);
    return { key, failures, lastFailedAt: now, lockedUntil: lockSeconds ? new Date(now.getTime() + lockSeconds * 1000) : null };
  });
  return { admitted: true, counters, newlyLocked: counters.filter((c) => c.lockedUntil) };
}

/** The counters one attempt counts against; without a known client address, the account's only. */
export function throttleKeys(email: string, clientAddress: string | null): ThrottleKey[] {
  const account = email.trim().toLowerCase();
  const keys: ThrottleKey[] = [{ key: accountKey(account), rule: THROTTLE_RULES.account }];
  if (clientAddress) {
    keys.push({ key: pairKey(clientAddress, account), rule: THROTTLE_RULES.pair });
    keys.push({ key: clientKey(clientAddress), rule: THROTTLE_RULES.client });
  }
  return keys;
}

export function accountKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export function clientKey(clientAddress: string): string {
  return `ip:${clientAddress}`;
}

/** Which counter a key is, for the audit log (the key itself may hold an email nobody has). */
export function counterKind(key: string): ThrottleKind {
  return key.startsWith("pair:") ? "pair" : key.startsWith("ip:") ? "client" : "account";
}

export function pairKey(clientAddress: string, email: string): string {
  return `pair:${clientAddress}|${email.trim().toLowerCase()}`;
}

/**
 * The client's address from X-Forwarded-For: its last entry, the one added by the proxy
 * nearest to the app (earlier entries are whatever the client sent). Behind no proxy,
 * Next.js fills the header with the socket's address when the client sent none.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, realIp?: string | null): string | null {
  const last = forwardedFor
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last || realIp?.trim() || null;
}
