// Checks an email and password. Unknown email and wrong password give the same answer
// and take about the same time (a decoy hash is verified when the user does not exist).
// The attempt is counted before the password is checked (lib/auth/throttle.ts), every
// outcome is in the audit log with the client's address, and a success opens a session.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { TRANSACTION_OPTIONS } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { textProblem } from "@/lib/domain/text";
import { counterKind, throttleKeys } from "@/lib/domain/throttle";
import type { Role } from "@/lib/domain/vocabulary";
import { decoyPasswordHash, PASSWORD_MAX_LENGTH, verifyPassword } from "./password";
import { openSession, type SessionClient } from "./sessions";
import { admitAttempt, settleSuccess } from "./throttle";

export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  mustChangePassword: boolean;
}

export type CredentialsResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

export interface CredentialsInput extends Partial<SessionClient> {
  email: string;
  password: string;
  clientAddress: string | null;
}

export async function checkCredentials(prisma: PrismaClient, input: CredentialsInput, now = new Date()): Promise<CredentialsResult> {
  const email = input.email.trim().toLowerCase();
  const clientAddress = input.clientAddress;
  // No account has such an email or such a password: nothing to count or look up.
  if (!email || email.length > 254 || textProblem(email, "name") || textProblem(input.password) || (clientAddress && textProblem(clientAddress, "name"))) {
    return { ok: false, reason: "invalid" };
  }
  const decision = await admitAttempt(prisma, throttleKeys(email, clientAddress), now);
  if (!decision.admitted) {
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((decision.lockedUntil.getTime() - now.getTime()) / 1000) };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const password = input.password.length <= PASSWORD_MAX_LENGTH ? input.password : "";
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);

  if (!user || !matches || user.disabledAt) {
    // An email nobody has is not recorded: people type their password into the email field.
    const who = user ? { email: user.email } : { unknownAccount: true };
    await prisma.$transaction(async (tx) => {
      await recordAudit(tx, {
        actorId: null,
        action: "auth.signInFailed",
        entityType: "User",
        entityId: user ? String(user.id) : "",
        after: { ...who, clientAddress },
      });
      for (const counter of decision.newlyLocked) {
        await recordAudit(tx, {
          actorId: null,
          action: "auth.lockout",
          entityType: "User",
          entityId: user ? String(user.id) : "",
          after: { ...who, clientAddress, counter: counterKind(counter.key), failures: counter.failures, lockedUntil: counter.lockedUntil!.toISOString() },
        });
      }
    }, TRANSACTION_OPTIONS);
    return { ok: false, reason: "invalid" };
  }

  const sessionId = await prisma.$transaction(async (tx) => {
    await settleSuccess(tx, email, clientAddress);
    const id = await openSession(tx, user.id, { clientAddress, userAgent: input.userAgent ?? null }, now);
    await recordAudit(tx, { actorId: user.id, action: "auth.signIn", entityType: "User", entityId: String(user.id), after: { clientAddress } });
    return id;
  }, TRANSACTION_OPTIONS);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId, mustChangePassword: user.mustChangePassword },
  };
}
