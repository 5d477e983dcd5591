// User records. createUser is used by the command line (`npm run user:create`), the demo
// seed and, through the actor-checked wrappers in user-admin.ts, the admin screens.
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, newPasswordField } from "@/lib/auth/password";
import { text } from "@/lib/domain/edit-schemas";
import { ROLES } from "@/lib/domain/vocabulary";
import { recordAudit } from "@/lib/data/audit";
import { DuplicateError } from "@/lib/domain/errors";

export const newUserSchema = z.strictObject({
  email: z
    .email("Enter a valid email address.")
    .max(254)
    .transform((e) => e.trim().toLowerCase()),
  name: text("Name", { max: 120, kind: "name" }),
  role: z.enum(ROLES, "Choose viewer, analyst or admin."),
  password: newPasswordField(),
});
export type NewUser = z.input<typeof newUserSchema>;

/** Creates a user; `actorId` is the admin who did it (null from the command line or the seed). */
export async function createUser(prisma: PrismaClient, input: NewUser, actorId: number | null = null, { mustChangePassword = false } = {}) {
  const data = newUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email } })) throw new DuplicateError(`A user with the email ${data.email} already exists.`, "email");
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, role: data.role, passwordHash, mustChangePassword },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(tx, { actorId, action: "user.create", entityType: "User", entityId: String(user.id), after: user });
    return user;
  });
}
