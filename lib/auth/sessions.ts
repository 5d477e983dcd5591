// Server-side sessions. The session cookie (a JWT signed with AUTH_SECRET) carries a random
// session id; a session works while its UserSession row is open. So signing out ends the
// session on the server (a copy of the cookie taken before stops working), and disabling a
// user, changing their role or password, or "sign out everywhere" end all their sessions at
// once, at the very next request.
import { randomBytes } from "node:crypto";
import type { PrismaClient, Tx } from "@/lib/db";
import { sessionLimits } from "./session-policy";

export type SessionEndReason = "signOut" | "signOutEverywhere" | "disabled" | "roleChanged" | "passwordChanged" | "passwordReset";

export interface SessionClient {
  clientAddress: string | null;
  userAgent: string | null;
}

export async function openSession(tx: Tx, userId: number, client: SessionClient, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  // Rows older than the longest session are of no use any more: forgotten as sessions start.
  await tx.userSession.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - sessionLimits().maxAgeSeconds * 1000) } } });
  await tx.userSession.create({
    data: { id, userId, createdAt: now, clientAddress: client.clientAddress, userAgent: client.userAgent?.slice(0, 300) ?? null },
  });
  return id;
}

/** Ends one session; the user it belonged to, or null when it was unknown or already over. */
export async function endSession(tx: Tx | PrismaClient, sessionId: string, reason: SessionEndReason, now = new Date()): Promise<number | null> {
  const session = await tx.userSession.findUnique({ where: { id: sessionId } });
  if (!session || session.endedAt) return null;
  await tx.userSession.update({ where: { id: sessionId }, data: { endedAt: now, endReason: reason } });
  return session.userId;
}

/** Ends every open session of a user; how many there were. */
export async function endAllSessions(tx: Tx | PrismaClient, userId: number, reason: SessionEndReason, now = new Date()): Promise<number> {
  const { count } = await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return count;
}

/** The session and its user, when the session is open. */
export async function openSessionWithUser(prisma: PrismaClient, sessionId: string) {
  const session = await prisma.userSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  return session && !session.endedAt ? session : null;
}
