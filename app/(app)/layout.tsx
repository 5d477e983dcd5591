import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AsOfControl } from "@/components/view/as-of-control";
import { MainNav, MainNavLinks, type NavItem } from "@/components/layout/main-nav";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { TooManyRequests } from "@/components/layout/too-many-requests";
import { isDatabaseUnavailable } from "@/lib/domain/errors";
import { can } from "@/lib/domain/permissions";
import { headers } from "next/headers";
import { CHANGE_PASSWORD_PATH, requireActor } from "@/lib/auth/session";
import { PATH_HEADER } from "@/lib/security/headers";
import { vocabularyLabels } from "@/lib/domain/vocabulary";
import { formatNumber } from "@/lib/domain/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { RateLimitedError } from "@/lib/domain/errors";
import { countDrafts } from "@/lib/data/review";
import { NAME_PLACEHOLDER } from "@/lib/domain/page-cache";
import { currentFill } from "@/lib/page-cache/fill";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  // A user with a one-time password is sent to the account page before anything streams
  // (every page checks it again; the data layer refuses them everything else regardless).
  const path = (await headers()).get(PATH_HEADER);
  const actor = await requireActor({ passwordChangePage: path === CHANGE_PASSWORD_PATH }).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return "unavailable" as const;
    if (error instanceof RateLimitedError) return error;
    throw error; // including the redirect to the sign-in page
  });
  if (actor === "unavailable") return <DatabaseUnavailable />;
  if (actor instanceof RateLimitedError) return <TooManyRequests retryAfterSeconds={actor.retryAfterSeconds} />;
  const [locale, t] = [await getLocale(), await getTranslations("shell")];
  // A page rendered for the whole-page cache shows a placeholder, replaced by each reader's name.
  const name = (await currentFill()) ? NAME_PLACEHOLDER : actor.name;
  const drafts = can(actor.role, "editEvents") && !actor.mustChangePassword ? await countDrafts(actor) : null;
  const nav: NavItem[] = [
    { href: "/", label: t("nav.overview") },
    { href: "/presences", label: t("nav.presences") },
    { href: "/organisations", label: t("nav.organisations") },
    { href: "/events", label: t("nav.events") },
    { href: "/assessments", label: t("nav.assessments") },
    ...(can(actor.role, "follow") ? [{ href: "/watchlist", label: t("nav.watchlist") }] : []),
    ...(can(actor.role, "editEvents")
      ? [
          {
            href: "/review",
            label: drafts?.count ? t("nav.reviewCount", { count: `${formatNumber(drafts.count, locale)}${drafts.atLeast ? "+" : ""}` }) : t("nav.review"),
          },
          { href: "/imports", label: t("nav.imports") },
          { href: "/triage", label: t("nav.triage") },
        ]
      : []),
    ...(can(actor.role, "readAudit") ? [{ href: "/audit", label: t("nav.audit") }] : []),
    ...(can(actor.role, "manageUsers") ? [{ href: "/admin/users", label: t("nav.users") }] : []),
    ...(can(actor.role, "manageApiTokens") ? [{ href: "/admin/tokens", label: t("nav.apiTokens") }] : []),
    ...(can(actor.role, "manageWebhooks") ? [{ href: "/admin/webhooks", label: t("nav.webhooks") }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Access Monitor
          </Link>
          {/* Until a one-time password is replaced, nothing but the account page opens: no menus. */}
          {!actor.mustChangePassword && (
            <Suspense fallback={null}>
              <AsOfControl />
            </Suspense>
          )}
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <Link href="/account" className="rounded-md px-1.5 py-1 hover:bg-slate-100" title={t("accountTitle")}>
              {name} <span className="text-slate-500">·</span> {vocabularyLabels(locale).role[actor.role]}
            </Link>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
        {!actor.mustChangePassword && (
          <div className="mx-auto max-w-6xl px-4 pb-2">
            <Suspense fallback={<MainNavLinks items={nav} pathname={path ?? ""} asOf={null} />}>
              <MainNav items={nav} />
            </Suspense>
          </div>
        )}
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
