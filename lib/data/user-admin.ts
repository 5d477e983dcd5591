import "server-only";
// User administration (admins): create, change role, disable or enable, reset password,
// sign out everywhere. Every change that affects access ends the user's open sessions, so
// they stop at the next request; disabling a user or resetting their password also ends
// their API tokens (re-enabling does not bring them back). A password an admin sets works
// once: the user must choose their own at the next sign-in. The last active admin can be neither demoted nor
// disabled; admin rows are locked while that is checked, so two admins cannot demote
// each other at the same moment.
import { z } from "zod";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { db, TRANSACTION_OPTIONS, type Tx } from "@/lib/db";
import { hashPassword, newPasswordField } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import { endUserTokens } from "./api-tokens";
import { ROLES, type Role } from "@/lib/domain/vocabulary";
import { authorize, type Actor } from "@/lib/domain/actor";
import { createUser, newUserSchema } from "./users";
import { recordAudit } from "@/lib/data/audit";
import { NotFoundError, RuleError } from "@/lib/domain/errors";

export async function listUsers(actor: Actor | null) {
  authorize(actor, "manageUsers");
  return db().user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, mustChangePassword: true, createdAt: true },
  });
}

export async function adminCreateUser(actor: Actor | null, input: unknown) {
  const admin = authorize(actor, "manageUsers");
  // The admin knows this password: it works once, to choose the user's own.
  return createUser(db(), newUserSchema.parse(input), admin.id, { mustChangePassword: true });
}

const userId = wholeNumber("Choose a user").pipe(z.number().positive("Choose a user"));
export const roleChangeSchema = z.strictObject({ userId, role: z.enum(ROLES, "Choose viewer, analyst or admin") });
export const disableSchema = z.strictObject({ userId, disabled: z.boolean() });
export const passwordResetSchema = z.strictObject({
  userId,
  password: newPasswordField(),
});

async function lockedTarget(tx: Tx, id: number) {
  // Lock every active admin row first (same order for everyone), then read the target.
  await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw new NotFoundError("This user");
  return user;
}

async function assertNotLastAdmin(tx: Tx, user: { id: number; role: Role; disabledAt: Date | null }, message: string) {
  if (user.role !== "ADMIN" || user.disabledAt) return;
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: user.id } } });
  if (others === 0) throw new RuleError(message);
}

export async function changeRole(actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "manageUsers");
  const { userId: id, role } = roleChangeSchema.parse(input);
  await db().$transaction(async (tx) => {
    const user = await lockedTarget(tx, id);
    if (user.role === role) return;
    if (role !== "ADMIN") await assertNotLastAdmin(tx, user, "This is the last active admin: make someone else an admin first.");
    await tx.user.update({ where: { id }, data: { role } });
    await endAllSessions(tx, id, "roleChanged");
    await recordAudit(tx, {
      actorId: admin.id,
      action: "user.changeRole",
      entityType: "User",
      entityId: String(id),
      before: { role: user.role },
      after: { role },
    });
  }, TRANSACTION_OPTIONS);
}

export async function setDisabled(actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  const admin = authorize(actor, "manageUsers");
  const { userId: id, disabled } = disableSchema.parse(input);
  await db().$transaction(async (tx) => {
    const user = await lockedTarget(tx, id);
    if (Boolean(user.disabledAt) === disabled) return;
    if (disabled) await assertNotLastAdmin(tx, user, "This is the last active admin and cannot be disabled.");
    await tx.user.update({ where: { id }, data: { disabledAt: disabled ? now : null } });
    if (disabled) {
      await endAllSessions(tx, id, "disabled", now);
      await endUserTokens(tx, id, "userDisabled", now);
    }
    await recordAudit(tx, {
      actorId: admin.id,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: String(id),
      before: { disabledAt: user.disabledAt?.toISOString() ?? null },
      after: { disabledAt: disabled ? now.toISOString() : null },
    });
  }, TRANSACTION_OPTIONS);
}

export async function resetPassword(actor: Actor | null, input: unknown): Promise<void> {
  const admin = authorize(actor, "manageUsers");
  const { userId: id, password } = passwordResetSchema.parse(input);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundError("This user");
    await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true } });
    await endAllSessions(tx, id, "passwordReset");
    await endUserTokens(tx, id, "passwordReset");
    // Never the password or its hash: only that it was reset.
    await recordAudit(tx, { actorId: admin.id, action: "user.resetPassword", entityType: "User", entityId: String(id), after: { passwordReset: true } });
  }, TRANSACTION_OPTIONS);
}
