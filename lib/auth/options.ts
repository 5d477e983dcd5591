// next-auth configuration: email + password (Credentials provider) with JWT sessions.
// The JWT alone is never trusted for access: lib/auth/session.ts re-reads the user on
// every request, so a disabled user or a changed role takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db, isDatabaseUnavailable } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { SIGN_IN_ERROR_MESSAGES } from "@/lib/domain/sign-in-messages";
import { clientAddressFrom } from "@/lib/domain/throttle";
import { authCookies, servedOverHttps } from "./cookies";
import { checkCredentials, type CredentialsResult } from "./credentials";
import { nowSeconds, sessionLimits } from "./session-policy";

// The cookie lives as long as the longest session; the idle and absolute limits are checked
// on every request (lib/auth/session-policy.ts).

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const header = (name: string) => (typeof headers?.[name] === "string" ? (headers[name] as string) : null);
  return clientAddressFrom(header("x-forwarded-for"), header("x-real-ip"));
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
          let result: CredentialsResult;
          try {
            result = await checkCredentials(db(), {
              email: String(credentials?.email ?? ""),
              password: String(credentials?.password ?? ""),
              clientAddress: clientAddress(request?.headers as Record<string, unknown> | undefined),
            });
          } catch (error) {
            // next-auth would show the error's own text: never an internal one.
            if (!isDatabaseUnavailable(error)) console.error("[auth] sign-in failed", error);
            throw new Error(isDatabaseUnavailable(error) ? SIGN_IN_ERROR_MESSAGES.unavailable : SIGN_IN_ERROR_MESSAGES.failed);
          }
          // next-auth passes a thrown error's message to the sign-in page: ours are safe to show.
          if (!result.ok) throw new Error(SIGN_IN_ERROR_MESSAGES[result.reason]);
          const { user } = result;
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.signedInAt = nowSeconds();
          token.lastSeenAt = token.signedInAt;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user = {
            id: token.uid,
            email: token.email ?? "",
            name: token.name ?? "",
            role: token.role,
            sessionVersion: token.sv ?? -1,
          };
          session.times = { signedInAt: token.signedInAt, lastSeenAt: token.lastSeenAt };
        }
        return session;
      },
    },
  };
}
