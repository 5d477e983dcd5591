"use client";
import { DatabaseZap } from "lucide-react";
import { useTranslations } from "use-intl";

/** Seconds between the page's own retries while the database is away. */
const RETRY_SECONDS = 15;

/**
 * Shown instead of a page when PostgreSQL cannot be reached. The page reloads itself, so
 * that it turns back into the page asked for as soon as the database is back (the app
 * itself needs no restart: every request opens new connections as needed).
 */
export function DatabaseUnavailable() {
  const t = useTranslations("system");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16" data-testid="database-unavailable">
      <meta httpEquiv="refresh" content={String(RETRY_SECONDS)} />
      <div className="flex items-start gap-3">
        <DatabaseZap aria-hidden className="mt-1 size-6 shrink-0 text-status-restricted" />
        <div>
          <h1 className="text-2xl font-semibold">{t("unavailableTitle")}</h1>
          <p className="mt-2 text-slate-600">{t("unavailableText", { seconds: RETRY_SECONDS })}</p>
          <p className="mt-4">
            {/* An empty href reloads the current address, whatever page was asked for. */}
            <a href="" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-medium text-white">
              {t("tryAgainNow")}
            </a>
          </p>
        </div>
      </div>
    </main>
  );
}
