import "server-only";
// API tokens, issued and revoked by admins. A token acts as its user, with that user's
// role at the time of each call; a disabled user's tokens stop working with them.
import { z } from "zod";
import { db } from "@/lib/db";
import { generateApiToken, hashApiToken } from "@/lib/auth/api-token";
import { authorize, type Actor } from "./actor";

export const issueTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Give the token a name, e.g. what it is for").max(100, "At most 100 characters"),
    email: z.string().trim().toLowerCase().email("Enter the email of an existing user"),
    expiresInDays: z.coerce.number().int().min(1, "At least 1 day").max(730, "At most 730 days").optional(),
  })
  .strict();

export class UnknownUserError extends Error {
  constructor() {
    super("No active user has that email.");
    this.name = "UnknownUserError";
  }
}

export interface IssuedToken {
  id: number;
  token: string;
}

export async function issueApiToken(actor: Actor | null, input: unknown, now = new Date()): Promise<IssuedToken> {
  const admin = authorize(actor, "manageApiTokens");
  const { name, email, expiresInDays } = issueTokenSchema.parse(input);
  const { token, hash, prefix } = generateApiToken();
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user || user.disabledAt) throw new UnknownUserError();
    const expiresAt = expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000) : null;
    const record = await tx.apiToken.create({
      data: { name, tokenHash: hash, prefix, userId: user.id, issuedById: admin.id, expiresAt },
    });
    await tx.auditEntry.create({
      data: {
        actorId: admin.id,
        action: "apiToken.issue",
        entityType: "ApiToken",
        entityId: String(record.id),
        after: { name, prefix, user: user.email, expiresAt: expiresAt?.toISOString() ?? null },
      },
    });
    return { id: record.id, token };
  });
}

export async function revokeApiToken(actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  const admin = authorize(actor, "manageApiTokens");
  const { id } = z.object({ id: z.coerce.number().int().positive() }).strict().parse(input);
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    if (!token || token.revokedAt) return; // revoking twice changes nothing
    await tx.apiToken.update({ where: { id }, data: { revokedAt: now } });
    await tx.auditEntry.create({
      data: {
        actorId: admin.id,
        action: "apiToken.revoke",
        entityType: "ApiToken",
        entityId: String(id),
        before: { name: token.name, prefix: token.prefix, revokedAt: null },
        after: { revokedAt: now.toISOString() },
      },
    });
  });
}

export async function listApiTokens(actor: Actor | null) {
  authorize(actor, "manageApiTokens");
  return db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true,
      user: { select: { email: true, role: true } },
      issuedBy: { select: { email: true } },
    },
  });
}

/** The user a token acts as, or null when it is unknown, revoked, expired or its user disabled. */
export async function actorForApiToken(token: string, now = new Date()): Promise<Actor | null> {
  if (token.length < 10 || token.length > 200) return null;
  const record = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now) || record.user.disabledAt) return null;
  // Recording every use would turn each read into a write; once a minute is enough to see it is in use.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  const { user } = record;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
