"use client";
import { useTranslations } from "use-intl";

// Shown for any unexpected error. Never the error's own message: it may hold internals.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("system");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("errorText")}</p>
      <button onClick={reset} className="mt-4 rounded-md bg-slate-900 px-3.5 py-2 text-sm font-medium text-white">
        {t("tryAgain")}
      </button>
    </main>
  );
}
