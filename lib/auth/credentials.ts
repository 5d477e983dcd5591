// Checks an email and password. Unknown email and wrong password give the same answer
// and take about the same time (a decoy hash is verified when the user does not exist).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/domain/vocabulary";
import { decoyPasswordHash, PASSWORD_MAX_LENGTH, verifyPassword } from "./password";
import { throttleKeys } from "@/lib/domain/throttle";
import { clearFailures, lockedUntil, recordFailure } from "./throttle";

export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

export type CredentialsResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };


export async function checkCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string; clientAddress: string | null },
  now = new Date(),
): Promise<CredentialsResult> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.clientAddress);
  const locked = await lockedUntil(prisma, keys, now);
  if (locked) {
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((locked.getTime() - now.getTime()) / 1000) };
  }
  const user = email ? await prisma.user.findUnique({ where: { email } }) : null;
  const password = input.password.length <= PASSWORD_MAX_LENGTH ? input.password : "";
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !matches || user.disabledAt) {
    await recordFailure(prisma, keys, now);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(prisma, email, input.clientAddress);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
