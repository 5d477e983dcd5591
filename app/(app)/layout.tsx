import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AsOfControl } from "@/components/view/as-of-control";
import { MainNav, type NavItem } from "@/components/layout/main-nav";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { isDatabaseUnavailable } from "@/lib/db";
import { can } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error; // including the redirect to the sign-in page
  });
  if (!actor) return <DatabaseUnavailable />;
  const nav: NavItem[] = [
    { href: "/", label: "Overview" },
    { href: "/presences", label: "Presences" },
    { href: "/organisations", label: "Organisations" },
    { href: "/events", label: "Events" },
    ...(can(actor.role, "readAudit") ? [{ href: "/audit", label: "Audit log" }] : []),
    ...(can(actor.role, "manageUsers") ? [{ href: "/admin/users", label: "Users" }] : []),
    ...(can(actor.role, "manageApiTokens") ? [{ href: "/admin/tokens", label: "API tokens" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">Access Monitor</Link>
          <Suspense fallback={null}>
            <AsOfControl />
          </Suspense>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <span>
              {actor.name} <span className="text-slate-400">·</span> {ROLE_LABELS[actor.role]}
            </span>
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-4 pb-2">
          <Suspense fallback={null}>
            <MainNav items={nav} />
          </Suspense>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
