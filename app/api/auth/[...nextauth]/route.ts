import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { currentActor } from "@/lib/auth/session";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Built per request so that a missing environment fails the request, not the build.
const nextAuth: Handler = (request, context) => NextAuth(getAuthOptions())(request, context);

/**
 * next-auth answers /api/auth/session from the cookie alone; a session that was signed out
 * or whose user was disabled must not be described as signed in, so that answer is checked
 * against the database first (the same check every page makes).
 */
const handler: Handler = async (request, context) => {
  const { nextauth } = await context.params;
  if (request.method === "GET" && nextauth.join("/") === "session") {
    const actor = await currentActor().catch(() => null);
    if (!actor) return Response.json({}, { headers: { "Cache-Control": "no-store" } });
  }
  return nextAuth(request, context);
};

export { handler as GET, handler as POST };
