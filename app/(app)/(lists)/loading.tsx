"use client";
import { useTranslations } from "use-intl";
// The list pages (overview and tables) stream: this shows while their data loads. Detail
// pages (a country, an organisation, an event) are outside this group so that an unknown
// one answers 404: once a page streams, its status is already sent.
export default function Loading() {
  const t = useTranslations("table");
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <div className="h-7 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-48 animate-pulse rounded bg-slate-200" />
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}
