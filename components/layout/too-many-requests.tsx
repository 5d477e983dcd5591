"use client";
import { Hourglass } from "lucide-react";
import { useTranslations } from "use-intl";

/** Shown instead of a page when one user has sent more requests than their budget allows. */
export function TooManyRequests({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  const t = useTranslations("system");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16" data-testid="too-many-requests">
      <meta httpEquiv="refresh" content={String(Math.min(Math.max(retryAfterSeconds, 1), 300))} />
      <div className="flex items-start gap-3">
        <Hourglass aria-hidden className="mt-1 size-6 shrink-0 text-status-restricted" />
        <div>
          <h1 className="text-2xl font-semibold">{t("tooManyTitle")}</h1>
          <p className="mt-2 text-slate-600">{t("tooManyText", { seconds: retryAfterSeconds })}</p>
        </div>
      </div>
    </main>
  );
}
