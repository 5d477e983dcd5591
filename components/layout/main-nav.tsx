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
  const t = useTranslations("shell");
  const pathname = usePathname();
  const asOf = useSearchParams().get("asOf");
  const suffix = asOf && ISO_DAY.test(asOf) ? `?asOf=${asOf}` : "";
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
