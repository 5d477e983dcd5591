import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/forms/sign-in-form";
import { currentActor } from "@/lib/auth/session";
import { DEMO_USERS, showsDemoAccounts } from "@/lib/domain/demo-users";
import { safeCallbackPath } from "@/lib/domain/redirects";
import { SIGN_IN_ERROR_MESSAGES, signInErrorMessage } from "@/lib/domain/sign-in-messages";
import { isDatabaseUnavailable } from "@/lib/domain/errors";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  // Without the database nobody can sign in: say so up front rather than after a try.
  const actor = await currentActor().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return "unavailable" as const;
    throw error;
  });
  if (actor && actor !== "unavailable") redirect("/");
  const ended =
    params.ended === "idle"
      ? "Your session ended after a period without activity. Please sign in again."
      : params.ended === "expired"
        ? "Your session reached its maximum length. Please sign in again."
        : null;
  // next-auth redirects here with ?error=<message>; only our own messages are shown.
  const error = actor === "unavailable" ? SIGN_IN_ERROR_MESSAGES.unavailable : (signInErrorMessage(params.error) ?? ended);
  const demo = showsDemoAccounts(process.env.ACCESS_MONITOR_DEMO, process.env.HOST);
  // The callback is cleaned here too, so that the page never carries a foreign address.
  const callbackUrl = params.callbackUrl ? safeCallbackPath(params.callbackUrl, "http://localhost") : null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Access Monitor</h1>
          <p className="mt-1 text-sm text-slate-600">Sign in to see who can still work where.</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm callbackUrl={callbackUrl} initialError={error} />
        </div>
        {demo && (
          <section aria-labelledby="demo-accounts" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            <h2 id="demo-accounts" className="font-medium text-slate-900">
              Demo accounts
            </h2>
            <p className="mt-1">This is the embedded demo database. The password is set by DEMO_PASSWORD (see the README).</p>
            <ul className="mt-2 space-y-0.5 font-mono text-xs">
              {DEMO_USERS.map((user) => (
                <li key={user.email}>
                  {user.email} — {user.role.toLowerCase()}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
