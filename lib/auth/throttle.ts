// Failed sign-ins per key, stored in PostgreSQL so that the limit holds across app instances.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FORGET_AFTER_SECONDS, lockSecondsAfter } from "@/lib/domain/throttle";

export function throttleKeys(email: string, clientAddress: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (clientAddress) keys.push(`ip:${clientAddress}`);
  return keys;
}

/** The latest time until which any of the keys is locked, or null if none is. */
export async function lockedUntil(prisma: PrismaClient, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

export async function recordFailure(prisma: PrismaClient, keys: string[], now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const key of keys) {
      const existing = await tx.loginThrottle.findUnique({ where: { key } });
      const stale =
        existing && now.getTime() - existing.lastFailedAt.getTime() > FORGET_AFTER_SECONDS * 1000;
      const failures = !existing || stale ? 1 : existing.failures + 1;
      const lockSeconds = lockSecondsAfter(failures);
      const data = {
        failures,
        lastFailedAt: now,
        lockedUntil: lockSeconds ? new Date(now.getTime() + lockSeconds * 1000) : null,
      };
      await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
    }
  });
}

export async function clearFailures(prisma: PrismaClient, email: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
