// Failed sign-ins per counter, stored in PostgreSQL so that the limits hold across app
// instances. The rules are in lib/domain/throttle.ts.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accountKey, FORGET_AFTER_SECONDS, lockSecondsAfter, pairKey, type ThrottleKey } from "@/lib/domain/throttle";

/** The latest time until which any of the keys is locked, or null if none is. */
export async function lockedUntil(prisma: PrismaClient, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) }, lockedUntil: { gt: now } } });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

export async function recordFailure(prisma: PrismaClient, keys: ThrottleKey[], now = new Date()): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  await prisma.$transaction(async (tx) => {
    for (const { key, rule } of keys) {
      await tx.loginThrottle.deleteMany({ where: { key, lastFailedAt: { lt: forgetBefore } } });
      // One INSERT … ON CONFLICT DO UPDATE: concurrent failures all count, none is lost.
      const { failures } = await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures: 1, lastFailedAt: now },
        update: { failures: { increment: 1 }, lastFailedAt: now },
      });
      const lockSeconds = lockSecondsAfter(failures, rule);
      if (lockSeconds) await tx.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + lockSeconds * 1000) } });
    }
  });
}

/** After a successful sign-in: the account's counters (not the client's, which may be spraying). */
export async function clearFailures(prisma: PrismaClient, email: string, clientAddress: string | null): Promise<void> {
  const keys = [accountKey(email), ...(clientAddress ? [pairKey(clientAddress, email)] : [])];
  await prisma.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}
