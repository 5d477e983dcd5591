"use client";
// The main sections; links keep the as-of date so that the whole app stays at one date.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "use-intl";
import { ISO_DAY } from "@/lib/domain/partial-date";

export interface NavItem {
  href: string;
  label: string;
}

export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const asOf = useSearchParams().get("asOf");
  return <MainNavLinks items={items} pathname={pathname} asOf={asOf && ISO_DAY.test(asOf) ? asOf : null} />;
}

/**
 * The links themselves, for MainNav and for its Suspense fallback: the layout renders them
 * from the request's path so that the navigation is in the page's first bytes. Without it the
 * navigation (which waits for the search parameters) streamed in after the whole page, 350 KB
 * later on a page of a hundred drafts, and appeared last.
 */
export function MainNavLinks({ items, pathname, asOf }: { items: NavItem[]; pathname: string; asOf: string | null }) {
  const t = useTranslations("shell");
  const suffix = asOf ? `?asOf=${asOf}` : "";
  return (
    <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-0.5 text-sm">
      {items.map((item) => {
        const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={`${item.href}${item.href.startsWith("/admin") ? "" : suffix}`}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-2 py-1.5 font-medium ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
