import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/data/actor";
import { getAuthOptions } from "./options";
import { nowSeconds, sessionExpiry, sessionLimits } from "./session-policy";

/**
 * The signed-in user for this request, re-read from the database: a disabled user, a
 * changed role or a bumped session version applies at once. Cached per request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  await connection(); // per-request: never prerendered at build time
  const session = await getServerSession(getAuthOptions());
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id)) return null;
  const user = await db().user.findUnique({ where: { id } });
  if (!user || user.disabledAt || user.sessionVersion !== session?.user.sessionVersion) return null;
  if (sessionExpiry(session.times ?? {}, nowSeconds(), sessionLimits())) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
