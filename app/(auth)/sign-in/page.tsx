import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/forms/sign-in-form";
import { currentActor } from "@/lib/auth/session";
import { DEMO_USERS, showsDemoAccounts } from "@/lib/domain/demo-users";
import { safeCallbackPath } from "@/lib/domain/redirects";
import { signInError } from "@/lib/domain/sign-in-messages";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { vocabularyLabels } from "@/lib/domain/vocabulary";
import { INTL_LOCALE } from "@/lib/domain/locales";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { isDatabaseUnavailable } from "@/lib/domain/errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signInPage"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  // Without the database nobody can sign in: say so up front rather than after a try.
  const actor = await currentActor().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return "unavailable" as const;
    throw error;
  });
  if (actor && actor !== "unavailable") redirect("/");
  const [t, tForm, locale] = [await getTranslations("signInPage"), await getTranslations("signIn"), await getLocale()];
  const ended = params.ended === "idle" ? t("endedIdle") : params.ended === "expired" ? t("endedExpired") : null;
  // next-auth redirects here with ?error=<message>; only our own messages are shown.
  const reported = actor === "unavailable" ? "unavailable" : signInError(params.error);
  const error = reported ? tForm(`errors.${reported}`) : ended;
  const demo = showsDemoAccounts(process.env.ACCESS_MONITOR_DEMO, process.env.HOST);
  // The callback is cleaned here too, so that the page never carries a foreign address.
  const callbackUrl = params.callbackUrl ? safeCallbackPath(params.callbackUrl, "http://localhost") : null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Access Monitor</h1>
            <p className="mt-1 text-sm text-slate-600">{t("tagline")}</p>
          </div>
          <LanguageSwitch />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm callbackUrl={callbackUrl} initialError={error} />
        </div>
        {demo && (
          <section aria-labelledby="demo-accounts" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            <h2 id="demo-accounts" className="font-medium text-slate-900">
              {t("demoTitle")}
            </h2>
            <p className="mt-1">{t("demoText")}</p>
            <ul className="mt-2 space-y-0.5 font-mono text-xs">
              {DEMO_USERS.map((user) => (
                <li key={user.email}>
                  {user.email} — {vocabularyLabels(locale).role[user.role].toLocaleLowerCase(INTL_LOCALE[locale])}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
