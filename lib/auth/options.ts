// next-auth configuration: email + password (Credentials provider) with JWT sessions.
// The JWT alone is never trusted for access: lib/auth/session.ts re-reads the session and
// its user on every request, so a signed-out session, a disabled user or a changed role
// takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/domain/errors";
import { authSecret } from "@/lib/env";
import { recordAudit } from "@/lib/data/audit";
import { safeCallbackPath } from "@/lib/domain/redirects";
import { SIGN_IN_ERROR_MESSAGES } from "@/lib/domain/sign-in-messages";
import { clientAddressFrom } from "@/lib/domain/throttle";
import { authCookies, servedOverHttps } from "./cookies";
import { checkCredentials, type CredentialsResult } from "./credentials";
import { nowSeconds, sessionLimits } from "./session-policy";
import { endSession } from "./sessions";

// The cookie lives as long as the longest session; the idle and absolute limits are checked
// on every request (lib/auth/session-policy.ts).

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  return typeof headers?.[name] === "string" ? (headers[name] as string) : null;
}

/** Signing out ends the server-side session, so a copy of the cookie stops working too. */
async function endSignedOutSession(sessionId: string | undefined): Promise<void> {
  if (!sessionId) return;
  try {
    await db().$transaction(async (tx) => {
      const userId = await endSession(tx, sessionId, "signOut");
      if (userId !== null) await recordAudit(tx, { actorId: userId, action: "auth.signOut", entityType: "User", entityId: String(userId) });
    });
  } catch (error) {
    // The browser's cookie is cleared regardless; the session would still end at its idle limit.
    console.error("[auth] could not end the session on sign-out", isDatabaseUnavailable(error) ? "(database unavailable)" : error);
  }
}

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: sessionLimits().maxAgeSeconds },
    useSecureCookies: servedOverHttps(),
    cookies: authCookies(),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const headers = request?.headers as Record<string, unknown> | undefined;
          let result: CredentialsResult;
          try {
            result = await checkCredentials(db(), {
              email: String(credentials?.email ?? ""),
              password: String(credentials?.password ?? ""),
              clientAddress: clientAddressFrom(header(headers, "x-forwarded-for"), header(headers, "x-real-ip")),
              userAgent: header(headers, "user-agent"),
            });
          } catch (error) {
            // next-auth would show the error's own text: never an internal one.
            if (!isDatabaseUnavailable(error)) console.error("[auth] sign-in failed", error);
            throw new Error(isDatabaseUnavailable(error) ? SIGN_IN_ERROR_MESSAGES.unavailable : SIGN_IN_ERROR_MESSAGES.failed);
          }
          // next-auth passes a thrown error's message to the sign-in page: ours are safe to show.
          if (!result.ok) throw new Error(SIGN_IN_ERROR_MESSAGES[result.reason]);
          const { user } = result;
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionId: user.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sid = user.sessionId;
          token.signedInAt = nowSeconds();
          token.lastSeenAt = token.signedInAt;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user = { id: token.uid, email: token.email ?? "", name: token.name ?? "", role: token.role };
          session.sessionId = token.sid;
          session.times = { signedInAt: token.signedInAt, lastSeenAt: token.lastSeenAt };
        }
        return session;
      },
      // Only ever back to this site; a malformed URL (`callbackUrl=http://a:b`, in the query or
      // the callback-url cookie) goes home instead of making next-auth answer 500.
      redirect({ url, baseUrl }) {
        try {
          return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
        } catch {
          return baseUrl;
        }
      },
    },
    events: {
      signOut: ({ token }) => endSignedOutSession(token?.sid),
    },
  };
}
