import "server-only";
// Who is calling the API: a bearer token when one is sent (and then only the token: a bad
// token is refused even with a session cookie), otherwise the signed-in session.
import { bearerToken } from "@/lib/auth/api-token";
import { currentActor } from "@/lib/auth/session";
import { actorForApiToken } from "@/lib/data/api-tokens";
import type { Actor } from "@/lib/domain/actor";
import { clientAddressFrom } from "@/lib/domain/throttle";

export function requestClientAddress(request: Request): string | null {
  return clientAddressFrom(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip"));
}

export async function apiActor(request: Request): Promise<Actor | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (token !== null) return actorForApiToken(token, requestClientAddress(request));
  return currentActor();
}
