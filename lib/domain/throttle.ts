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

/** The counters one attempt counts against; without a known client address, the account's only. */
export function throttleKeys(email: string, clientAddress: string | null): ThrottleKey[] {
  const account = email.trim().toLowerCase();
  const keys: ThrottleKey[] = [{ key: accountKey(account), rule: THROTTLE_RULES.account }];
  if (clientAddress) {
    keys.push({ key: pairKey(clientAddress, account), rule: THROTTLE_RULES.pair });
    keys.push({ key: `ip:${clientAddress}`, rule: THROTTLE_RULES.client });
  }
  return keys;
}

export function accountKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
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
  const last = forwardedFor?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last || realIp?.trim() || null;
}
