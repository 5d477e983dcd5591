// Failed sign-ins per counter, stored in PostgreSQL so that the limits hold across app
// instances. The rules are in lib/domain/throttle.ts. An attempt is counted before its
// password is checked, under row locks taken in one order, so that parallel guesses cannot
// all slip in before the first failure is recorded.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS, type Tx } from "@/lib/db";
import {
  accountKey,
  clientKey,
  decideAttempt,
  pairKey,
  THROTTLE_RULES,
  type AttemptDecision,
  type ThrottleCounter,
  type ThrottleKey,
} from "@/lib/domain/throttle";

/** Counts the attempt against every counter it concerns, unless one of them is locked. */
export async function admitAttempt(prisma: PrismaClient, keys: ThrottleKey[], now = new Date()): Promise<AttemptDecision> {
  const names = keys.map((k) => k.key);
  return prisma.$transaction(async (tx) => {
    // Rows must exist to be locked; both statements go in key order, so no two attempts deadlock.
    await tx.$executeRaw`
      INSERT INTO "LoginThrottle" (key, failures, "lastFailedAt")
      SELECT k, 0, ${now} FROM unnest(${names}::text[]) AS k ORDER BY k
      ON CONFLICT (key) DO NOTHING`;
    const stored = await tx.$queryRaw<ThrottleCounter[]>`
      SELECT key, failures, "lastFailedAt", "lockedUntil" FROM "LoginThrottle"
      WHERE key = ANY(${names}::text[]) ORDER BY key FOR UPDATE`;
    const decision = decideAttempt(keys, stored, now);
    if (decision.admitted) {
      for (const counter of decision.counters) {
        await tx.loginThrottle.update({
          where: { key: counter.key },
          data: { failures: counter.failures, lastFailedAt: counter.lastFailedAt, lockedUntil: counter.lockedUntil },
        });
      }
    }
    return decision;
  }, TRANSACTION_OPTIONS);
}

/**
 * After a successful sign-in: the account's counters are cleared, and the client's counter
 * takes back the failure counted in advance (the client may be spraying other accounts, so
 * its earlier failures stay).
 */
export async function settleSuccess(tx: Tx, email: string, clientAddress: string | null): Promise<void> {
  const keys = [accountKey(email), ...(clientAddress ? [pairKey(clientAddress, email)] : [])];
  await tx.loginThrottle.deleteMany({ where: { key: { in: keys } } });
  if (clientAddress) {
    const free = THROTTLE_RULES.client.freeFailures;
    await tx.$executeRaw`
      UPDATE "LoginThrottle" SET failures = GREATEST(failures - 1, 0),
        "lockedUntil" = CASE WHEN failures - 1 < ${free} THEN NULL ELSE "lockedUntil" END
      WHERE key = ${clientKey(clientAddress)}`;
  }
}
