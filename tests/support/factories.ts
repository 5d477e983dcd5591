// Factories that make unique rows, so that tests sharing a database never collide.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/data/actor";
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
