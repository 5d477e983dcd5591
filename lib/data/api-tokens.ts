import "server-only";
// API tokens, issued and revoked by admins. A token acts as its user, with that user's
// role at the time of each call, or read-only; it expires (90 days unless chosen) and ends
// for good when its user is disabled or their password is reset. Every call with a token
// that does not work is in the audit log, with the client's address.
import { readAfterLsnOf } from "./read-routing";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { generateApiToken, hashApiToken, TOKEN_PREFIX } from "@/lib/auth/api-token";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "@/lib/domain/api-tokens";
import { text, wholeNumber } from "@/lib/domain/edit-schemas";
import { authorize, type Actor } from "@/lib/domain/actor";
import { recordAudit } from "./audit";
import { consumeRateLimit, enforceRateLimit } from "./rate-limit";
import { RateLimitedError, UnknownUserError } from "@/lib/domain/errors";

const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export const issueTokenSchema = z
  .object({
    name: text("Name", { max: 100, kind: "name" }),
    email: z.string().trim().toLowerCase().email("Enter the email of an existing user"),
    expiresInDays: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      wholeNumber("A whole number of days")
        .pipe(z.number().min(1, "At least 1 day").max(MAX_TOKEN_DAYS, `At most ${MAX_TOKEN_DAYS} days`))
        .default(DEFAULT_TOKEN_DAYS),
    ),
    readOnly: checkbox.default(false),
  })
  .strict();

export type TokenEndReason = "revoked" | "userDisabled" | "passwordReset";

export interface IssuedToken {
  id: number;
  token: string;
  expiresAt: string;
  readOnly: boolean;
}

export async function issueApiToken(actor: Actor | null, input: unknown, now = new Date()): Promise<IssuedToken> {
  const admin = authorize(actor, "manageApiTokens");
  const { name, email, expiresInDays, readOnly } = issueTokenSchema.parse(input);
  const { token, hash, prefix } = generateApiToken();
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user || user.disabledAt) throw new UnknownUserError();
    const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000);
    const record = await tx.apiToken.create({
      data: { name, tokenHash: hash, prefix, userId: user.id, issuedById: admin.id, expiresAt, readOnly },
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "apiToken.issue",
      entityType: "ApiToken",
      entityId: String(record.id),
      after: { name, prefix, user: user.email, expiresAt: expiresAt.toISOString(), readOnly },
    });
    return { id: record.id, token, expiresAt: expiresAt.toISOString(), readOnly };
  });
}

export async function revokeApiToken(actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  const admin = authorize(actor, "manageApiTokens");
  const { id } = z
    .object({ id: wholeNumber().pipe(z.number().positive()) })
    .strict()
    .parse(input);
  await db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    if (!token || token.revokedAt) return; // revoking twice changes nothing
    await tx.apiToken.update({ where: { id }, data: { revokedAt: now, revokedReason: "revoked" } });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: String(id),
      before: { name: token.name, prefix: token.prefix, revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
  });
}

/**
 * Ends every working token of a user, API and feed tokens alike, in the transaction that
 * disables them or resets their password.
 */
export async function endUserTokens(tx: Tx, userId: number, reason: TokenEndReason, now = new Date()): Promise<number> {
  const data = { revokedAt: now, revokedReason: reason };
  const api = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data });
  const feeds = await tx.feedToken.updateMany({ where: { userId, revokedAt: null }, data });
  return api.count + feeds.count;
}

export async function listApiTokens(actor: Actor | null) {
  authorize(actor, "manageApiTokens");
  return db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      revokedReason: true,
      readOnly: true,
      user: { select: { email: true, role: true } },
      issuedBy: { select: { email: true } },
    },
  });
}

/** Why a token was refused, for the audit log. */
type Refusal = "malformed" | "unknown" | "revoked" | "expired" | "userDisabled";

/**
 * A refused token (an API or a feed token): counted against the client address's budget
 * for unrecognised callers (over it: 429, and no more audit entries, so that a flood cannot
 * fill the audit log), and recorded in the audit log with the token's first characters,
 * never the token.
 */
export async function refuseToken(
  kind: { prefix: string; action: "auth.apiTokenRefused" | "auth.feedTokenRefused"; entityType: "ApiToken" | "FeedToken" },
  token: string,
  refusal: Refusal,
  clientAddress: string | null,
  tokenId: number | null,
): Promise<null> {
  const wait = await consumeRateLimit(`anonymous:${clientAddress ?? "unknown"}`, "anonymous");
  if (wait !== null) throw new RateLimitedError(wait);
  const prefix = token.startsWith(kind.prefix) ? token.slice(0, kind.prefix.length + 6) : null;
  await recordAudit(db(), {
    actorId: null,
    action: kind.action,
    entityType: kind.entityType,
    entityId: tokenId === null ? "" : String(tokenId),
    after: { reason: refusal, prefix, clientAddress },
  });
  return null;
}

const API_TOKEN = { prefix: TOKEN_PREFIX, action: "auth.apiTokenRefused", entityType: "ApiToken" } as const;
const refuse = (token: string, refusal: Refusal, clientAddress: string | null, tokenId: number | null) =>
  refuseToken(API_TOKEN, token, refusal, clientAddress, tokenId);

/**
 * The user a token acts as, or null when it is unknown, revoked, expired or its user
 * disabled. Each call counts against the token's request budget (RateLimitedError over it).
 */
export async function actorForApiToken(token: string, clientAddress: string | null = null, now = new Date()): Promise<Actor | null> {
  if (token.length < 10 || token.length > 200) return refuse(token, "malformed", clientAddress, null);
  const record = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!record) return refuse(token, "unknown", clientAddress, null);
  const refusal: Refusal | null = record.revokedAt
    ? "revoked"
    : record.expiresAt && record.expiresAt <= now
      ? "expired"
      : record.user.disabledAt
        ? "userDisabled"
        : null;
  if (refusal) return refuse(token, refusal, clientAddress, record.id);
  await enforceRateLimit(`token:${record.id}`, "token");
  // Recording every use would turn each read into a write; once a minute is enough to see it is in use.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  const { user } = record;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    credential: { kind: "token", tokenId: record.id, readOnly: record.readOnly },
    readAfterLsn: await readAfterLsnOf(user.id),
  };
}
