// Sign-in throttling rule (pure): after a few free failures, each further failure locks
// the key for twice as long as the previous one, up to a cap. The cap is short, so that
// an attacker cannot lock a real user out for long, yet guessing stays very slow.
export const FREE_FAILURES = 5;
export const BASE_LOCK_SECONDS = 15;
export const MAX_LOCK_SECONDS = 15 * 60;
/** A key's failure count is forgotten after this long without failures. */
export const FORGET_AFTER_SECONDS = 60 * 60;

export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const doublings = failures - FREE_FAILURES;
  return Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** Math.min(doublings, 20));
}
