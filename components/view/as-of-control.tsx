"use client";
import { useTranslations } from "use-intl";

import { CalendarDays } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { isoDate } from "@/lib/domain/partial-date";

/** The date the whole app is viewed at, kept in the URL (?asOf=YYYY-MM-DD). */
export function AsOfControl() {
  const t = useTranslations("view");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = params.get("asOf") ?? "";
  const [value, setValue] = useState(current);
  const today = isoDate(new Date());

  function go(asOf: string) {
    const next = new URLSearchParams(params.toString());
    if (asOf && asOf < today) next.set("asOf", asOf);
    else next.delete("asOf");
    const query = next.toString();
    router.push(`${pathname}${query ? `?${query}` : ""}`);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    go(value);
  }

  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2 text-sm" role="search" aria-label={t("asOfLabel")}>
      <label htmlFor="as-of" className="flex items-center gap-1 text-slate-600">
        <CalendarDays aria-hidden className="size-4" />
        {t("asOf")}
      </label>
      <input
        id="as-of"
        type="date"
        value={value}
        max={today}
        onChange={(e) => setValue(e.target.value)}
        className="rounded-md border border-slate-300 px-2 py-1 text-slate-900"
      />
      <button type="submit" className="rounded-md bg-slate-900 px-2.5 py-1 font-medium text-white hover:bg-slate-700">
        {t("viewButton")}
      </button>
      {current && (
        <button
          type="button"
          onClick={() => {
            setValue("");
            go("");
          }}
          className="rounded-md px-2 py-1 text-slate-700 underline hover:bg-slate-100"
        >
          {t("today")}
        </button>
      )}
    </form>
  );
}
