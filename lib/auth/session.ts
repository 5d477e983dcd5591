import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { isLocale } from "@/lib/domain/locales";
import { enforceRateLimit } from "@/lib/data/rate-limit";
import { authSecret } from "@/lib/env";
import { sessionCookie } from "./cookies";
import { nowSeconds, sessionExpiry, sessionLimits } from "./session-policy";
import { openSessionWithUser } from "./sessions";
import { ON_PRIMARY, readAfterLsnOf } from "@/lib/data/read-routing";
import { currentFill } from "@/lib/page-cache/fill";

/**
 * The signed-in user for this request, re-read from the database with their session: a
 * session that was signed out or ended, a disabled user or a changed role applies at once.
 * Each request counts against the user's request budget (lib/domain/rate-limits.ts); over
 * it, this throws RateLimitedError. Cached per request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  await connection(); // per-request: never prerendered at build time
  // The cookie's token, decoded only (next-auth's getServerSession would also encode a new
  // one on every call, which a page cannot send anyway: the proxy moves the idle deadline).
  // Only the cookie: getToken would also take a bearer token from the headers.
  const req = { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  const token = await getToken({ req, secret: authSecret(), cookieName: sessionCookie().name });
  const sessionId = token?.sid;
  if (!token?.uid || !sessionId || sessionExpiry({ signedInAt: token.signedInAt, lastSeenAt: token.lastSeenAt }, nowSeconds(), sessionLimits())) return null;
  const open = await openSessionWithUser(db(), sessionId);
  const user = open?.user;
  if (!user || user.disabledAt || String(user.id) !== token.uid) return null;
  // A page the whole-page cache renders was counted by the request that asked for it.
  const fill = await currentFill();
  if (!fill?.budgetCounted) await enforceRateLimit(`user:${user.id}`, "session");
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    credential: { kind: "session", sessionId },
    mustChangePassword: user.mustChangePassword,
    locale: isLocale(user.locale) ? user.locale : null,
    readAfterLsn: fill?.onPrimary ? ON_PRIMARY : await readAfterLsnOf(user.id),
  };
});

/** The page where a one-time password is replaced: the only page such a user may open. */
export const CHANGE_PASSWORD_PATH = "/account";

/** For pages: the signed-in user, or a redirect to the sign-in page (or to choosing a password). */
export async function requireActor({ passwordChangePage = false } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustChangePassword && !passwordChangePage) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}
