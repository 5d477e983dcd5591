// Factories that make unique rows, so that tests sharing a database never collide.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/domain/actor";
import { REBUILD_EVENT_MONTH_TOTALS } from "@/lib/data/projections/event-month-totals";
import { refreshPresenceProjection } from "@/lib/data/projections/presence-projection-store";
import { REBUILD_STATUS_COUNT_HISTORY } from "@/lib/data/projections/status-count-history";
import type { Role } from "@/lib/domain/vocabulary";

export const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex")}`;

export async function seedUser(prisma: PrismaClient, overrides: { role?: Role; password?: string; disabled?: boolean } = {}) {
  const password = overrides.password ?? "a-long-test-password";
  const user = await prisma.user.create({
    data: {
      email: `${unique("user")}@example.test`,
      name: unique("Test User"),
      role: overrides.role ?? "VIEWER",
      passwordHash: await hashPassword(password),
      disabledAt: overrides.disabled ? new Date() : null,
    },
  });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  return { user, actor, password };
}

/**
 * After fixtures wrote events directly (not through the edit functions, which keep the
 * projections in step in their own transaction): brings the stored projections in line,
 * as a bulk load does.
 */
export async function refreshProjections(prisma: PrismaClient): Promise<void> {
  const presences = await prisma.presence.findMany({ select: { id: true } });
  await prisma.$transaction(
    async (tx) => {
      for (const { id } of presences) await refreshPresenceProjection(tx, id);
      await tx.$executeRaw`DELETE FROM "EventMonthTotal"`;
      await tx.$executeRaw(REBUILD_EVENT_MONTH_TOTALS);
      // Fixtures may also have written statuses or types directly.
      await tx.$executeRaw`DELETE FROM "StatusCountPeriod"`;
      await tx.$executeRaw(REBUILD_STATUS_COUNT_HISTORY);
    },
    { timeout: 60_000 },
  );
}
