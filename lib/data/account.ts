import "server-only";
// A user's own account: change their password (the current one required), see their open
// sessions, and sign out everywhere. Admins may sign any user out everywhere.
import { z } from "zod";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { hashPassword, newPasswordField, PASSWORD_MAX_LENGTH, verifyPassword } from "@/lib/auth/password";
import { sessionLimits } from "@/lib/auth/session-policy";
import { endAllSessions } from "@/lib/auth/sessions";
import { admitAttempt, settleSuccess } from "@/lib/auth/throttle";
import { throttleKeys } from "@/lib/domain/throttle";
import { authorize, type Actor } from "@/lib/domain/actor";
import type { Locale } from "@/lib/domain/locales";
import { recordAudit } from "./audit";
import { NotFoundError, RateLimitedError, RuleError, UnauthenticatedError } from "@/lib/domain/errors";

const newPassword = newPasswordField("Enter a new password.");

export const passwordChangeSchema = z
  .strictObject({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { message: "The two new passwords differ.", path: ["confirmPassword"] })
  .refine((input) => input.newPassword !== input.currentPassword, { message: "Choose a password other than the current one.", path: ["newPassword"] });

/** The signed-in person, whatever their role; a one-time password does not stop this. */
function self(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/**
 * Changes the actor's own password. A wrong current password counts as a failed sign-in
 * (the same counters), so this form cannot be used to guess it. Every other session ends.
 */
export async function changeOwnPassword(actor: Actor | null, input: unknown, clientAddress: string | null = null): Promise<void> {
  const me = self(actor);
  const { currentPassword, newPassword: chosen } = passwordChangeSchema.parse(input);
  const decision = await admitAttempt(db(), throttleKeys(me.email, clientAddress));
  if (!decision.admitted) throw new RateLimitedError(Math.ceil((decision.lockedUntil.getTime() - Date.now()) / 1000), "wrong passwords");
  const user = await db().user.findUniqueOrThrow({ where: { id: me.id } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new RuleError("The current password is not correct.", "currentPassword");
  const passwordHash = await hashPassword(chosen);
  const keep = me.credential?.kind === "session" ? me.credential.sessionId : undefined;
  await db().$transaction(async (tx) => {
    await settleSuccess(tx, me.email, clientAddress);
    await tx.user.update({ where: { id: me.id }, data: { passwordHash, mustChangePassword: false } });
    const ended = await tx.userSession.updateMany({
      where: { userId: me.id, endedAt: null, ...(keep ? { id: { not: keep } } : {}) },
      data: { endedAt: new Date(), endReason: "passwordChanged" },
    });
    await recordAudit(tx, {
      actorId: me.id,
      action: "auth.passwordChange",
      entityType: "User",
      entityId: String(me.id),
      after: { oneTimePasswordReplaced: user.mustChangePassword, otherSessionsEnded: ended.count, clientAddress },
    });
  }, TRANSACTION_OPTIONS);
}

export const signOutEverywhereSchema = z.strictObject({ userId: wholeNumber("Choose a user").pipe(z.number().positive()).optional() });

/** Ends every session of a user: one's own (no userId), or, for admins, anyone's. */
export async function signOutEverywhere(actor: Actor | null, input: unknown): Promise<{ ended: number }> {
  const me = self(actor);
  const { userId } = signOutEverywhereSchema.parse(input);
  const targetId = userId ?? me.id;
  if (targetId !== me.id) authorize(me, "manageUsers");
  return db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: targetId } });
    if (!target) throw new NotFoundError("This user");
    const ended = await endAllSessions(tx, targetId, "signOutEverywhere");
    await recordAudit(tx, {
      actorId: me.id,
      action: "auth.signOutEverywhere",
      entityType: "User",
      entityId: String(targetId),
      after: { sessionsEnded: ended },
    });
    return { ended };
  }, TRANSACTION_OPTIONS);
}

/** The actor's open sessions, newest first, marking the one making this request. */
export async function listOwnSessions(actor: Actor | null) {
  const me = self(actor);
  const current = me.credential?.kind === "session" ? me.credential.sessionId : null;
  const sessions = await db().userSession.findMany({
    where: { userId: me.id, endedAt: null, createdAt: { gt: new Date(Date.now() - sessionLimits().maxAgeSeconds * 1000) } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, clientAddress: true, userAgent: true },
  });
  return sessions.map(({ id, ...session }) => ({ ...session, current: id === current }));
}

/** Remembers the interface language the actor chose, for every browser they sign in from. */
export async function savePreferredLocale(actor: Actor | null, locale: Locale): Promise<void> {
  const me = self(actor);
  await db().user.update({ where: { id: me.id }, data: { locale } });
}
